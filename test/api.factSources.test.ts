/**
 * Every list that can grow without bound is a connection (issue 24 §2), the nested ones too: the `sources` of every
 * kind of fact (a relation, a position seen from either end, a participation, an event, a figure, a path's step),
 * the root `partners` and a partner's `events`, a passage's `entities` and `events`. Each pages with `first`/`after`,
 * counts all in `totalCount`, refuses a cursor another field issued, and costs one round trip per nesting level
 * whatever the size of the page above it.
 *
 * The seed is one article: four more restate 金锋's position and the zone's partnership with 江南大学's college, so
 * that those facts have five sources each to page through.
 */
import { closeTestDriver } from './support/db';
import { ARTICLE, codes, ev, exec, ok, seed } from './api.harness';

afterAll(() => closeTestDriver());

const ZONE = 'org:gaoyou-edz';
const COMMITTEE = 'org:gaoyou-edz-management-committee';
const COLLEGE = 'org:jiangnan-university-life-sciences-college';
const RESTATED = [1, 2, 3, 4].map((i) => `restated-${i}`);

/** An article restating what the seed says of 金锋's title and of the zone's partnership with the college. */
const restatement = (id: string, i: number) => ({
  format: 'kg-article/1',
  article: { id, title: `重申 ${i}`, publishedOn: `2023-07-0${i}`, language: 'zh' },
  entities: [
    { key: 'jin', type: 'Person', name: '金锋', id: 'person:jin-feng' },
    { key: 'mc', type: 'Organization', name: '高邮经济开发区管委会', id: COMMITTEE, kind: 'GovernmentAgency' },
    { key: 'zone', type: 'Organization', name: '高邮经济开发区', id: ZONE, kind: 'DevelopmentZone' },
    { key: 'college', type: 'Organization', name: '江南大学生命科学与健康工程学院', id: COLLEGE, kind: 'University' },
  ],
  relations: [
    { type: 'HOLDS_POSITION', from: 'jin', to: 'mc', attributes: { title: '管委会主任' }, evidence: `第${i}篇：管委会主任金锋` },
    { type: 'PARTNER_OF', from: 'zone', to: 'college', evidence: `第${i}篇：开发区与学院合作` },
  ],
});

const INGEST = 'mutation($doc: JSON!) { ingestArticle(document: $doc) { status problems { path message } } }';

beforeAll(async () => {
  await seed();
  for (const [i, id] of RESTATED.entries()) {
    expect((await ok(INGEST, { doc: restatement(id, i + 1) }, 'editor')).ingestArticle).toEqual({ status: 'CREATED', problems: [] });
  }
}, 120_000);

const PAGE = 'totalCount pageInfo { hasNextPage endCursor } edges { cursor evidence node { id } }';

/**
 * Each connection found at `pick` in the answer to `query` (which takes `$first` and `$after` for the connection
 * asked about): its whole list read in one page of 100, and read again `first` at a time.
 */
