/**
 * Name keys fold traditional characters and the short forms of institutional names; a graph whose keys were
 * written under the older rules is brought to the new ones once (rekeyNames: start-up, `kg ingest`, `kg rekey`),
 * after which documents naming its entities in either script or form find them.
 */
import { join } from 'node:path';
import { applySchema } from '../src/graph';
import { ingestAll, ingestDocument, readDocuments, rekeyNames } from '../src/ingest';
import { INSTITUTION_SHORT_FORMS, nameKey } from '../src/model';
import { testDatabase, useTestDatabase, wipe } from './support/db';
import { NOTHING_STALE, staleDerivations } from './support/staleDerivations';

/** The name key as it was before traditional characters and short forms were folded. */
const legacyKey = (type: string, name: string): string =>
  `${type}|${name.normalize('NFKC').trim().replace(/(?<=[\u2E80-\u9FFF\uFF00-\uFFEF])\s+|\s+(?=[\u2E80-\u9FFF\uFF00-\uFFEF])/gu, '').replace(/\s+/gu, ' ').toLowerCase()}`;

describe('name keys', () => {
  it('fold traditional characters and institutional short forms, and nothing more', () => {
    expect(nameKey('金鋒')).toBe(nameKey('金锋'));
    expect(nameKey('江南大學')).toBe(nameKey('江南大学'));
    expect(nameKey('高邮经济开发区管理委员会')).toBe(nameKey('高邮经济开发区管委会'));
    expect(nameKey('高邮经济开发区党工作委员会')).toBe(nameKey('高邮经济开发区党工委'));
    expect(nameKey('高郵經濟開發區管理委員會')).toBe(nameKey('高邮经济开发区管委会'));
    expect(nameKey('中国共产党高邮市委员会组织部')).toBe(nameKey('中共高邮市委员会组织部'));
    for (const [full, short] of INSTITUTION_SHORT_FORMS) expect([full, nameKey(`某某${full}`)]).toEqual([full, nameKey(`某某${short}`)]);
    expect(nameKey('新瑞光电科技股份有限公司')).not.toBe(nameKey('新瑞光电科技有限公司'));
    expect(nameKey('高邮经开区')).not.toBe(nameKey('高邮经济开发区'));
    expect(nameKey('开发区')).not.toBe(nameKey('高邮经济开发区'));
    expect(nameKey('Jiangnan  University')).toBe('jiangnan university');
  });
});

describe('a graph whose name keys were written under the older rules', () => {
  const driver = useTestDatabase({ wipeBeforeEach: false });
  const q = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver().executeQuery(cypher, params, { database: testDatabase() })).records.map((r) => r.toObject());
  const ingest = (doc: unknown) => ingestDocument(driver(), doc, 'test', { database: testDatabase() });

  beforeAll(async () => {
    await wipe();
    await applySchema(driver(), testDatabase());
    await ingestAll(driver(), readDocuments([join(__dirname, '..', 'seed')]), { database: testDatabase() });
    // a Hong Kong report naming the college in traditional characters, by its id
    const tw = {
      format: 'kg-article/1',
      article: { id: 'hk-report', title: '江南大學學院' },
      entities: [{ key: 'c', type: 'Organization', kind: 'University', name: '江南大學生命科學與健康工程學院', id: 'org:jiangnan-university-life-sciences-college' }],
    };
    expect((await ingest(tw)).status).toBe('created');
    // now every key as the older rules wrote it, and no record of the rules' version
    const entities = await q(`MATCH (e:Entity) RETURN e.id AS id, e.type AS type, [e.name] + e.aliases AS names`);
    await q(`MATCH (k:NameKey) DETACH DELETE k`);
    await q(`MATCH (m:GraphMeta) DELETE m`);
    await q(
      `UNWIND $rows AS row MATCH (e:Entity {id: row.id}) UNWIND row.keys AS key MERGE (k:NameKey {key: key}) MERGE (k)-[:IDENTIFIES]->(e)`,
      { rows: entities.map((e) => ({ id: e.id, keys: [...new Set((e.names as string[]).map((n) => legacyKey(e.type, n)))] })) },
    );
  }, 180_000);

  it('then it is seen as stale, re-keyed once, and a second pass changes nothing', async () => {
    expect(await staleDerivations(driver(), testDatabase())).not.toEqual(NOTHING_STALE);
    const old = await q(`MATCH (k:NameKey)-[:IDENTIFIES]->(:Entity {id: 'org:jiangnan-university-life-sciences-college'}) RETURN k.key AS key ORDER BY key`);
    expect(old.map((k) => k.key)).toContain('Organization|江南大學生命科學與健康工程學院');

    const first = await rekeyNames(driver(), { database: testDatabase() });
    expect(first).toMatchObject({ ran: true, checked: 92 });
    expect(first.changed).toBeGreaterThan(0);
    expect(await staleDerivations(driver(), testDatabase())).toEqual(NOTHING_STALE);
    const keys = await q(`MATCH (k:NameKey)-[:IDENTIFIES]->(:Entity {id: 'org:jiangnan-university-life-sciences-college'}) RETURN k.key AS key`);
    expect(keys.map((k) => k.key)).toEqual(['Organization|江南大学生命科学与健康工程学院']);

    expect(await rekeyNames(driver(), { database: testDatabase() })).toEqual({ ran: false, checked: 0, changed: 0 });
    expect(await rekeyNames(driver(), { database: testDatabase(), force: true })).toEqual({ ran: true, checked: 92, changed: 0 });
  });

  it('then a document naming 金鋒, 江南大學 or the 管理委员会 finds the existing entities, and a 股份有限公司 stays apart', async () => {
    const doc = {
      format: 'kg-article/1',
      article: { id: 'later-report', title: '後續報道' },
      entities: [
        { key: 'j', type: 'Person', name: '金鋒' },
        { key: 'u', type: 'Organization', kind: 'University', name: '江南大學' },
        { key: 'mc', type: 'Organization', kind: 'GovernmentAgency', name: '高邮经济开发区管理委员会' },
        { key: 'x', type: 'Organization', kind: 'Company', name: '新瑞光电科技股份有限公司' },
      ],
    };
    const report = await ingest(doc);
    expect(report.status).toBe('created');
    expect(report.counts?.entitiesCreated).toBe(1);
    const ids = await q(`MATCH (:Article {id: 'later-report'})-[m:MENTIONS]->(e) RETURN m.key AS key, e.id AS id ORDER BY key`);
    expect(Object.fromEntries(ids.map((r) => [r.key, r.id]))).toEqual({
      j: 'person:jin-feng',
      mc: 'org:gaoyou-edz-management-committee',
      u: 'org:jiangnan-university',
      x: 'organization:新瑞光电科技股份有限公司',
    });
  });
});
