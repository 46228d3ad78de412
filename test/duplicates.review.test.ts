/**
 * The review queue (issue 25 §2): a reviewer pages through the duplicate candidates with their reasons, and through
 * the pairs already judged (merged, marked distinct) with the reasons they had when judged and the judgement; an
 * undone judgement puts its pair back among the open ones. Against the real Neo4j.
 */
import { applySchema } from '../src/graph';
import { ingestDocument } from '../src/ingest';
import { doc, type Doc, ok } from './support/judgementApi';
import { testDatabase, testDriver, useTestDatabase } from './support/db';

useTestDatabase();
beforeAll(() => applySchema(testDriver(), testDatabase()));
jest.setTimeout(300_000);


const org = (key: string, name: string, id?: string) => ({ key, type: 'Organization', name, ...(id ? { id } : {}) });
const article = (id: string, entities: object[]) => doc(id, entities as Doc[]);

const QUEUE = `query($status: DuplicateStatus, $first: Int, $after: String) {
  duplicates(status: $status, minScore: 0.8, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { status score reasons a { id } b { id } judgement { id kind a b reason score reasons inForce } } } } }`;
// no status: the argument's default (OPEN)
const queue = async (status: string | null, first = 20, after: string | null = null) => (await ok(QUEUE, { ...(status ? { status } : {}), first, after })).duplicates;
const pairs = (conn: any) => conn.edges.map((e: any) => [e.node.status, e.node.a.id, e.node.b.id, e.node.score, e.node.reasons]);

describe('the review queue of duplicate candidates', () => {
  it('when candidates are merged or marked distinct, then each status pages through its pairs with the reasons they had', async () => {
    for (const doc of [
      article('r1', [org('a', '新瑞光电科技股份有限公司', 'org:xr1'), org('b', '高邮经济开发区', 'org:zone')]),
      article('r2', [org('a', '新瑞光电科技有限公司', 'org:xr2'), org('b', '高邮经开区', 'org:zone2')]),
      article('r3', [org('a', '华恒机械制造股份有限公司', 'org:hh1')]),
      article('r4', [org('a', '华恒机械制造有限公司', 'org:hh2')]),
    ]) {
      expect((await ingestDocument(testDriver(), doc, doc.article.id, { database: testDatabase() })).status).toBe('created');
    }
    // open: every candidate, best first, then by ids; paged
    const open = await queue(null);
    expect(pairs(open)).toEqual([
      ['OPEN', 'org:zone', 'org:zone2', 0.9, ['SHORT_FORM']],
      ['OPEN', 'org:hh1', 'org:hh2', 0.85, ['LEGAL_FORM']],
      ['OPEN', 'org:xr1', 'org:xr2', 0.85, ['LEGAL_FORM']],
    ]);
    expect(open.edges.every((e: any) => e.node.judgement === null)).toBe(true);
    const first = await queue('OPEN', 2);
    expect([first.totalCount, first.pageInfo.hasNextPage, pairs(first).length]).toEqual([3, true, 2]);
    expect(pairs(await queue('OPEN', 2, first.pageInfo.endCursor))).toEqual([pairs(open)[2]]);

    await ok(`mutation { mergeEntities(keep: "org:zone", merge: "org:zone2", reason: "简称") { id } }`, {}, 'editor');
    await ok(`mutation { markDistinct(a: "org:xr1", b: "org:xr2", reason: "两家公司") { id } }`, {}, 'editor');

    expect(pairs(await queue('OPEN'))).toEqual([['OPEN', 'org:hh1', 'org:hh2', 0.85, ['LEGAL_FORM']]]);
    const merged = await queue('MERGED');
    // a merged pair: both ids now give the kept entity; the score and reasons are those it had in the queue
    expect(pairs(merged)).toEqual([['MERGED', 'org:zone', 'org:zone', 0.9, ['SHORT_FORM']]]);
    expect(merged.edges[0].node.judgement).toMatchObject({ kind: 'MERGE', a: 'org:zone', b: 'org:zone2', reason: '简称', score: 0.9, reasons: ['SHORT_FORM'], inForce: true });
    expect((await ok(`{ judgements(kind: MERGE) { edges { node { score reasons } } } }`)).judgements.edges).toEqual([{ node: { score: 0.9, reasons: ['SHORT_FORM'] } }]);
    const distinct = await queue('DISTINCT');
    expect(pairs(distinct)).toEqual([['DISTINCT', 'org:xr1', 'org:xr2', 0.85, ['LEGAL_FORM']]]);
    expect(distinct.edges[0].node.judgement).toMatchObject({ kind: 'DISTINCT', reason: '两家公司', inForce: true });

    // undone, the pair is open again and leaves the judged ones
    await ok(`mutation($id: ID!) { undoJudgement(id: $id) { id } }`, { id: distinct.edges[0].node.judgement.id }, 'editor');
    expect(pairs(await queue('OPEN')).map((p: any) => [p[1], p[2]])).toEqual([
      ['org:hh1', 'org:hh2'],
      ['org:xr1', 'org:xr2'],
    ]);
    expect((await queue('DISTINCT')).totalCount).toBe(0);
  });
});
