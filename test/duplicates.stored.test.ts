/**
 * Open duplicate candidates are stored as articles load (issue 25 §2: an index of blocking keys, not a scan of all
 * pairs when listed): a load writes the candidates of the entities it names in its own transaction, judgements keep
 * them right, and `duplicates` reads them back. After every step the store is what computing all pairs afresh gives
 * (`staleCandidates`). Against the real Neo4j, on the seed.
 */
import { applySchema } from '../src/graph';
import { ingestDocument } from '../src/ingest';
import { seed } from './api.harness';
import { closeTestDriver, testDatabase, testDriver } from './support/db';
import { doc, ok } from './support/judgementApi';
import { NO_STALE_CANDIDATES, staleCandidates } from './support/staleCandidates';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());
jest.setTimeout(120_000);

const QUEUE = `query($type: EntityType, $min: Float) { duplicates(type: $type, minScore: $min, first: 100) {
  totalCount edges { node { status score reasons a { id name } b { id name } } } } }`;
const open = async (min = 0, type: string | null = 'ORGANIZATION') => (await ok(QUEUE, { type, min })).duplicates;
const pairOf = (conn: any, x: string, y: string): any =>
  conn.edges.map((e: any) => e.node).find((n: any) => [n.a.name, n.b.name].sort().join('|') === [x, y].sort().join('|'));
const ingest = (d: object, afterStep?: (step: string) => void) => ingestDocument(testDriver(), d, 'test', { database: testDatabase(), afterStep });
const q = async (cypher: string) => (await testDriver().executeQuery(cypher, {}, { database: testDatabase() })).records.map((r) => r.toObject());
const stored = async () => Number((await q('MATCH ()-[d:DUPLICATE_CANDIDATE]->() RETURN count(d) AS n'))[0].n);
const fresh = () => staleCandidates(testDriver(), testDatabase());

const org = (key: string, name: string) => ({ key, type: 'Organization', name });
const later = doc('stored-later', [org('xr', '新瑞光电科技股份有限公司'), org('zone', '高邮经开区')]);

