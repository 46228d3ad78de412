/**
 * A malformed argument gets one answer wherever its field is (issue 24 §3): a cursor that is no cursor or belongs to
 * another list, a date that is no date, a reversed window. At the root or nested under a page of entities, it is
 * BAD_USER_INPUT with HTTP 400, naming the argument (`argumentName`) and the field (`fieldPath`), located at the
 * argument, with no data and no database call: a nested field no longer fails alone under a 200 with the rest of
 * the answer.
 */
import { codes } from './server.helpers';
import { useCountedSeedServer } from './support/useCountedSeedServer';

const t = useCountedSeedServer();

const garbage = Buffer.from('not ours').toString('base64');

async function refusedWhole(query: string, variables?: Record<string, unknown>) {
  const r = await t.gql(query, { variables });
  expect(r.status).toBe(400);
  expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  expect(r.body.data).toBeUndefined();
  expect(t.calls()).toBe(0);
  return r.body.errors![0] as { message: string; locations?: Array<{ line: number; column: number }>; extensions: Record<string, unknown> };
}

describe('when a nested field is given a malformed argument', () => {
  it.each([
    ['a cursor this API never issued', `{ entity(id: "org:gaoyou-edz") { id events(after: "${garbage}") { totalCount } } }`, 'after', 'entity.events', /not a cursor this API issued/],
    ['a date that is no date', '{ entity(id: "org:gaoyou-edz") { id events(from: "2023-13") { totalCount } } }', 'from', 'entity.events', /must be a real date/],
    ['a reversed window', '{ entity(id: "org:gaoyou-edz") { id events(from: "2023-07", to: "2023-06") { totalCount } } }', 'from', 'entity.events', /the window is empty/],
    ['a cursor of another list, on participants', `{ events(first: 1) { edges { node { participants(after: "${Buffer.from('kg:events:0').toString('base64')}") { totalCount } } } } }`, 'after', 'events.edges.node.participants', /cursor of `events`, not of `participants`/],
    ['an empty article id, in a fragment', '{ entity(id: "org:gaoyou-edz") { ...R } } fragment R on Entity { relations(article: " ") { totalCount } }', 'article', 'entity.relations', /must not be empty/],
  ])('%s: the whole request is refused, 400 BAD_USER_INPUT naming the argument and the field, no data, no database call', async (_what, query, argumentName, fieldPath, message) => {
    const error = await refusedWhole(query);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName, fieldPath });
    expect(error.message).toMatch(message);
    // located at the argument itself
    const at = error.locations![0];
    const line = query.split('\n')[at.line - 1];
    expect(line.slice(at.column - 1).startsWith(argumentName)).toBe(true);
  });

  it('when the date comes in a variable, under an alias on every entity of a page, then the same', async () => {
    const error = await refusedWhole(
      'query($from: PartialDate) { entities(first: 5) { edges { node { june: events(from: $from) { totalCount } } } } }',
      { from: '2023-06-31' },
    );
    expect(error.extensions).toMatchObject({ argumentName: 'from', fieldPath: 'entities.edges.node.june' });
  });

  it('when a root field beside it is well formed, then it is refused all the same: no partial answer', async () => {
    const error = await refusedWhole(`{ ok: entity(id: "person:jin-feng") { id } bad: entity(id: "person:jin-feng") { mentionedIn(after: "${garbage}") { totalCount } } }`);
    expect(error.extensions).toMatchObject({ argumentName: 'after', fieldPath: 'bad.mentionedIn' });
  });
});

describe('when the same arguments are malformed at the root', () => {
  it('a reversed window in a where is the same answer: 400, the argument and the field named, no data', async () => {
    const error = await refusedWhole('{ events(where: { from: "2023-07", to: "2023-06" }) { totalCount } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'where.from', fieldPath: 'events' });
  });

  it('a cursor of another list is the same answer', async () => {
    const error = await refusedWhole(`{ entities(after: "${Buffer.from('kg:events:3').toString('base64')}") { totalCount } }`);
    expect(error.extensions).toMatchObject({ argumentName: 'after', fieldPath: 'entities' });
  });
});

describe('when every argument is well formed', () => {
  it('a nested page continues with the cursor it issued, over HTTP, and a date window nested under it is read', async () => {
    const page = (after: string | null) =>
      t.gql(`query($after: String) { entity(id: "org:gaoyou-edz") { ... on Organization {
        units(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } events(from: "2023-06", to: "2023-06") { totalCount } } }`, { variables: { after } });
    const first = await page(null);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const firstData = first.body.data as any;
    const units = firstData.entity.units;
    expect(units.pageInfo.hasNextPage).toBe(true);
    const second = await page(units.pageInfo.endCursor);
    expect(second.status).toBe(200);
    expect(second.body.errors).toBeUndefined();
    expect((second.body.data as any).entity.units.edges[0].node.id).not.toBe(units.edges[0].node.id);
    expect(firstData.entity.events.totalCount).toBeGreaterThan(0);
  });
});
