/**
 * Search pages are ordered by score and then id, but with a total only the hits that can reach the page (those
 * scoring at least its last) have their ids read and sorted. Pages, their order, totals and hasNextPage are the
 * same with and without totalCount, page after page.
 */
import { ENTITY_TYPE_NAMES, enumName } from '../src/model';
import { closeTestDriver } from './support/db';
import { statementsOf } from './support/recordingDriver';
import { ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

interface Hit {
  id: string;
  score: number;
}

const EDGES = 'edges { score node { ... on Entity { id } ... on Event { id } } }';
const hitsOf = (conn: any): Hit[] => conn.edges.map((e: any) => ({ id: e.node.id, score: e.score }));

/** Reads every page of `size` hits, with or without totalCount; returns the hits, and each page's total. */
async function pageThrough(args: string, size: number, withTotal: boolean): Promise<{ hits: Hit[]; totals: unknown[] }> {
  const hits: Hit[] = [];
  const totals: unknown[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const data: any = await ok(
      `query($after: String) { search(${args}, first: ${size}, after: $after) {
         ${withTotal ? 'totalCount' : ''} pageInfo { hasNextPage endCursor } ${EDGES} } }`,
      { after },
    );
    hits.push(...hitsOf(data.search));
    totals.push(data.search.totalCount);
    if (!data.search.pageInfo.hasNextPage) return { hits, totals };
    after = data.search.pageInfo.endCursor;
  }
  throw new Error('pages never ended');
}

describe('searching page by page', () => {
  it.each([
    ['a place name shared by many organisations and events', 'query: "开发区"'],
    ['the same name, organisations only', 'query: "开发区", types: [ORGANIZATION]'],
    ['a town name', 'query: "高邮"'],
  ])('when %s is read two hits at a time, with or without totalCount, then the pages join up into the one-page ranking', async (_what, args) => {
    const whole = await ok(`{ search(${args}, first: 100) { totalCount pageInfo { hasNextPage } ${EDGES} } }`);
    const ranking = hitsOf(whole.search);
    expect(whole.search.totalCount).toBe(ranking.length);
    expect(whole.search.pageInfo.hasNextPage).toBe(false);
    expect(ranking.length).toBeGreaterThan(4);
    // best first; equal scores by id
    for (let i = 1; i < ranking.length; i++) {
      const [a, b] = [ranking[i - 1], ranking[i]];
      expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
    }

    const counted = await pageThrough(args, 2, true);
    expect(counted.hits).toEqual(ranking);
    expect(new Set(counted.totals)).toEqual(new Set([ranking.length]));

    const uncounted = await pageThrough(args, 2, false);
    expect(uncounted.hits).toEqual(ranking);
  });

  it('when a page ends exactly at the last hit, then it says there is no next page, with or without totalCount', async () => {
    const total = (await ok('{ search(query: "开发区", first: 100) { totalCount } }')).search.totalCount as number;
    for (const sel of ['totalCount', '']) {
      const exact = await ok(`{ search(query: "开发区", first: ${total}) { ${sel} pageInfo { hasNextPage } ${EDGES} } }`);
      expect(exact.search.edges).toHaveLength(total);
      expect(exact.search.pageInfo.hasNextPage).toBe(false);
    }
  });

  it('when the total is asked for, then only the hits that can reach the page are ordered by id', async () => {
    const [statement] = await statementsOf('{ search(query: "开发区", first: 2) { totalCount edges { score } } }');
    const byId = statement.match(/ORDER BY [^\n]*\.id\b[^\n]*/g) ?? [];
    expect(byId.length).toBeGreaterThan(0);
    for (const sort of byId) expect(sort).toMatch(/LIMIT \$skip \+ \$take \+ 1$/);
    expect(statement).toMatch(/h\.score >= cut/);
  });
});

describe('a search over every type of a kind', () => {
  const ALL = `types: [${ENTITY_TYPE_NAMES.map(enumName).join(', ')}]`;

  it('when every entity type is listed, then it finds exactly the entities an unrestricted search finds, without reading their types', async () => {
    const all = await ok(`{ search(query: "高邮", ${ALL}, first: 100) { totalCount edges { node { __typename ... on Entity { id } } } } }`);
    const any = await ok('{ search(query: "高邮", first: 100) { edges { node { __typename ... on Entity { id } } } } }');
    const entities = any.search.edges.filter((e: any) => e.node.__typename !== 'Event').map((e: any) => e.node.id);
    expect(entities.length).toBeGreaterThan(0);
    expect(entities.length).toBeLessThan(any.search.edges.length); // the unrestricted search finds events too
    expect(all.search.edges.map((e: any) => e.node.id)).toEqual(entities);
    expect(all.search.totalCount).toBe(entities.length);
    const [statement] = await statementsOf(`{ search(query: "高邮", ${ALL}, first: 5) { totalCount edges { score } } }`);
    expect(statement).not.toMatch(/\.type IN \$types/);
    const [some] = await statementsOf('{ search(query: "高邮", types: [PERSON, ORGANIZATION], first: 5) { edges { score } } }');
    expect(some).toMatch(/\.type IN \$types/);
  });
});
