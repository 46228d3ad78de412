/**
 * What one request may ask of the database: argument limits (checked before any database call), cursor
 * paging, and the round-trip bound (one Neo4j round trip per nesting level, whatever the page size).
 */
import { closeTestDriver } from './support/db';
import { ARTICLE, codes, exec, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const long = (n: number): string => '金'.repeat(n);

describe('argument limits', () => {
  it.each([
    ['first 0', `{ entities(first: 0) { totalCount } }`, 'first'],
    ['first 101', `{ entities(first: 101) { totalCount } }`, 'first'],
    ['events first 101', `{ events(first: 101) { totalCount } }`, 'first'],
    ['search first 0', `{ search(query: "金锋", first: 0) { totalCount } }`, 'first'],
    ['figures first 101', `{ figures(first: 101) { id } }`, 'first'],
    ['paths first 101', `{ paths(from: "a", to: "b", first: 101) { length } }`, 'first'],
    ['depth 0', `{ neighborhood(id: "org:gaoyou-edz", depth: 0) { truncated } }`, 'depth'],
    ['depth 4', `{ neighborhood(id: "org:gaoyou-edz", depth: 4) { truncated } }`, 'depth'],
    ['limit 0', `{ neighborhood(id: "org:gaoyou-edz", limit: 0) { truncated } }`, 'limit'],
    ['limit 501', `{ neighborhood(id: "org:gaoyou-edz", limit: 501) { truncated } }`, 'limit'],
    ['maxLength 0', `{ paths(from: "a", to: "b", maxLength: 0) { length } }`, 'maxLength'],
    ['maxLength 7', `{ paths(from: "a", to: "b", maxLength: 7) { length } }`, 'maxLength'],
    ['query of 1001 characters', `{ search(query: "${long(1001)}") { totalCount } }`, 'query'],
    ['nameContains of 1001 characters', `{ entities(where: { nameContains: "${long(1001)}" }) { totalCount } }`, 'where.nameContains'],
    ['metric of 1001 characters', `{ figures(metric: "${long(1001)}") { id } }`, 'metric'],
    ['id of 501 characters', `{ neighborhood(id: "${'x'.repeat(501)}") { truncated } }`, 'id'],
    ['path end of 501 characters', `{ paths(from: "${'x'.repeat(501)}", to: "b") { length } }`, 'from'],
    ['empty partner id', `{ partners(of: "") { edges { events { edges { node { id } } } } } }`, 'of'],
    ['101 ids', `{ entities(where: { ids: [${Array.from({ length: 101 }, (_, i) => `"e${i}"`).join(',')}] }) { totalCount } }`, 'where.ids'],
    ['an impossible date', `{ events(where: { from: "2023-02-30" }) { totalCount } }`, 'where.from'],
    ['a date in another format', `{ events(where: { to: "2023/06/21" }) { totalCount } }`, 'where.to'],
    ['a participant id of 501 characters', `{ events(where: { participant: "${'x'.repeat(501)}" }) { totalCount } }`, 'where.participant'],
    ['a foreign cursor', `{ entities(after: "bm90LWEtY3Vyc29y") { totalCount } }`, 'after'],
    ['a cursor that is not base64', `{ events(after: "%%%") { totalCount } }`, 'after'],
  ])('rejects %s as BAD_USER_INPUT naming the argument, before any database call', async (_label, query, argumentName) => {
    const result = await exec(query);
    expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName }]);
    expect(Object.values(result.data ?? {}).every((v) => v === null)).toBe(true);
    expect(result.ctx.stats.roundTrips).toBe(0);
  });

  it.each([
    ['first 0', `first: 0`, 'first'],
    ['a bad date', `from: "2023-13-01"`, 'from'],
  ])('rejects %s on a field (Entity.events) without querying that field', async (_label, args, argumentName) => {
    const result = await exec(`{ entity(id: "person:jin-feng") { name events(${args}) { totalCount } } }`);
    expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName }]);
    expect(result.ctx.stats.roundTrips).toBe(1); // the entity itself
  });

  it('accepts every limit at its maximum', async () => {
    const data = await ok(`{
      entities(first: 100) { totalCount }
      neighborhood(id: "org:gaoyou-edz", depth: 3, limit: 500) { truncated }
      paths(from: "person:xu-jian", to: "person:shi-zhihong", maxLength: 6, first: 100) { length }
      search(query: "${long(1000)}", first: 100) { totalCount }
    }`);
    expect(data.entities.totalCount).toBe(92);
    expect(data.neighborhood.truncated).toBe(false);
    expect(data.paths.length).toBeGreaterThan(0);
  });
});

