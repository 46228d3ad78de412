/**
 * Connections count their matches only when `totalCount` is asked for (directly or through a fragment); the
 * pages themselves, `hasNextPage` and cursors are the same either way, including on the last page, on a page
 * that ends exactly at the end, and when a participant reaches one event in two roles.
 */
import { closeTestDriver } from './support/db';
import { statementsOf } from './support/recordingDriver';
import { ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const counts = (statements: string[]): boolean => statements.some((s) => /count\(|size\(hits\)/.test(s));

describe('totalCount on request only', () => {
  it.each([
    ['events', '{ events(first: 3) { edges { node { id } } } }', '{ events(first: 3) { totalCount edges { node { id } } } }'],
    ['entities', '{ entities(first: 3) { pageInfo { hasNextPage } } }', '{ entities(first: 3) { ...Counted } } fragment Counted on EntityConnection { totalCount }'],
    ['search', '{ search(query: "开发区", first: 2) { edges { score } } }', '{ search(query: "开发区", first: 2) { ... on SearchConnection { totalCount } } }'],
  ])('when %s are paged without totalCount, then nothing is counted; with it (even in a fragment), it is', async (_name, without, withTotal) => {
    expect(counts(await statementsOf(without))).toBe(false);
    expect(counts(await statementsOf(withTotal))).toBe(true);
  });
});

describe('pages without totalCount', () => {
  const PAGE = `pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } }`;

  it.each([
    ['every event', 'events', ''],
    ['the events 金锋 took part in', 'events', 'where: { participant: "person:jin-feng" }'],
    ['every organisation', 'entities', 'where: { types: [Organization] }'],
  ])('when paging through %s, then pages and hasNextPage equal those of the counted query, to the last page', async (_what, field, filter) => {
    const counted = await ok(`{ ${field}(first: 100 ${filter}) { totalCount edges { node { id } } } }`);
    const total: number = counted[field].totalCount;
    const all: string[] = counted[field].edges.map((e: { node: { id: string } }) => e.node.id);
    expect(all).toHaveLength(total);
    expect(total).toBeGreaterThan(2);
    // page sizes that end before, exactly at and past the end
    for (const size of [2, total, total - 1]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const data: any = await ok(`query($after: String, $n: Int!) { ${field}(first: $n, after: $after ${filter}) { ${PAGE} } }`, { after, n: size });
        const page = data[field];
        seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
        expect(page.pageInfo.hasNextPage).toBe(seen.length < total);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    }
  });

  it('when a search is paged without totalCount, then it gives the same hits in the same order as with it', async () => {
    const counted = await ok(`{ search(query: "高邮", first: 100) { totalCount edges { node { ... on Entity { id } ... on Event { id } } } } }`);
    const all = counted.search.edges.map((e: any) => e.node.id);
    expect(counted.search.totalCount).toBe(all.length);
    const first = await ok(`{ search(query: "高邮", first: 3) { pageInfo { hasNextPage endCursor } edges { node { ... on Entity { id } ... on Event { id } } } } }`);
    expect(first.search.edges.map((e: any) => e.node.id)).toEqual(all.slice(0, 3));
    expect(first.search.pageInfo.hasNextPage).toBe(all.length > 3);
    const rest = await ok(`query($after: String) { search(query: "高邮", first: 100, after: $after) { pageInfo { hasNextPage } edges { node { ... on Entity { id } ... on Event { id } } } } }`, { after: first.search.pageInfo.endCursor });
    expect(rest.search.edges.map((e: any) => e.node.id)).toEqual(all.slice(3));
    expect(rest.search.pageInfo.hasNextPage).toBe(false);
  });
});

