/**
 * Blocks over the cap (issue 25 §2): a blocking key shared by more than `BLOCK_CAP` entities (a common personal
 * name) is not compared pairwise, so a load naming one of them does not compare it with all the others and the review
 * queue is not filled with pairs that share only that name; `duplicates` lists the block as skipped. When the block
 * falls back under the cap (an article deleted, a merge), its pairs are candidates again. After every step the store
 * is what a full computation gives (`staleCandidates`). Against the real Neo4j.
 */
import { applySchema } from '../src/graph';
import { ingestDocument } from '../src/ingest';
import { BLOCK_CAP } from '../src/search';
import { doc, type Doc, ok } from './support/judgementApi';
import { testDatabase, testDriver, useTestDatabase } from './support/db';
import { NO_STALE_CANDIDATES, staleCandidates } from './support/staleCandidates';

useTestDatabase();
beforeAll(() => applySchema(testDriver(), testDatabase()));
jest.setTimeout(300_000);

/** Officials named 王伟, each with an id of their own: `n` of them, from number `from`. */
const wangs = (from: number, n: number): Doc[] =>
  Array.from({ length: n }, (_, i) => ({ key: `w${from + i}`, type: 'Person', id: `person:w${from + i}`, name: '王伟' }));
/** w1 and w2 also share a rarer alias: a block of two, compared whatever the size of 王伟's. */
const withAlias = (d: Doc): Doc => (['person:w1', 'person:w2'].includes(d.id) ? { ...d, aliases: ['王伟东'] } : d);

const load = async (d: Doc) => {
  const report = await ingestDocument(testDriver(), d, d.article.id, { database: testDatabase() });
  expect({ article: d.article.id, status: report.status, problems: report.problems ?? [] }).toEqual({ article: d.article.id, status: 'created', problems: [] });
};
const QUEUE = `{ duplicates(type: PERSON, minScore: 0, first: 1) { totalCount skippedBlocks { type kind value entities } } }`;
const queue = async () => (await ok(QUEUE)).duplicates as { totalCount: number; skippedBlocks: unknown[] };
const pairsOf = async (a: string, b: string) =>
  (await testDriver().executeQuery(`MATCH (:Entity {id: $a})-[d:DUPLICATE_CANDIDATE]-(:Entity {id: $b}) RETURN d.reasons AS reasons`, { a, b }, { database: testDatabase() })).records.map((r) => r.get('reasons'));
const fresh = () => staleCandidates(testDriver(), testDatabase());
/** Every pair of `n` entities. */
const allPairs = (n: number) => (n * (n - 1)) / 2;

describe(`when more than ${BLOCK_CAP} entities share one name`, () => {
  beforeEach(async () => {
    await load(doc('wang-1', wangs(1, BLOCK_CAP).map(withAlias)));
  });

  it('then at the cap every pair is a candidate; one more and the block is skipped, listed as such, and only the pair sharing a smaller block stays', async () => {
    expect(await queue()).toEqual({ totalCount: allPairs(BLOCK_CAP), skippedBlocks: [] });
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);

    await load(doc('wang-2', wangs(BLOCK_CAP + 1, 1)));
    const over = BLOCK_CAP + 1;
    expect(await queue()).toEqual({
      totalCount: 1,
      skippedBlocks: [
        { type: 'PERSON', kind: 'NAME', value: '王伟', entities: over },
        { type: 'PERSON', kind: 'PINYIN', value: 'wangwei', entities: over },
      ],
    });
    expect(await pairsOf('person:w1', 'person:w2')).toEqual([['SAME_NAME']]);
    expect(await pairsOf('person:w3', 'person:w4')).toEqual([]);
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);
    // another type's list says nothing of it
    expect((await ok(`{ duplicates(type: ORGANIZATION) { skippedBlocks { value } } }`)).duplicates.skippedBlocks).toEqual([]);
  });

  it('when the article that took the block over the cap is deleted, then its pairs are candidates again', async () => {
    await load(doc('wang-2', wangs(BLOCK_CAP + 1, 1)));
    expect((await queue()).totalCount).toBe(1);
    await ok(`mutation { deleteArticle(id: "wang-2") { deleted } }`, undefined, 'editor');
    expect(await queue()).toEqual({ totalCount: allPairs(BLOCK_CAP), skippedBlocks: [] });
    expect(await pairsOf('person:w3', 'person:w4')).toEqual([['SAME_NAME']]);
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);
  });

  it('when an editor merges one of them into another, then the block is under the cap again; undone, it is skipped again', async () => {
    await load(doc('wang-2', wangs(BLOCK_CAP + 1, 1)));
    await ok(`mutation { mergeEntities(keep: "person:w3", merge: "person:w${BLOCK_CAP + 1}", reason: "同一人") { id } }`, undefined, 'editor');
    expect(await queue()).toEqual({ totalCount: allPairs(BLOCK_CAP), skippedBlocks: [] });
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);

    const { judgements } = await ok(`{ judgements(kind: MERGE) { edges { node { id } } } }`);
    await ok(`mutation($id: ID!) { undoJudgement(id: $id) { id } }`, { id: judgements.edges[0].node.id }, 'editor');
    expect((await queue()).skippedBlocks).toHaveLength(2);
    expect((await queue()).totalCount).toBe(1);
    expect(await fresh()).toEqual(NO_STALE_CANDIDATES);
  });
});
