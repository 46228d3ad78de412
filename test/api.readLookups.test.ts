/**
 * Looking things up in the seeded graph through the schema: an entity, an event, an article and a figure by id
 * (`node`, `entity`), and `search` (names and aliases, types, ranking, cursors). Expected values are the seed
 * article's (seed/gaoyou-edz-newsletter-2023-06.json).
 */
import { closeTestDriver } from './support/db';
import { ARTICLE, codes, ev, exec, ok, seed, sorted, ZONE } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

describe('node and entity', () => {
  it('finds an entity, an event, an article and a figure by id, each as its own type', async () => {
    const figure = (await ok(`{ figures(subject: "project:xinrui-pv-cells", metric: "总投资") { id } }`)).figures[0].id;
    const data = await ok(
      `query($figure: ID!) {
         person: node(id: "person:jin-feng") { __typename id ... on Person { name type kind aliases } }
         event: node(id: "${ev('ev-0626-meeting')}") { __typename ... on Event { type name date } }
         article: node(id: "${ARTICLE}") { __typename ... on Article { title publisher publishedOn language } }
         figure: node(id: $figure) { __typename ... on Figure { metric value unit subject { id } } }
         zone: entity(id: "${ZONE}") { __typename name kind aliases }
       }`,
      { figure },
    );
    expect(data.person).toEqual({ __typename: 'Person', id: 'person:jin-feng', name: '金锋', type: 'PERSON', kind: null, aliases: [] });
    expect(data.event).toEqual({ __typename: 'Event', type: 'MEETING', name: '“聚力政校企 奋楫开发区”用工要素对接会', date: '2023-06-26' });
    expect(data.article).toEqual({
      __typename: 'Article',
      title: '瞄准目标审时度势 自我加压奋力拼抢',
      publisher: '高邮经济开发区',
      publishedOn: '2023-06',
      language: 'zh',
    });
    expect(data.figure).toEqual({ __typename: 'Figure', metric: '总投资', value: 100, unit: '亿元', subject: { id: 'project:xinrui-pv-cells' } });
    expect(data.zone).toEqual({ __typename: 'Organization', name: '高邮经济开发区', kind: 'DEVELOPMENT_ZONE', aliases: ['开发区'] });
  });

  it('gives null for an unknown id, and entity() gives null for the id of an event', async () => {
    const data = await ok(`{ a: node(id: "person:nobody") { id } b: entity(id: "person:nobody") { id } c: entity(id: "${ev('ev-0626-meeting')}") { id } }`);
    expect(data).toEqual({ a: null, b: null, c: null });
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['longer than 500 characters', 'x'.repeat(501)],
  ])('rejects a malformed id (%s) as BAD_USER_INPUT before asking the database', async (_label, id) => {
    const result = await exec(`query($id: ID!) { node(id: $id) { id } }`, { id });
    expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'id' }]);
    expect(result.ctx.stats.roundTrips).toBe(0);
  });
});

describe('search', () => {
  it('finds 金锋 by his Chinese name, with a score', async () => {
    const data = await ok(`{ search(query: "金锋") { totalCount edges { score node { __typename ... on Person { id name } } } } }`);
    expect(data.search.totalCount).toBe(1);
    expect(data.search.edges[0].node).toEqual({ __typename: 'Person', id: 'person:jin-feng', name: '金锋' });
    expect(data.search.edges[0].score).toBeGreaterThan(0);
  });

  it('finds a project by the Latin part of its alias, case-insensitively', async () => {
    const data = await ok(`{ search(query: "topcon hjt") { edges { node { ... on Project { id aliases } } } } }`);
    expect(data.search.edges[0].node.id).toBe('project:xinrui-pv-cells');
    expect(data.search.edges[0].node.aliases).toContain('12GW新型高效TOPCon、HJT光伏电池项目');
  });

  it('finds events as well as entities, and filters by entity and event types', async () => {
    const signings = await ok(`{ search(query: "签约", eventTypes: [SIGNING]) { totalCount edges { node { __typename ... on Event { id } } } } }`);
    expect(sorted(signings.search.edges.map((e: any) => e.node.id))).toEqual([ev('ev-0621-signing'), ev('ev-0626-signing-gyvs'), ev('ev-0626-signing-jnu'), ev('ev-0626-signing-yzpc'), ev('ev-0626-signing-yzpi')]);
    const zone = await ok(`{ search(query: "开发区", types: [ORGANIZATION], first: 100) { totalCount edges { node { __typename } } } }`);
    expect(zone.search.totalCount).toBeGreaterThan(5);
    expect(new Set(zone.search.edges.map((e: any) => e.node.__typename))).toEqual(new Set(['Organization']));
    const people = await ok(`{ search(query: "开发区", types: [PERSON]) { totalCount } }`);
    expect(people.search.totalCount).toBe(0);
  });

  it('ranks best first and pages through hits with cursors', async () => {
    const all = await ok(`{ search(query: "开发区", first: 100) { totalCount edges { score node { ... on Organization { id } ... on Event { id } } } } }`);
    const scores = all.search.edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(all.search.edges[0].node.id).toBe(ZONE); // the exact alias
    const first = await ok(`{ search(query: "开发区", first: 3) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`);
    const next = await ok(`query($after: String) { search(query: "开发区", first: 3, after: $after) { edges { node { ... on Organization { id } ... on Event { id } } } pageInfo { hasPreviousPage } } }`, {
      after: first.search.pageInfo.endCursor,
    });
    expect(first.search.totalCount).toBe(all.search.totalCount);
    expect(first.search.pageInfo.hasNextPage).toBe(true);
    expect(next.search.pageInfo.hasPreviousPage).toBe(true);
    expect(next.search.edges.map((e: any) => e.node.id)).toEqual(all.search.edges.slice(3, 6).map((e: any) => e.node.id));
  });

  it.each(['"}) DETACH DELETE (n) //', 'name:金锋 OR *:*', 'AND OR NOT', '***', '\\', 'a~ b^2 [x TO y] {z}'])(
    'treats Lucene and Cypher syntax in %j as plain text: no error (or BAD_USER_INPUT when nothing is left to search), nothing deleted',
    async (query) => {
      const before = await ok(`{ entities(first: 1) { totalCount } events(first: 1) { totalCount } }`);
      const result = await exec(`query($q: String!) { search(query: $q) { totalCount } }`, { q: query });
      // a query with no letter or digit left once punctuation is set aside is refused, never run
      if (/[\p{L}\p{N}]/u.test(query)) expect(result.errors).toBeUndefined();
      else expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'query' }]);
      expect(await ok(`{ entities(first: 1) { totalCount } events(first: 1) { totalCount } }`)).toEqual(before);
      if (query.startsWith('name:')) expect(result.data.search.totalCount).toBeLessThan(before.entities.totalCount); // not *:*
    },
  );

  it('rejects an empty query', async () => {
    const result = await exec(`{ search(query: "  ") { totalCount } }`);
    expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'query' }]);
  });
});
