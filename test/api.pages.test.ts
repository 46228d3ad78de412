/**
 * Connections count their matches only when `totalCount` is asked for (directly or through a fragment); the
 * pages themselves, `hasNextPage` and cursors are the same either way, including on the last page, on a page
 * that ends exactly at the end, and when a participant reaches one event in two roles.
 */
import { closeTestDriver } from './support/db';
import { statementsOf } from './support/recordingDriver';
import { EVENT_TYPES, enumName } from '../src/model';
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
    ['every organisation', 'entities', 'where: { types: [ORGANIZATION] }'],
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


describe('a page of every event, read in index order', () => {
  // a filter that every event passes takes the sorting path (the filter must be read for every event), so the
  // two paths are compared on the same events; the seed has undated events, which both put last by id
  const everyType = `where: { types: [${EVENT_TYPES.map(enumName).join(', ')}] }`;
  const ids = (data: any): string[] => data.events.edges.map((e: { node: { id: string } }) => e.node.id);

  it.each(['DATE_DESC', 'DATE_ASC', 'NAME_ASC'])(
    'when every event is paged %s, then each page equals the sorted order, undated events last, across the boundary',
    async (order) => {
      const sorted = ids(await ok(`{ events(first: 100, orderBy: ${order}, ${everyType}) { edges { node { id } } } }`));
      const undated = ids(await ok(`{ events(first: 100) { edges { node { id date } } } }`).then((d: any) => ({
        events: { edges: d.events.edges.filter((e: any) => e.node.date === null) },
      })));
      expect(undated.length).toBeGreaterThan(0);
      if (order !== 'NAME_ASC') expect(sorted.slice(-undated.length).sort()).toEqual([...undated].sort());
      for (const size of [1, 3, sorted.length - undated.length, sorted.length - undated.length + 1]) {
        const seen: string[] = [];
        let after: string | null = null;
        for (let guard = 0; guard < 200; guard++) {
          const data: any = await ok(`query($after: String, $n: Int!) { events(first: $n, after: $after, orderBy: ${order}) {
            pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after, n: size });
          seen.push(...ids(data));
          if (!data.events.pageInfo.hasNextPage) break;
          after = data.events.pageInfo.endCursor;
        }
        expect(seen).toEqual(sorted);
      }
    },
  );

  it('when every event is paged, then the statement walks the index instead of sorting every event', async () => {
    const [statement] = await statementsOf('{ events(first: 5, orderBy: DATE_DESC) { edges { node { id } } } }');
    expect(statement).toMatch(/WHERE ev\.dateStart IS NOT NULL/);
    expect(statement).not.toMatch(/ORDER BY ev\.dateStart IS NULL/);
  });
});
