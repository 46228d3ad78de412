/**
 * An entity's `events`, `relations` and `sources` are connections (issue 24 §2): `first`/`after`, `pageInfo`,
 * `totalCount`, what belongs to the link on the edge and the Node at the other end as `node`; one round trip per
 * nesting level however many entities ask; cursors bound to the field that issued them.
 */
import { closeTestDriver } from './support/db';
import { ARTICLE, codes, exec, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const ZONE = 'org:gaoyou-edz';
const PAGE_INFO = 'totalCount pageInfo { hasNextPage hasPreviousPage endCursor }';
const EVENTS = 'edges { cursor roles node { id } }';
const RELATIONS = 'edges { cursor type direction node { id } }';
const SOURCES = 'edges { cursor evidence node { id } }';

/** The whole list of one entity's connection (it holds fewer than 100 on the seed), in the field's order. */
async function whole(id: string, field: 'events' | 'relations' | 'sources', edges: string): Promise<{ totalCount: number; edges: any[] }> {
  const data = await ok(`{ entity(id: "${id}") { list: ${field}(first: 100) { ${PAGE_INFO} ${edges} } } }`);
  expect(data.entity.list.pageInfo.hasNextPage).toBe(false);
  return data.entity.list;
}

const withoutCursors = (edges: any[]): any[] => edges.map(({ cursor: _c, ...rest }) => rest);

describe("an entity's events, relations and sources as connections", () => {
  it('when every entity of a page asks for a page of each, then each level costs one round trip and each entity gets the start of its own list with its total', async () => {
    const { data, errors, ctx } = await exec(`{ entities(first: 100) { edges { node { id
      events(first: 2) { ${PAGE_INFO} ${EVENTS} }
      relations(first: 2) { ${PAGE_INFO} ${RELATIONS} }
      sources(first: 1) { ${PAGE_INFO} ${SOURCES} } } } } }`);
    expect(errors).toBeUndefined();
    expect(ctx.stats.roundTrips).toBe(1 + 3); // the page, then events, relations and sources: once each for every entity
    const nodes: any[] = data.entities.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(50);
    const zone = nodes.find((n) => n.id === ZONE);
    expect(zone.events.totalCount).toBe(20);
    expect(zone.relations.totalCount).toBeGreaterThan(2);
    // a few entities checked against their whole lists: the one with most relations, the zone, 金锋
    const busiest = [...nodes].sort((a, b) => b.relations.totalCount - a.relations.totalCount)[0];
    for (const n of [busiest, zone, nodes.find((x) => x.id === 'person:jin-feng')]) {
      for (const [field, edges] of [['events', EVENTS], ['relations', RELATIONS], ['sources', SOURCES]] as const) {
        const all = await whole(n.id, field, edges);
        const page = n[field];
        expect(page.totalCount).toBe(all.totalCount);
        expect(withoutCursors(page.edges)).toEqual(withoutCursors(all.edges).slice(0, field === 'sources' ? 1 : 2));
        expect(page.pageInfo.hasNextPage).toBe(all.totalCount > page.edges.length);
        expect(page.pageInfo.hasPreviousPage).toBe(false);
      }
    }
  });

  it.each([
    ['events', EVENTS, ZONE],
    ['relations', RELATIONS, ZONE],
  ] as const)('when %s are read a page at a time with after: endCursor, then the pages put together are the whole list, in order', async (field, edges, id) => {
    const all = await whole(id, field, edges);
    expect(all.totalCount).toBeGreaterThan(6);
    const seen: any[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const data: any = await ok(`query($after: String) { entity(id: "${id}") { list: ${field}(first: 3, after: $after) { ${PAGE_INFO} ${edges} } } }`, { after });
      const page = data.entity.list;
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(withoutCursors(seen)).toEqual(withoutCursors(all.edges));
  });

  it.each([
    ['events', 'relations', 'entityEvents'],
    ['relations', 'sources', 'relations'],
    ['sources', 'events', 'sources'],
    ['sources', 'mentionedIn', 'sources'],
  ])("when a cursor of an entity's %s is given to its %s, then it is BAD_USER_INPUT naming after, not an offset there", async (from, to, issuer) => {
    const data = await ok(`{ entity(id: "${ZONE}") { ${from}(first: 1) { pageInfo { endCursor } } } }`);
    const cursor = data.entity[from].pageInfo.endCursor;
    expect(cursor).toEqual(expect.any(String));
    const result = await exec(`query($after: String) { entity(id: "${ZONE}") { id ${to}(after: $after) { totalCount } } }`, { after: cursor });
    expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'after' }]);
    expect(result.errors![0].message).toContain(`cursor of \`${issuer}\``);
  });

  it('when events read ahead with the entity (prefetch) ask for a later page, then they are the same as read on their own', async () => {
    const first = await ok(`{ entity(id: "${ZONE}") { events(first: 4) { pageInfo { endCursor } } } }`);
    const after = first.entity.events.pageInfo.endCursor;
    const query = `query($after: String) { entity(id: "${ZONE}") { events(first: 5, after: $after) { ${PAGE_INFO} ${EVENTS} } } }`;
    const { data, errors, ctx } = await exec(query, { after });
    expect(errors).toBeUndefined();
    expect(ctx.stats.roundTrips).toBe(1);
    const all = await whole(ZONE, 'events', EVENTS);
    expect(withoutCursors(data.entity.events.edges)).toEqual(withoutCursors(all.edges).slice(4, 9));
    expect(data.entity.events.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, endCursor: data.entity.events.edges[4].cursor });
  });

  it("when relations and sources are asked for one article's, then they hold what that article states and nothing of another", async () => {
    const data = await ok(`query($article: ID!) { entity(id: "${ZONE}") {
      relations(first: 100) { totalCount } sources(first: 100) { totalCount }
      here: relations(first: 100, article: $article) { totalCount edges { node { id } sources { edges { article: node { id } } } } }
      hereSources: sources(first: 100, article: $article) { totalCount edges { node { id } } }
      elsewhere: relations(article: "another-article") { totalCount edges { type } }
      elsewhereSources: sources(article: "another-article") { totalCount edges { evidence } }
    } }`, { article: ARTICLE });
    const e = data.entity;
    expect(e.here.totalCount).toBe(e.relations.totalCount); // the seed is one article
    expect(e.here.totalCount).toBeGreaterThan(0);
    for (const edge of e.here.edges) expect(edge.sources.edges.map((s: any) => s.article.id)).toContain(ARTICLE);
    expect(e.hereSources.totalCount).toBe(e.sources.totalCount);
    expect(e.hereSources.edges.every((x: any) => x.node.id === ARTICLE)).toBe(true);
    expect(e.elsewhere).toEqual({ totalCount: 0, edges: [] });
    expect(e.elsewhereSources).toEqual({ totalCount: 0, edges: [] });
  });

  it('when an edge selects its sources, then relations and participations give the articles stating that link', async () => {
    const data = await ok(`{ entity(id: "person:jin-feng") {
      events(first: 1) { edges { roles sources { edges { evidence article: node { id } } } node { id } } }
      relations(first: 1) { edges { type sources { edges { evidence article: node { id } } } node { id } } } } }`);
    for (const edge of [...data.entity.events.edges, ...data.entity.relations.edges]) {
      expect(edge.sources.edges.length).toBeGreaterThan(0);
      for (const s of edge.sources.edges) {
        expect(s.article.id).toBe(ARTICLE);
        expect(s.evidence).toEqual(expect.stringMatching(/\S/));
      }
    }
    expect(data.entity.relations.edges[0].sources.edges[0].evidence).toContain('金锋');
  });
});
