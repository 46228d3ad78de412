/**
 * Duplicate candidates: entities of one type whose names differ only by a legal form, a short form or their
 * romanisation, found through the blocking keys written at load, with their reasons.
 */
import { executeWrite } from '../src/graph';
import { ingestDocument, mergeEntities } from '../src/ingest';
import { closeTestDriver, testDatabase, testDriver } from './support/db';
import { NOTHING_STALE, staleDerivations } from './support/staleDerivations';
import { codes, exec, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

/** Blocking keys marked shared that block fewer than two entities, or unmarked that block two or more (none, always). */
const misMarkedBlocks = async (): Promise<number> => {
  const { records } = await testDriver().executeQuery(
    'MATCH (k:BlockingKey) WITH k, COUNT { (k)-[:BLOCKS]->() } AS n WHERE (n > 1) <> (k:SharedBlock) RETURN count(k) AS wrong',
    {},
    { database: testDatabase() },
  );
  return Number(records[0].get('wrong'));
};

const PAIRS = `totalCount edges { node { score reasons a { id name } b { id name } } }`;
const duplicates = async (args: string): Promise<any> => (await ok(`{ duplicates(${args}) { ${PAIRS} } }`)).duplicates;
const pairOf = (conn: any, x: string, y: string): any =>
  conn.edges.map((e: any) => e.node).find((n: any) => [n.a.name, n.b.name].sort().join('|') === [x, y].sort().join('|'));

const later = {
  format: 'kg-article/1',
  article: { id: 'dup-later', title: '新瑞光电签约高邮经开区', publishedOn: '2023-07-02', language: 'zh' },
  entities: [
    { key: 'xr', type: 'Organization', name: '新瑞光电科技股份有限公司' },
    { key: 'zone', type: 'Organization', name: '高邮经开区' },
    { key: 'latin', type: 'Organization', name: 'Xinrui Guangdian' },
  ],
  events: [],
  relations: [],
  figures: [],
};

describe('when a later article names the seed\'s organisations differently', () => {
  beforeAll(async () => {
    const report = await ingestDocument(testDriver(), later, 'test', { database: testDatabase() });
    expect(report.status).toBe('created');
  });

  it('then 新瑞光电科技股份有限公司 is a candidate of 新瑞光电科技有限公司 (a legal form apart) and 高邮经开区 of 高邮经济开发区 (a short form)', async () => {
    const orgs = await duplicates('type: ORGANIZATION, minScore: 0.8, first: 100');
    expect(pairOf(orgs, '新瑞光电科技股份有限公司', '新瑞光电科技有限公司')).toMatchObject({ score: 0.85, reasons: ['LEGAL_FORM'] });
    expect(pairOf(orgs, '高邮经开区', '高邮经济开发区')).toMatchObject({ score: 0.9, reasons: ['SHORT_FORM'] });
    expect(orgs.totalCount).toBe(orgs.edges.length);
  });

  it('then a Latin name that spells a Han name in pinyin is a candidate, below a short form', async () => {
    const orgs = await duplicates('type: ORGANIZATION, minScore: 0.8, first: 100');
    expect(pairOf(orgs, 'Xinrui Guangdian', '新瑞光电科技有限公司')).toMatchObject({ score: 0.8, reasons: ['PINYIN_OR_LATIN'] });
    expect(pairOf(await duplicates('type: ORGANIZATION, minScore: 0.85, first: 100'), 'Xinrui Guangdian', '新瑞光电科技有限公司')).toBeUndefined();
  });

  it('then pairs are of one type, best first, and another type has none of them', async () => {
    const all = await duplicates('minScore: 0, first: 100');
    const scores = all.edges.map((e: any) => e.node.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect((await duplicates('type: PERSON, minScore: 0, first: 100')).edges.every((e: any) => e.node.a.id.startsWith('person:') && e.node.b.id.startsWith('person:'))).toBe(true);
    expect(pairOf(await duplicates('type: PLACE, minScore: 0, first: 100'), '高邮经开区', '高邮经济开发区')).toBeUndefined();
  });

  it('then the blocking keys agree with what re-deriving every entity gives, and exactly the blocks of two or more are marked shared', async () => {
    expect(await staleDerivations(testDriver(), testDatabase())).toEqual(NOTHING_STALE);
    expect(await misMarkedBlocks()).toBe(0);
  });

  it('when the later article is deleted, then its candidates go with it and no blocking key is left pointing at nothing', async () => {
    await ok('mutation { deleteArticle(id: "dup-later") { deleted } }', undefined, 'editor');
    expect(pairOf(await duplicates('type: ORGANIZATION, minScore: 0, first: 100'), '高邮经开区', '高邮经济开发区')).toBeUndefined();
    const { records } = await testDriver().executeQuery('MATCH (k:BlockingKey) WHERE NOT (k)-[:BLOCKS]->() RETURN count(k) AS n', {}, { database: testDatabase() });
    expect(Number(records[0].get('n'))).toBe(0);
    expect(await misMarkedBlocks()).toBe(0);
  });

  it('when minScore is out of range, then BAD_USER_INPUT', async () => {
    expect(codes(await exec('{ duplicates(minScore: 2) { totalCount } }'))).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'minScore' }]);
  });
});