describe('when a document names 新瑞光电科技股份有限公司 and 高邮经开区 after the seed', () => {
  let seedIds: Map<string, string>;
  beforeAll(async () => {
    seedIds = new Map((await q(`MATCH (e:Organization) RETURN e.name AS name, e.id AS id`)).map((r) => [r.name as string, r.id as string]));
    expect(await stored()).toBe((await open(0, null)).totalCount);
    expect((await ingest(later)).status).toBe('created');
  });

  it("then both are OPEN candidates of the seed's entities, stored as a full computation gives them", async () => {
    const queue = await open();
    const xr = pairOf(queue, '新瑞光电科技股份有限公司', '新瑞光电科技有限公司');
    const zone = pairOf(queue, '高邮经开区', '高邮经济开发区');
    expect(xr).toMatchObject({ status: 'OPEN', score: 0.85, reasons: ['LEGAL_FORM'] });
    expect(zone).toMatchObject({ status: 'OPEN', score: 0.9, reasons: ['SHORT_FORM'] });
    expect([xr.a.id, xr.b.id]).toContain(seedIds.get('新瑞光电科技有限公司'));
    expect([zone.a.id, zone.b.id]).toContain(seedIds.get('高邮经济开发区'));
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);
    // what the queue lists is what is stored: every type, every score
    expect((await open(0, null)).totalCount).toBe(await stored());
  });

  it('then loading the same article again, unchanged or changed, stores no candidate twice', async () => {
    const before = await stored();
    expect((await ingest(later)).status).toBe('unchanged');
    const changed = doc('stored-later', [org('xr', '新瑞光电科技股份有限公司'), org('zone', '高邮经开区')], { article: { ...later.article, title: '改过的标题' } });
    expect((await ingest(changed)).status).toBe('updated');
    expect(await stored()).toBe(before);
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);
  });

  it('when a write naming a new variant fails after its last step, then no candidate of it is left', async () => {
    const before = await q('MATCH (a)-[d:DUPLICATE_CANDIDATE]->(b) RETURN a.id AS a, b.id AS b, d.score AS s ORDER BY a, b');
    const failing = doc('stored-failing', [org('v', '新瑞光电科技集团')]);
    await expect(
      ingest(failing, (step) => {
        if (step === 'derived') throw new Error('injected failure after derived');
      }),
    ).rejects.toThrow('injected failure after derived');
    expect(await q('MATCH (a)-[d:DUPLICATE_CANDIDATE]->(b) RETURN a.id AS a, b.id AS b, d.score AS s ORDER BY a, b')).toEqual(before);
    expect(pairOf(await open(), '新瑞光电科技集团', '新瑞光电科技有限公司')).toBeUndefined();
  });

  it('when an editor merges a pair, then it leaves the open candidates; undone, it is open again', async () => {
    const zone = pairOf(await open(), '高邮经开区', '高邮经济开发区');
    const keep = seedIds.get('高邮经济开发区')!;
    const other = zone.a.id === keep ? zone.b.id : zone.a.id;
    const { mergeEntities: merged } = await ok(`mutation($k: ID!, $m: ID!) { mergeEntities(keep: $k, merge: $m, reason: "简称") { id } }`, { k: keep, m: other }, 'editor');
    expect(merged.id).toBe(keep);
    expect(pairOf(await open(), '高邮经开区', '高邮经济开发区')).toBeUndefined();
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);

    const { judgements } = await ok(`{ judgements(kind: MERGE) { edges { node { id } } } }`);
    await ok(`mutation($id: ID!) { undoJudgement(id: $id) { id } }`, { id: judgements.edges[0].node.id }, 'editor');
    expect(pairOf(await open(), '高邮经开区', '高邮经济开发区')).toMatchObject({ status: 'OPEN', score: 0.9 });
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);
  });

  it('when an editor marks a pair distinct, then it leaves the open candidates; undone, it is open again', async () => {
    const xr = pairOf(await open(), '新瑞光电科技股份有限公司', '新瑞光电科技有限公司');
    const { markDistinct } = await ok(`mutation($a: ID!, $b: ID!) { markDistinct(a: $a, b: $b, reason: "两家公司") { id } }`, { a: xr.a.id, b: xr.b.id }, 'editor');
    expect(pairOf(await open(), '新瑞光电科技股份有限公司', '新瑞光电科技有限公司')).toBeUndefined();
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);
    // a later load naming either leaves the pair apart
    expect((await ingest(doc('stored-again', [org('xr', '新瑞光电科技股份有限公司')]))).status).toBe('created');
    expect(pairOf(await open(), '新瑞光电科技股份有限公司', '新瑞光电科技有限公司')).toBeUndefined();

    await ok(`mutation($id: ID!) { undoJudgement(id: $id) { id } }`, { id: markDistinct.id }, 'editor');
    expect(pairOf(await open(), '新瑞光电科技股份有限公司', '新瑞光电科技有限公司')).toMatchObject({ status: 'OPEN', score: 0.85 });
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);
  });

  it('when the article is deleted, then its entities\' candidates go with them', async () => {
    for (const id of ['stored-later', 'stored-again']) await ok(`mutation($id: ID!) { deleteArticle(id: $id) { deleted } }`, { id }, 'editor');
    expect(pairOf(await open(), '高邮经开区', '高邮经济开发区')).toBeUndefined();
    expect(pairOf(await open(), '新瑞光电科技股份有限公司', '新瑞光电科技有限公司')).toBeUndefined();
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);
  });
});

describe('when a graph was written before candidates were stored', () => {
  it('then the start-up computes them once, and records that it did', async () => {
    expect((await ingest(later)).status).toBe('created');
    const before = await stored();
    expect(before).toBeGreaterThan(0);
    await q(`MATCH ()-[d:DUPLICATE_CANDIDATE]->() DELETE d`);
    await q(`MATCH (m:GraphMeta) REMOVE m.candidateVersion`);
    await applySchema(testDriver(), testDatabase());
    expect(await stored()).toBe(before);
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);
    expect((await q(`MATCH (m:GraphMeta) RETURN m.candidateVersion AS v`)).map((r) => Number(r.v))).toEqual([1]);
  });
});
