/**
 * Partial dates are one documented scalar, PartialDate (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), wherever a date is taken
 * or given; a bad one is BAD_USER_INPUT naming the argument, as a literal or a variable. A window or range that
 * nothing can be in (from after to, gt above lt) is BAD_USER_INPUT everywhere, never a silent empty answer.
 */
import { isScalarType } from 'graphql';
import { closeTestDriver } from './support/db';
import { apiSchema, codes, exec, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

describe('the PartialDate scalar', () => {
  it('types every date argument and every date field of the schema', async () => {
    const schema = await apiSchema();
    const partialDate = schema.getType('PartialDate');
    expect(isScalarType(partialDate) && partialDate.description).toMatch(/`YYYY`.*`YYYY-MM`.*`YYYY-MM-DD`/);
    const typeOf = (type: string, field: string, arg?: string): string => {
      const t = schema.getType(type) as any;
      const f = t.getFields()[field];
      return String(arg ? f.args.find((a: any) => a.name === arg).type : f.type);
    };
    expect([
      typeOf('Event', 'date'), typeOf('Event', 'endDate'), typeOf('Article', 'publishedOn'), typeOf('PositionEdge', 'since'),
      typeOf('RelationEdge', 'until'), typeOf('Passage', 'date'), typeOf('GraphNode', 'date'), typeOf('EventFilter', 'from'),
      typeOf('RelationFilter', 'validAt'), typeOf('PositionFilter', 'validAt'), typeOf('Query', 'search', 'from'),
      typeOf('Query', 'passages', 'to'), typeOf('Person', 'events', 'from'),
    ]).toEqual(Array(13).fill('PartialDate'));
  });

  it('when a year is given, then it stands for all its days', async () => {
    const year = await ok('{ events(where: { from: "2023", to: "2023" }) { totalCount } }');
    const days = await ok('{ events(where: { from: "2023-01-01", to: "2023-12-31" }) { totalCount } }');
    expect(year.events.totalCount).toBe(days.events.totalCount);
    expect(year.events.totalCount).toBeGreaterThan(10);
  });

  it('when a date is not a real one, then it is BAD_USER_INPUT naming the argument, as a literal or as a variable', async () => {
    const literal = await exec('{ events(where: { from: "2023-02-30" }) { totalCount } }');
    const variable = await exec('query($d: PartialDate) { events(where: { from: $d }) { totalCount } }', { d: '2023-02-30' });
    expect(codes(literal)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'where.from' }]);
    expect(codes(variable)).toEqual(codes(literal));
    expect(variable.errors![0].message).toBe(literal.errors![0].message);
    expect(literal.errors![0].message).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
    for (const [query, argumentName] of [
      ['{ search(query: "高邮", to: "2023-13") { totalCount } }', 'to'],
      ['{ passages(query: "开发区", from: "23-06") { totalCount } }', 'from'],
      ['{ entity(id: "org:gaoyou-edz") { events(from: "June") { totalCount } } }', 'from'],
      ['{ entities(where: { relation: { validAt: "2023-06-31" } }) { totalCount } }', 'where.relation.validAt'],
    ]) {
      expect([query, codes(await exec(query))]).toEqual([query, [{ code: 'BAD_USER_INPUT', argumentName }]]);
    }
  });

  it('when a date is not a string, then the operation is invalid (a number is not a date)', async () => {
    const result = await exec('{ events(where: { from: 2023 }) { totalCount } }');
    expect(result.errors?.[0].message).toMatch(/PartialDate is a string/);
  });
});

describe('a window or range nothing can be in', () => {
  it.each([
    ['the events of a reversed window', '{ events(where: { from: "2023-07", to: "2023-06" }) { totalCount } }', 'where.from'],
    ['a reversed window nested in a filter', '{ entities(where: { participatedIn: { event: { from: "2024", to: "2023" } } }) { totalCount } }', 'where.participatedIn.event.from'],
    ['counts under a reversed window', '{ eventCounts(by: TYPE, where: { from: "2023-06-30", to: "2023-06-01" }) { key count } }', 'where.from'],
    ["an entity's events in a reversed window", '{ entity(id: "org:gaoyou-edz") { events(from: "2023-07", to: "2023-06") { totalCount } } }', 'from'],
    ['a search in a reversed window', '{ search(query: "高邮", from: "2024", to: "2023") { totalCount } }', 'from'],
    ['passages in a reversed window', '{ passages(query: "开发区", from: "2024-01", to: "2023-12") { totalCount } }', 'from'],
    ['a value above its upper bound', '{ figures(where: { value: { gt: 10, lt: 5 } }) { id } }', 'where.value.gt'],
    ['a value strictly between equal bounds', '{ figures(where: { value: { gt: 5, lte: 5 } }) { id } }', 'where.value.gt'],
    ['a count range upside down', '{ entities(where: { eventCount: { gte: 3, lt: 2 } }) { totalCount } }', 'where.eventCount.gte'],
    ['a participant count range in counts', '{ eventCounts(by: TYPE, where: { participantCount: { gte: 9, lte: 1 } }) { key } }', 'where.participantCount.gte'],
  ])('%s is BAD_USER_INPUT naming where it starts', async (_what, query, argumentName) => {
    const result = await exec(query);
    expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName }]);
    expect(result.errors![0].message).toMatch(/is empty$/);
    // nothing read for it (an entity's events: the entity itself only)
    expect(result.ctx.stats.roundTrips).toBe(query.startsWith('{ entity(') ? 1 : 0);
  });

  it('when the bounds are equal and both inclusive, then it is one value, not an error', async () => {
    const data = await ok('{ figures(where: { value: { gte: 295, lte: 295 } }) { value } }');
    expect(data.figures.length).toBeGreaterThan(0);
    expect(data.figures.every((f: any) => f.value === 295)).toBe(true);
  });
});