describe('paging', () => {
  it('walks all 19 people five at a time, with totalCount, hasNextPage and hasPreviousPage', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: any = await ok(
        `query($after: String) { entities(where: { types: [PERSON] }, first: 5, after: $after) {
           totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        { after },
      );
      const c = data.entities;
      pages += 1;
      expect(c.totalCount).toBe(19);
      expect(c.pageInfo.hasPreviousPage).toBe(pages > 1);
      expect(c.pageInfo.startCursor).toBe(c.edges[0].cursor);
      expect(c.pageInfo.endCursor).toBe(c.edges[c.edges.length - 1].cursor);
      seen.push(...c.edges.map((e: any) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      expect(c.edges).toHaveLength(5);
      after = c.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(19);
    expect(new Set(seen).size).toBe(19);
    const all = await ok(`{ entities(where: { types: [PERSON] }, first: 100) { edges { node { id } } } }`);
    expect(seen).toEqual(all.entities.edges.map((e: any) => e.node.id));
  });

  it('gives an empty last page past the end, and orders both ways', async () => {
    const first = await ok(`{ events(first: 100, orderBy: NAME_ASC) { totalCount edges { cursor node { name } } } }`);
    const last = first.events.edges[first.events.edges.length - 1].cursor;
    const past = await ok(`query($after: String) { events(after: $after) { edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor } } }`, { after: last });
    expect(past.events).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, endCursor: null } });
    const names = first.events.edges.map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    const asc = await ok(`{ entities(first: 100, orderBy: NAME_ASC) { edges { node { id } } } }`);
    const desc = await ok(`{ entities(first: 100, orderBy: NAME_DESC) { edges { node { id } } } }`);
    expect(desc.entities.edges.map((e: any) => e.node.name)).toEqual(asc.entities.edges.reverse().map((e: any) => e.node.name));
  });
});

describe('round trips', () => {
  const NESTED = `query($first: Int!) { events(first: $first, orderBy: DATE_DESC) { totalCount edges { node { id
      participants { edges { role node { id ... on Person { positions { edges { title node { name } } } } } } } } } } }`;

  it.each([50, 5])(
    'a query nested three database levels deep costs at most levels + 1 round trips, whatever the page size (first: %d)',
    async (first) => {
      const { data, errors, ctx } = await exec(NESTED, { first });
      expect(errors).toBeUndefined();
      expect(data.events.edges.length).toBe(Math.min(first, 28));
      const positions = data.events.edges.flatMap((e: any) => e.node.participants.edges.flatMap((p: any) => p.node.positions?.edges ?? []));
      expect(positions.length).toBeGreaterThan(first === 50 ? 20 : 0);
      process.stderr.write(`[api.limits.test] nested query, first ${first}: ${ctx.stats.roundTrips} round trips\n`);
      expect(ctx.stats.roundTrips).toBeLessThanOrEqual(3 + 1);
      // events, with their participants (and entities) and positions (and organisations) read ahead in the same
      // statement (args/prefetch.ts)
      expect(ctx.stats.roundTrips).toBe(1);
    },
  );

  it('sibling fields of one level share one round trip each, not one per row', async () => {
    const { errors, ctx } = await exec(`{ entities(first: 100) { edges { node { id sources { edges { evidence } } mentionedIn { edges { node { id } } }
      ... on Organization { officials { edges { title } } parent { id } } } } } }`);
    expect(errors).toBeUndefined();
    expect(ctx.stats.roundTrips).toBe(1 + 4); // the page, then sources, mentionedIn, officials, parent: once each for 91 rows
  });

  it('nested connections cost one round trip per level, each row getting its own page, total and cursors', async () => {
    const query = `query($after: String) { events(first: 30) { edges { node { id article {
      entities(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id
        mentionedIn(first: 1) { totalCount edges { node { id } } } } } } } } } } }`;
    const first = await exec(query);
    expect(first.errors).toBeUndefined();
    // the page of events, their articles, the articles' entities, those entities' articles: one each
    expect(first.ctx.stats.roundTrips).toBe(4);
    const pages = first.data.events.edges.map((e: any) => e.node.article.entities);
    expect(pages.length).toBe(28);
    for (const page of pages) {
      expect(page.totalCount).toBe(92);
      expect(page.edges).toHaveLength(5);
      for (const { node } of page.edges) expect(node.mentionedIn).toEqual({ totalCount: 1, edges: [{ node: { id: ARTICLE } }] });
    }
    // the next page of the same field continues in name order, and a cursor of another list is refused
    const next = await exec(query, { after: pages[0].pageInfo.endCursor });
    const ids = (p: any) => p.edges.map((e: any) => e.node.id);
    const second = next.data.events.edges[0].node.article.entities;
    const all = await ok(`{ node(id: "${ARTICLE}") { ... on Article { entities(first: 10) { edges { node { id } } } } } }`);
    expect([...ids(pages[0]), ...ids(second)]).toEqual(ids(all.node.entities));
    const events = await ok('{ events(first: 1) { pageInfo { endCursor } } }');
    const foreign = await exec(`query($after: String) { node(id: "${ARTICLE}") { ... on Article { entities(after: $after) { totalCount } } } }`, {
      after: events.events.pageInfo.endCursor,
    });
    expect(codes(foreign)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'after' }]);
    expect(foreign.errors![0].message).toMatch(/cursor of `events`, not of `articleEntities`/);
  });
});