async function pages(query: string, pick: (data: any) => any, first: number): Promise<{ whole: any; paged: any[]; totals: number[] }> {
  const whole = pick(await ok(query, { first: 100, after: null }));
  expect(whole.pageInfo.hasNextPage).toBe(false);
  const paged: any[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const c: any = pick(await ok(query, { first, after }));
    totals.push(c.totalCount);
    paged.push(...c.edges);
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  return { whole, paged, totals };
}

const articles = (edges: any[]): string[] => edges.map((e) => e.node.id);

describe('the sources of a fact stated by five articles, a page at a time', () => {
  const cases: Array<[string, string, (d: any) => any]> = [
    [
      "a position's (Person.positions)",
      `query($first: Int!, $after: String) { entity(id: "person:jin-feng") { ... on Person { positions { edges { title sources(first: $first, after: $after) { ${PAGE} } } } } } }`,
      (d) => d.entity.positions.edges.find((p: any) => p.title === '管委会主任').sources,
    ],
    [
      "an official's (Organization.officials)",
      `query($first: Int!, $after: String) { entity(id: "${COMMITTEE}") { ... on Organization { officials { edges { title node { id } sources(first: $first, after: $after) { ${PAGE} } } } } } }`,
      (d) => d.entity.officials.edges.find((p: any) => p.node.id === 'person:jin-feng' && p.title === '管委会主任').sources,
    ],
    [
      "a relation edge's (Entity.relations)",
      `query($first: Int!, $after: String) { entity(id: "person:jin-feng") { relations(types: [HOLDS_POSITION]) { edges { node { id } sources(first: $first, after: $after) { ${PAGE} } } } } }`,
      (d) => d.entity.relations.edges.find((r: any) => r.node.id === COMMITTEE).sources,
    ],
    [
      "a partner's relation (the root partners)",
      `query($first: Int!, $after: String) { partners(of: "${ZONE}") { edges { node { id } relations { type sources(first: $first, after: $after) { ${PAGE} } } } } }`,
      (d) => d.partners.edges.find((p: any) => p.node.id === COLLEGE).relations[0].sources,
    ],
  ];

  it.each(cases)('when %s sources are read two at a time, then the pages follow each other to the whole list, each with the total', async (_what, query, pick) => {
    const { whole, paged, totals } = await pages(query, pick, 2);
    expect(whole.totalCount).toBe(5);
    expect(articles(whole.edges)).toEqual([ARTICLE, ...RESTATED]); // in the order the articles were loaded
    expect(paged.map((e) => [e.evidence, e.node.id])).toEqual(whole.edges.map((e: any) => [e.evidence, e.node.id]));
    expect(totals).toEqual([5, 5, 5]);
    expect(new Set(paged.map((e) => e.cursor)).size).toBe(5);
    expect(paged.slice(1).map((e) => e.evidence)).toEqual(RESTATED.map((_, i) => expect.stringContaining(`第${i + 1}篇`)));
  });
});

describe('the sources of the facts the seed alone states', () => {
  it('when an event, a figure, a participation and a path step give their sources, then each counts its one article and has no next page', async () => {
    const data = await ok(`{
      event: node(id: "${ev('ev-0621-cast-inspection')}") { ... on Event {
        sources(first: 1) { ${PAGE} }
        participants(first: 1) { edges { sources(first: 1) { ${PAGE} } } } } }
      jin: entity(id: "person:jin-feng") { events(first: 1) { edges { sources(first: 1) { ${PAGE} } } } }
      zone: entity(id: "${ZONE}") { figures(first: 1) { edges { node { sources(first: 1) { ${PAGE} } } } } }
      paths(from: "person:jin-feng", to: "${COMMITTEE}", first: 1) { steps { sources(first: 1) { ${PAGE} } } }
    }`);
    const lists = [
      data.event.sources,
      data.event.participants.edges[0].sources,
      data.jin.events.edges[0].sources,
      data.zone.figures.edges[0].node.sources,
      ...data.paths[0].steps.map((s: any) => s.sources),
    ];
    for (const c of lists) {
      expect(c.totalCount).toBeGreaterThanOrEqual(1);
      expect(c.edges).toHaveLength(1);
      expect(c.pageInfo.hasNextPage).toBe(c.totalCount > 1);
    }
    expect(articles(data.event.sources.edges)).toEqual([ARTICLE]);
    expect(data.event.sources.totalCount).toBe(1);
  });
});

describe('partners, a page at a time', () => {
  it("when the zone's partners are read one at a time at the root, then the pages follow each other to the whole list, with the total", async () => {
    const query = `query($first: Int!, $after: String) { partners(of: "${ZONE}", first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`;
    const { whole, paged, totals } = await pages(query, (d) => d.partners, 1);
    expect(whole.totalCount).toBe(4);
    expect(paged.map((e) => e.node.id)).toEqual(whole.edges.map((e: any) => e.node.id));
    expect(totals).toEqual([4, 4, 4, 4]);
  });

  it("when the college's signings with the zone are read one at a time, then both come, in id order, with the total", async () => {
    const query = `query($first: Int!, $after: String) { partners(of: "${ZONE}") { edges { node { id } events(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } } }`;
    const { whole, paged, totals } = await pages(query, (d) => d.partners.edges.find((p: any) => p.node.id === COLLEGE).events, 1);
    expect(whole.edges.map((e: any) => e.node.id)).toEqual([ev('ev-0621-signing'), ev('ev-0626-signing-jnu')]);
    expect(paged.map((e) => e.node.id)).toEqual(whole.edges.map((e: any) => e.node.id));
    expect(totals).toEqual([2, 2]);
  });
});

describe("a passage's entities and events, a page at a time", () => {
  it('when the entities a sentence names are read one at a time, then the pages follow each other to the whole list', async () => {
    const hit = await ok('{ passages(query: "签约", first: 1) { edges { node { text entities(first: 100) { totalCount } } } } }');
    expect(hit.passages.edges[0].node.entities.totalCount).toBeGreaterThan(1);
    const query = `query($first: Int!, $after: String) { passages(query: "签约", first: 1) { edges { node {
      entities(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
      events(first: 100) { totalCount edges { node { id } } } } } } }`;
    const { whole, paged, totals } = await pages(query, (d) => d.passages.edges[0].node.entities, 1);
    expect(paged.map((e) => e.node.id)).toEqual(whole.edges.map((e: any) => e.node.id));
    expect(totals).toEqual(whole.edges.map(() => whole.totalCount));
  });
});

describe('a cursor belongs to the field that issued it', () => {
  /** The endCursor of the first page (one edge) of each field. */
  async function cursors() {
    const d = await ok(`{
      jin: entity(id: "person:jin-feng") { sources(first: 1) { pageInfo { endCursor } }
        ... on Person { positions { edges { title sources(first: 1) { pageInfo { endCursor } } } } } }
      partners(of: "${ZONE}", first: 1) { pageInfo { endCursor } edges { events(first: 1) { pageInfo { endCursor } } } }
      event: node(id: "${ev('ev-0621-cast-inspection')}") { ... on Event { sources(first: 1) { pageInfo { endCursor } } } }
      search(query: "开发区", first: 1) { pageInfo { endCursor } }
      passages(query: "开发区", first: 1) { pageInfo { endCursor } }
    }`);
    return {
      entitySources: d.jin.sources.pageInfo.endCursor as string,
      positionSources: d.jin.positions.edges[0].sources.pageInfo.endCursor as string,
      partnersOf: d.partners.pageInfo.endCursor as string,
      partnerEvents: d.partners.edges[0].events.pageInfo.endCursor as string,
      eventSources: d.event.sources.pageInfo.endCursor as string,
      search: d.search.pageInfo.endCursor as string,
      passages: d.passages.pageInfo.endCursor as string,
    };
  }

  it.each([
    ["a position's sources", 'entitySources', `query($after: String) { entity(id: "person:jin-feng") { ... on Person { positions { edges { sources(after: $after) { totalCount } } } } } }`],
    ["an official's sources", 'positionSources', `query($after: String) { entity(id: "${COMMITTEE}") { ... on Organization { officials { edges { sources(after: $after) { totalCount } } } } } }`],
    ["an event's sources", 'entitySources', `query($after: String) { node(id: "${ev('ev-0621-cast-inspection')}") { ... on Event { sources(after: $after) { totalCount } } } }`],
    ["a figure's sources", 'eventSources', `query($after: String) { entity(id: "${ZONE}") { figures(first: 1) { edges { node { sources(after: $after) { totalCount } } } } } }`],
    ["Organization.partners", 'partnersOf', `query($after: String) { entity(id: "${ZONE}") { ... on Organization { partners(after: $after) { totalCount } } } }`],
    ['the root partners', 'partnerEvents', `query($after: String) { partners(of: "${ZONE}", after: $after) { totalCount } }`],
    ["a partner's events", 'partnersOf', `query($after: String) { partners(of: "${ZONE}") { edges { events(after: $after) { totalCount } } } }`],
    ['search', 'passages', 'query($after: String) { search(query: "开发区", after: $after) { totalCount } }'],
    ['passages', 'search', 'query($after: String) { passages(query: "开发区", after: $after) { totalCount } }'],
    ['duplicates', 'search', 'query($after: String) { duplicates(after: $after) { totalCount } }'],
  ] as const)('when %s are given a cursor of %s, then it is BAD_USER_INPUT naming `after`, not an offset', async (_field, from, query) => {
    const cursor = (await cursors())[from];
    const result = await exec(query, { after: cursor });
    expect(codes(result)[0]).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(result.errors![0].message).toMatch(/cursor of/);
  });
});

describe('round trips stay one per nesting level', () => {
  const eventsWithSources = (first: number) => `{ events(first: ${first}) { edges { node { id
    sources(first: 1) { totalCount edges { evidence node { id } } }
    participants(first: 5) { edges { role sources(first: 1) { totalCount edges { node { id title } } } } } } } } }`;

  it('when a page of events asks for its sources and its participations\' sources, then two events or twenty cost the same statements', async () => {
    const small = await exec(eventsWithSources(2));
    const large = await exec(eventsWithSources(20));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.events.edges.length).toBeGreaterThan(10);
    // the page (participants read with it), the events' reports, the participations' claims, their articles
    expect(large.ctx.stats.roundTrips).toBe(4);
    expect(large.ctx.stats.roundTrips).toBe(small.ctx.stats.roundTrips);
  });

  it('when every partner of the zone asks for its events and its relations\' sources, then it costs the partners, the claims and their articles', async () => {
    const { data, errors, ctx } = await exec(`{ partners(of: "${ZONE}", first: 100) { edges {
      events(first: 1) { totalCount edges { node { id } } }
      relations { sources(first: 2) { totalCount edges { node { id } } } } } } }`);
    expect(errors).toBeUndefined();
    expect(data.partners.edges).toHaveLength(4);
    expect(ctx.stats.roundTrips).toBe(3);
  });

  it("when a page of people asks for its positions' sources, then it costs the page, the positions, the claims and their articles", async () => {
    const { data, errors, ctx } = await exec(`{ entities(where: { types: [PERSON] }, first: 100) { edges { node { id
      ... on Person { positions(first: 5) { edges { sources(first: 2) { totalCount edges { node { id } } } } } } } } } }`);
    expect(errors).toBeUndefined();
    expect(data.entities.edges.length).toBeGreaterThan(10);
    expect(ctx.stats.roundTrips).toBe(4);
  });
});
