/**
 * Duplicate candidates: entities of one type whose names differ only by a legal form, a short form or their
 * romanisation, found through the blocking keys written at load, with their reasons.
 */
import { ingestDocument } from '../src/ingest';
import { closeTestDriver, testDatabase, testDriver } from './support/db';
import { NOTHING_STALE, staleDerivations } from './support/staleDerivations';
import { codes, exec, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

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
    const orgs = await duplicates('type: Organization, minScore: 0.8, first: 100');
    expect(pairOf(orgs, '新瑞光电科技股份有限公司', '新瑞光电科技有限公司')).toMatchObject({ score: 0.85, reasons: ['LEGAL_FORM'] });
    expect(pairOf(orgs, '高邮经开区', '高邮经济开发区')).toMatchObject({ score: 0.9, reasons: ['SHORT_FORM'] });
    expect(orgs.totalCount).toBe(orgs.edges.length);
  });

  it('then a Latin name that spells a Han name in pinyin is a weaker candidate, listed only under a lower threshold', async () => {
    expect(pairOf(await duplicates('type: Organization, minScore: 0.8, first: 100'), 'Xinrui Guangdian', '新瑞光电科技有限公司')).toBeUndefined();
    const low = await duplicates('type: Organization, minScore: 0.7, first: 100');
    expect(pairOf(low, 'Xinrui Guangdian', '新瑞光电科技有限公司')).toMatchObject({ score: 0.75, reasons: ['PINYIN_OR_LATIN'] });
  });

  it('then pairs are of one type, best first, and another type has none of them', async () => {
    const all = await duplicates('minScore: 0, first: 100');
    const scores = all.edges.map((e: any) => e.node.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect((await duplicates('type: Person, minScore: 0, first: 100')).edges.every((e: any) => e.node.a.id.startsWith('person:') && e.node.b.id.startsWith('person:'))).toBe(true);
    expect(pairOf(await duplicates('type: Place, minScore: 0, first: 100'), '高邮经开区', '高邮经济开发区')).toBeUndefined();
  });

  it('then the blocking keys agree with what re-deriving every entity gives', async () => {
    expect(await staleDerivations(testDriver(), testDatabase())).toEqual(NOTHING_STALE);
  });

  it('when the later article is deleted, then its candidates go with it and no blocking key is left pointing at nothing', async () => {
    await ok('mutation { deleteArticle(id: "dup-later") { deleted } }', undefined, 'editor');
    expect(pairOf(await duplicates('type: Organization, minScore: 0, first: 100'), '高邮经开区', '高邮经济开发区')).toBeUndefined();
    const { records } = await testDriver().executeQuery('MATCH (k:BlockingKey) WHERE NOT (k)-[:BLOCKS]->() RETURN count(k) AS n', {}, { database: testDatabase() });
    expect(Number(records[0].get('n'))).toBe(0);
  });

  it('when minScore is out of range, then BAD_USER_INPUT', async () => {
    expect(codes(await exec('{ duplicates(minScore: 2) { totalCount } }'))).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'minScore' }]);
  });
});