const zones = {
  format: 'kg-article/1',
  article: { id: 'dup-zones', title: '高邮开发区与高新区', publishedOn: '2023-07-03', language: 'zh' },
  entities: [
    { key: 'bare', type: 'Organization', name: '高邮开发区' },
    { key: 'hitech', type: 'Organization', name: '高邮高新技术产业开发区' },
    { key: 'mc', type: 'Organization', name: '高邮经济开发区管委会' },
    { key: 'latin', type: 'Person', name: 'Jin Feng' },
    { key: 'sound', type: 'Person', name: '金峰' },
    { key: 'group', type: 'Organization', name: '新瑞集团' },
    { key: 'company', type: 'Organization', name: '新瑞公司' },
  ],
  events: [],
  relations: [{ type: 'HOLDS_POSITION', from: 'latin', to: 'mc', attributes: { title: '管委会主任' } }],
  figures: [],
};

describe('when an article names a zone by its city and 开发区, an official in pinyin and companies by a bare trade name', () => {
  beforeAll(async () => {
    expect((await ingestDocument(testDriver(), zones, 'test', { database: testDatabase() })).status).toBe('created');
  });
  afterAll(() => ok('mutation { deleteArticle(id: "dup-zones") { deleted } }', undefined, 'editor'));

  it('then 高邮开发区 is a candidate of each zone of 高邮 (CITY_ZONE), while the city\'s 经开区 and 高新区 are not candidates of each other', async () => {
    const orgs = await duplicates('type: ORGANIZATION, minScore: 0, first: 100');
    expect(pairOf(orgs, '高邮开发区', '高邮经济开发区')).toMatchObject({ score: 0.85, reasons: ['CITY_ZONE'] });
    expect(pairOf(orgs, '高邮开发区', '高邮高新技术产业开发区')).toMatchObject({ score: 0.85, reasons: ['CITY_ZONE'] });
    expect(pairOf(orgs, '高邮经济开发区', '高邮高新技术产业开发区')).toBeUndefined();
  });

  it('then an official named in pinyin is a candidate of the Han name when they hold the same title at the same body, and a Han name read alike is a weak one', async () => {
    const people = await duplicates('type: PERSON, minScore: 0, first: 100');
    expect(pairOf(people, 'Jin Feng', '金锋')).toMatchObject({ score: 0.8, reasons: ['PINYIN_OR_LATIN', 'SHARED_POSITION'] });
    expect(pairOf(people, '金峰', '金锋')).toMatchObject({ score: 0.5, reasons: ['HOMOPHONE'] });
    expect(pairOf(await duplicates('type: PERSON, minScore: 0.8, first: 100'), '金峰', '金锋')).toBeUndefined();
  });

  it('then two legal forms of a bare two-character trade name are a weak candidate, below the default threshold', async () => {
    expect(pairOf(await duplicates('type: ORGANIZATION, minScore: 0, first: 100'), '新瑞集团', '新瑞公司')).toMatchObject({ score: 0.7, reasons: ['LEGAL_FORM'] });
    expect(pairOf(await duplicates('type: ORGANIZATION, first: 100'), '新瑞集团', '新瑞公司')).toBeUndefined();
  });

  it('then the zone keys agree with what re-deriving every entity gives', async () => {
    expect(await staleDerivations(testDriver(), testDatabase())).toEqual(NOTHING_STALE);
    expect(await misMarkedBlocks()).toBe(0);
  });

  it('when an editor merges the pinyin name into the Han one, then the pair is gone and the blocks they shared are no longer marked shared', async () => {
    const jin = (await duplicates('type: PERSON, minScore: 0, first: 100')).edges.map((e: any) => e.node).find((n: any) => [n.a.name, n.b.name].includes('Jin Feng') && [n.a.name, n.b.name].includes('金锋'));
    const latinId = jin.a.name === 'Jin Feng' ? jin.a.id : jin.b.id;
    // the ingester's merge itself (the mutation's transaction limit is not what this is about)
    await executeWrite(testDriver(), (tx) => mergeEntities(tx, 'person:jin-feng', latinId), { database: testDatabase() });
    expect(pairOf(await duplicates('type: PERSON, minScore: 0, first: 100'), 'Jin Feng', '金锋')).toBeUndefined();
    expect(await misMarkedBlocks()).toBe(0);
  });
});
