/**
 * A parent level reads its child levels ahead (prefetch: src/api/args/prefetch.ts) and primes their loaders, so
 * that a page of events with participants and positions, or an entity with its events, costs one statement
 * instead of one per level. The answers must be those of the level-by-level reads: each scenario compares with a
 * query shaped so that nothing can be prefetched (the same field under two aliases with different arguments).
 */
import { closeTestDriver } from './support/db';
import { isObjectType } from 'graphql';
import { apiSchema, exec, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

/** The data and the number of statements sent; fails on errors. */
async function run(source: string, variables?: Record<string, unknown>): Promise<{ data: any; statements: number }> {
  const { data, errors, ctx } = await exec(source, variables);
  if (errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(errors.map((e) => e.message))}`);
  return { data, statements: ctx.stats.roundTrips };
}

/** An aliased sibling with other arguments: the parent no longer knows which one to read ahead. */
const DEFEAT_PARTICIPANTS = 'defeat: participants(roles: [HOST]) { edges { role } }';
const DEFEAT_POSITIONS = 'defeatPositions: positions { edges { title } }';

const SOURCES = 'sources { edges { evidence } }';
/** GraphQL rejects a declared variable that is not used. */
const declared = (selection: string, variable: string, type: string): string => (selection.includes(`$${variable}`) ? `, $${variable}: ${type}` : '');
const page = (participants: string, fragments = '', args = '') =>
  `query($first: Int!${declared(participants, 'roles', '[ParticipantRole!]')}) {
    events(first: $first, orderBy: DATE_DESC${args}) { edges { node { id name date ${participants} } } } } ${fragments}`;
const participantsField = (positions: string, extra = '', args = '') =>
  `participants${args} { totalCount edges { role ${extra} node { id name ... on Person { ${positions} } } } }`;
const POSITIONS = 'positions { totalCount edges { title node { id name } } }';

/** The reference answer: the same selection, read level by level. */
function withoutPrefetch(source: string): string {
  return source.replace(/participants(\([^)]*\))? \{/, (m) => `${DEFEAT_PARTICIPANTS} ${m}`).replace(/positions(\([^)]*\))? \{/, (m) => `${DEFEAT_POSITIONS} ${m}`);
}

/** The answer without the fields that defeated the prefetch. */
function withoutDefeats(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data, (k, v) => (k === 'defeat' || k === 'defeatPositions' ? undefined : v)));
}

const participantsOf = (data: any): any[] => data.events.edges.flatMap((e: any) => e.node.participants.edges);
const positionsOf = (data: any): any[] => participantsOf(data).flatMap((p: any) => p.node.positions?.edges ?? []);

async function expectSameAnswerInOneStatement(source: string, variables: Record<string, unknown> = { first: 50 }) {
  const prefetched = await run(source, variables);
  const reference = await run(withoutPrefetch(source), variables);
  expect(reference.statements).toBeGreaterThanOrEqual(3); // the reference really was read level by level
  expect(prefetched.statements).toBe(1);
  expect(prefetched.data).toEqual(withoutDefeats(reference.data));
  expect(participantsOf(prefetched.data).length).toBeGreaterThan(0);
  return prefetched.data;
}

describe('a page of events with participants and positions', () => {
  it('when a page asks for participants and their positions, then it costs 1 statement and answers as level by level', async () => {
    const data = await expectSameAnswerInOneStatement(page(participantsField(POSITIONS)));
    expect(positionsOf(data).length).toBeGreaterThan(20);
  });

  it.each([5, 1])('when the page is small (first: %d), then it still costs 1 statement with the same answer', async (first) => {
    await expectSameAnswerInOneStatement(page(participantsField(POSITIONS)), { first });
  });

  it('when participants and positions are selected through named fragments, then it costs 1 statement with the same answer', async () => {
    const fragments = `fragment Who on Event { participants { edges { role node { ...Held } } } }
      fragment Held on Entity { id name ... on Person { ${POSITIONS} } }`;
    await expectSameAnswerInOneStatement(page('...Who', fragments));
  });

  it('when participants and positions are selected through inline fragments, then it costs 1 statement with the same answer', async () => {
    await expectSameAnswerInOneStatement(page(`... on Event { ... { ${participantsField(POSITIONS)} } }`));
  });

  it('when participants and positions select their sources, then it costs one statement and one for the sources, with the right sources', async () => {
    const source = page(participantsField(`positions { edges { title node { id } ${SOURCES} } }`, SOURCES));
    const prefetched = await run(source, { first: 50 });
    const reference = await run(withoutPrefetch(source), { first: 50 });
    // the page with claim keys, then the sources of both levels by key in one batch: the read-ahead positions come
    // without a promise, so both levels ask the claims loader in the same tick
    expect(prefetched.statements).toBe(2);
    expect(prefetched.data).toEqual(withoutDefeats(reference.data));
    for (const row of [...participantsOf(prefetched.data), ...positionsOf(prefetched.data)]) expect(row.sources.edges.length).toBeGreaterThan(0);
  });

  it('when only positions select their sources (through a fragment), then participants come without and positions with them', async () => {
    const source = page(participantsField('positions { edges { title ...Cited } }'), 'fragment Cited on PositionEdge { sources { edges { evidence } } }');
    const prefetched = await run(source, { first: 50 });
    expect(prefetched.statements).toBe(2);
    expect(prefetched.data).toEqual(withoutDefeats((await run(withoutPrefetch(source), { first: 50 })).data));
    expect(positionsOf(prefetched.data).every((p: any) => p.sources.edges.length > 0)).toBe(true);
  });

  it('when participants are asked for under two aliases with different roles, then each gets its own rows (no prefetch)', async () => {
    const source = `{ events(first: 50, orderBy: DATE_DESC) { edges { node { id
      hosts: participants(roles: [HOST]) { edges { role node { id } } }
      everyone: participants { edges { role node { id } } } } } } }`;
    const { data, statements } = await run(source);
    expect(statements).toBe(3); // the page, then one statement for each alias
    const edges = data.events.edges;
    expect(edges.some((e: any) => e.node.everyone.edges.some((p: any) => p.role !== 'HOST'))).toBe(true);
    for (const e of edges) expect(e.node.hosts.edges).toEqual(e.node.everyone.edges.filter((p: any) => p.role === 'HOST'));
  });

  it('when participants take roles through a variable, then it costs 1 statement and answers as level by level', async () => {
    const data = await expectSameAnswerInOneStatement(page(participantsField(POSITIONS, '', '(roles: $roles)')), {
      first: 50,
      roles: ['SIGNATORY', 'ATTENDEE'],
    });
    expect(new Set(participantsOf(data).map((p: any) => p.role))).toEqual(new Set(['SIGNATORY', 'ATTENDEE']));
  });

  it('when participants take literal roles, then it costs 1 statement and answers as level by level', async () => {
    const data = await expectSameAnswerInOneStatement(page(participantsField(POSITIONS, '', '(roles: [SIGNATORY])')));
    expect(participantsOf(data).every((p: any) => p.role === 'SIGNATORY')).toBe(true);
  });

  it('when positions were read ahead, then each person\'s positions field answers them without a promise', async () => {
    const person = (await apiSchema()).getType('Person');
    if (!isObjectType(person)) throw new Error('no Person type');
    const field = person.getFields().positions;
    const resolve = field.resolve!;
    const answers: unknown[] = [];
    field.resolve = (...args) => {
      const value = resolve(...args);
      answers.push(value);
      return value;
    };
    try {
      const { data, statements } = await run(page(participantsField(POSITIONS)), { first: 50 });
      expect(statements).toBe(1);
      expect(answers.length).toBeGreaterThan(5);
      expect(answers.filter((a) => a instanceof Promise)).toEqual([]);
      const withPositions = participantsOf(data).filter((p: any) => p.node.positions?.edges.length);
      expect(withPositions.length).toBeGreaterThan(0);
      // without the prefetch, the same field loads them: a promise
      answers.length = 0;
      await run(withoutPrefetch(page(participantsField(POSITIONS))), { first: 50 });
      expect(answers.some((a) => a instanceof Promise)).toBe(true);
    } finally {
      field.resolve = resolve;
    }
  });

  it('when participants and positions are paged (first and after from variables), then it costs 1 statement and each gets the page it asked for', async () => {
    const source = `query($first: Int!, $participants: Int!, $after: String) { events(first: $first, orderBy: DATE_DESC) { edges { node { id
      participants(first: $participants, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor role node { id name
        ... on Person { positions(first: 1) { totalCount pageInfo { hasNextPage } edges { cursor title node { id } } } } } } } } } } }`;
    const data = await expectSameAnswerInOneStatement(source, { first: 50, participants: 2, after: Buffer.from('kg:participants:1').toString('base64') });
    const pages = data.events.edges.map((e: any) => e.node.participants);
    expect(pages.some((p: any) => p.pageInfo.hasNextPage && p.edges.length === 2 && p.totalCount > 4)).toBe(true);
    for (const p of pages) expect(p.edges.length).toBe(Math.max(0, Math.min(2, p.totalCount - 2)));
    expect(positionsOf(data).length).toBeGreaterThan(0);
    for (const { node } of participantsOf(data)) if (node.positions) expect(node.positions.edges.length).toBe(Math.min(1, node.positions.totalCount));
  });

  it('when the page is filtered and counted, then the participants still come in the same statement', async () => {
    await expectSameAnswerInOneStatement(page(participantsField(POSITIONS), '', ', where: { types: [SIGNING, MEETING] }'));
  });

  it('when positions are not selected, then the page and its participants cost 1 statement', async () => {
    const source = page(participantsField('id'));
    const prefetched = await run(source, { first: 50 });
    expect(prefetched.statements).toBe(1);
    expect(prefetched.data).toEqual(withoutDefeats((await run(withoutPrefetch(source), { first: 50 })).data));
  });

  it('when positions are asked for under two aliases, then participants are still read ahead and positions read level by level', async () => {
    const source = page(participantsField(`${POSITIONS} again: positions { edges { title } }`));
    const { data, statements } = await run(source, { first: 50 });
    expect(statements).toBe(2); // the page with participants, then positions (both aliases share their loader's batch)
    for (const p of participantsOf(data).filter((x: any) => x.node.positions)) {
      expect(p.node.again.edges).toEqual(p.node.positions.edges.map(({ title }: any) => ({ title })));
    }
  });
});

describe('an entity with its events', () => {
  const entityQuery = (selection: string) =>
    `query($id: ID!, $first: Int!${declared(selection, 'types', '[EventType!]')}) { entity(id: $id) { id name ${selection} } }`;
  const events = (args = '(first: $first)') => `events${args} { totalCount pageInfo { hasNextPage endCursor } edges { cursor roles node { id type name date } } }`;
  const DEFEAT_EVENTS = 'defeat: events(first: 1) { totalCount }';

  async function expectSameAnswerInOneEntityStatement(selection: string, variables: Record<string, unknown>) {
    const prefetched = await run(entityQuery(selection), variables);
    const reference = await run(entityQuery(`${selection} ${DEFEAT_EVENTS}`), variables);
    expect(reference.statements).toBe(3); // the entity, then each alias of events
    expect(prefetched.statements).toBe(1);
    expect(prefetched.data).toEqual(withoutDefeats(reference.data));
    return prefetched.data;
  }

  it('when an entity asks for its first events, then it costs 1 statement and answers as level by level', async () => {
    const data = await expectSameAnswerInOneEntityStatement(events(), { id: 'org:gaoyou-edz', first: 20 });
    expect(data.entity.events.edges.length).toBeGreaterThan(1);
  });

  it('when `first` cuts the list, then the cut is the same', async () => {
    const data = await expectSameAnswerInOneEntityStatement(events(), { id: 'org:gaoyou-edz', first: 2 });
    expect(data.entity.events.edges.length).toBe(2);
    expect(data.entity.events.totalCount).toBeGreaterThan(2);
    expect(data.entity.events.pageInfo.hasNextPage).toBe(true);
  });

  it('when events are filtered by type, then the filter is the same', async () => {
    const data = await expectSameAnswerInOneEntityStatement(events('(first: $first, types: $types)'), {
      id: 'org:gaoyou-edz',
      first: 20,
      types: ['SIGNING'],
    });
    expect(data.entity.events.edges.every((e: any) => e.node.type === 'SIGNING')).toBe(true);
  });

  it('when events are selected through a fragment on Person and select their sources, then claim keys come along', async () => {
    const selection = `... on Person { events(first: $first) { edges { roles node { id } ${SOURCES} } } }`;
    const prefetched = await run(entityQuery(selection), { id: 'person:jin-feng', first: 20 });
    expect(prefetched.statements).toBe(2); // the entity with its events, then the sources by key
    const reference = await run(entityQuery(`${selection} ${DEFEAT_EVENTS}`), { id: 'person:jin-feng', first: 20 });
    expect(prefetched.data).toEqual(withoutDefeats(reference.data));
    expect(prefetched.data.entity.events.edges.every((e: any) => e.sources.edges.length > 0)).toBe(true);
  });

  it('when `first` is out of range, then the field reports BAD_USER_INPUT as before', async () => {
    const { data, errors, ctx } = await exec(entityQuery(events()), { id: 'org:gaoyou-edz', first: 0 });
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(data.entity).toBeNull(); // the non-null list's error reaches the entity, as without prefetch
    expect(ctx.stats.roundTrips).toBe(1); // the entity alone: nothing read ahead with rejected arguments
  });

  it('when the id is unknown, then the entity is null in 1 statement', async () => {
    const { data, statements } = await run(entityQuery(events()), { id: 'person:nobody', first: 20 });
    expect(data.entity).toBeNull();
    expect(statements).toBe(1);
  });
});
