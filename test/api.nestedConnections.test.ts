/**
 * The nested lists that can grow without bound are connections like an entity's events (issue 24 §2): an event's
 * participants and parts, a person's positions, an organisation's officials, partners, units and projects, an
 * entity's figures. Read on the seed a page at a time, each list is the one read whole, in the same order, with one
 * total; its cursors work on that field only; and a level of them costs one round trip for every parent.
 */
import { closeTestDriver } from './support/db';
import { ev, exec, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const ZONE = 'org:gaoyou-edz';

interface Connection {
  /** the query, `%s` standing for the field's arguments and `%e` for what each edge selects */
  query: string;
  /** the connection in the answer */
  at: (data: any) => any;
  /** what identifies an edge */
  edge: string;
  key: (edge: any) => string;
}

const CONNECTIONS: Array<[string, Connection]> = [
  ['an event\'s participants', {
    query: `{ node(id: "${ev('ev-0626-meeting')}") { ... on Event { participants%s { %c edges { %e } } } } }`,
    at: (d) => d.node.participants, edge: 'role node { id }', key: (e) => `${e.role} ${e.node.id}`,
  }],
  ['an event\'s parts', {
    query: `{ node(id: "${ev('ev-0626-meeting')}") { ... on Event { parts%s { %c edges { %e } } } } }`,
    at: (d) => d.node.parts, edge: 'node { id }', key: (e) => e.node.id,
  }],
  ['an organisation\'s officials', {
    query: '{ entity(id: "org:yangzhou-cast") { ... on Organization { officials%s { %c edges { %e } } } } }',
    at: (d) => d.entity.officials, edge: 'title node { id }', key: (e) => `${e.node.id} ${e.title}`,
  }],
  ['an organisation\'s partners', {
    query: `{ entity(id: "${ZONE}") { ... on Organization { partners%s { %c edges { %e } } } } }`,
    at: (d) => d.entity.partners, edge: 'node { id } events { edges { node { id } } }', key: (e) => e.node.id,
  }],
  ['an organisation\'s units', {
    query: `{ entity(id: "${ZONE}") { ... on Organization { units%s { %c edges { %e } } } } }`,
    at: (d) => d.entity.units, edge: 'node { id }', key: (e) => e.node.id,
  }],
  ['an entity\'s figures', {
    query: `{ entity(id: "${ZONE}") { figures%s { %c edges { %e } } } }`,
    at: (d) => d.entity.figures, edge: 'node { id metric }', key: (e) => e.node.id,
  }],
];

const fill = (c: Connection, args: string, counts = 'totalCount pageInfo { hasNextPage endCursor }') =>
  c.query.replace('%s', args).replace('%c', counts).replace('%e', `cursor ${c.edge}`);

describe('nested connections, a page at a time', () => {
  it.each(CONNECTIONS)('when %s are read three at a time, then the pages together are the whole list, in its order, with one total', async (_what, c) => {
    const whole = c.at(await ok(fill(c, '(first: 100)')));
    expect(whole.totalCount).toBe(whole.edges.length);
    expect(whole.edges.length).toBeGreaterThan(1);
    expect(whole.pageInfo.hasNextPage).toBe(false);
    const keys: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 40; i++) {
      const page: any = c.at(await ok(fill(c, `(first: 3${after ? `, after: ${JSON.stringify(after)}` : ''})`)));
      expect(page.totalCount).toBe(whole.totalCount);
      expect(page.edges.length).toBeLessThanOrEqual(3);
      keys.push(...page.edges.map(c.key));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
      after = page.pageInfo.endCursor;
    }
    expect(keys).toEqual(whole.edges.map(c.key));
  });

  it.each(CONNECTIONS)('when %s are given a cursor of an entity\'s events, then the field is refused with BAD_USER_INPUT naming `after`', async (_what, c) => {
    const events = await ok(`{ entity(id: "${ZONE}") { events(first: 1) { pageInfo { endCursor } } } }`);
    const cursor = events.entity.events.pageInfo.endCursor;
    const { errors } = await exec(fill(c, `(after: ${JSON.stringify(cursor)})`));
    expect(errors?.map((e) => [e.extensions?.code, e.extensions?.argumentName])).toEqual([['BAD_USER_INPUT', 'after']]);
    expect(errors?.[0].message).toMatch(/is a cursor of `entityEvents`/);
  });

  it('when no first is given, then a page holds 20 (the zone\'s 20 units fill exactly one page)', async () => {
    const units = (await ok(`{ entity(id: "${ZONE}") { ... on Organization { units { totalCount pageInfo { hasNextPage } edges { node { id } } } } } }`)).entity.units;
    expect(units.totalCount).toBe(20);
    expect(units.edges).toHaveLength(20);
    expect(units.pageInfo.hasNextPage).toBe(false);
    const figures = (await ok(`{ entity(id: "${ZONE}") { figures { totalCount pageInfo { hasNextPage } edges { node { id } } } } }`)).entity.figures;
    expect(figures.edges).toHaveLength(Math.min(20, figures.totalCount));
    expect(figures.pageInfo.hasNextPage).toBe(figures.totalCount > 20);
  });

  it('when a page of organisations asks for the officials, partners, units and projects of each, then each list costs one round trip for the whole page', async () => {
    const { data, errors, ctx } = await exec(`{ entities(where: { types: [ORGANIZATION] }, first: 100) { edges { node { id ... on Organization {
      officials(first: 2) { totalCount edges { title node { id } } }
      partners(first: 2) { totalCount edges { node { id } } }
      units(first: 2) { totalCount edges { node { id } } }
      projects(first: 2) { totalCount edges { node { id } } } } } } } }`);
    expect(errors).toBeUndefined();
    expect(ctx.stats.roundTrips).toBe(1 + 4);
    const nodes = data.entities.edges.map((e: any) => e.node);
    // each organisation gets its own page and total
    const cast = nodes.find((n: any) => n.id === 'org:yangzhou-cast');
    expect(cast.officials.totalCount).toBe(5);
    expect(cast.officials.edges).toHaveLength(2);
    for (const n of nodes) for (const list of [n.officials, n.partners, n.units, n.projects]) expect(list.edges.length).toBe(Math.min(2, list.totalCount));
  });
});
