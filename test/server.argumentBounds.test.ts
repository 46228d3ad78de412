/**
 * An argument over its maximum gets one answer, whichever check sees it first: the server's check of bounded
 * arguments (before the cost limit), the resolver's own check, or the `where` filter's checks. It is always
 * BAD_USER_INPUT with HTTP 400, naming the argument (`argumentName`) and the bound (`limit`, `max`); the operation's
 * own budget (depth, aliases, cost) and the filter's (where.*) stay QUERY_TOO_COMPLEX.
 */
import { exec } from './api.harness';
import { codes, type GqlResponse } from './server.helpers';
import { useCountedSeedServer } from './support/useCountedSeedServer';

const t = useCountedSeedServer();

const ids = (n: number): string => `[${Array.from({ length: n }, (_, i) => `"e${i}"`).join(', ')}]`;
const PEOPLE = 'edges { node { participants { edges { role node { name ... on Person { positions { edges { title node { name } } } } } } } } }';

/** What a client can tell apart of an error: its code, its message and what it names. */
function shape(e: { message: string; extensions?: Record<string, unknown> } | undefined) {
  const x = e?.extensions ?? {};
  return { code: x.code, message: e?.message, argumentName: x.argumentName, limit: x.limit, max: x.max };
}

async function overHttp(query: string, variables?: Record<string, unknown>): Promise<{ r: GqlResponse; error: ReturnType<typeof shape> }> {
  const r = await t.gql(query, { variables });
  expect(r.body.errors).toHaveLength(1);
  return { r, error: shape(r.body.errors?.[0]) };
}

describe('when an argument is over its maximum', () => {
  it.each([
    ['a page size under a cheap selection (the resolver would see it)', '{ events(first: 101) { totalCount } }', 'first', 100],
    ['a page size under a costly selection (the cost limit would see it)', `{ events(first: 1000) { ${PEOPLE} } }`, 'first', 100],
    ['a nested page size', `{ entity(id: "org:gaoyou-edz") { events(first: 5000) { edges { node { participants { edges { role } } } } } } }`, 'first', 100],
    ['a page size in a fragment', `{ ...F } fragment F on Query { events(first: 1000) { ${PEOPLE} } }`, 'first', 100],
    ["a neighbourhood's node limit far over", '{ neighborhood(id: "org:gaoyou-edz", limit: 100000) { nodes { id } edges { id } } }', 'limit', 500],
    ["a neighbourhood's depth", '{ neighborhood(id: "org:gaoyou-edz", depth: 9) { truncated } }', 'depth', 3],
    ["a path's length", '{ paths(from: "person:jin-feng", to: "person:xu-jian", maxLength: 50, first: 100) { nodes { id } } }', 'maxLength', 6],
  ])('%s: BAD_USER_INPUT, 400, before the database, as the resolver says it', async (_what, query, argumentName, max) => {
    const { r, error } = await overHttp(query);
    expect(r.status).toBe(400);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argumentName, limit: argumentName, max });
    expect(t.calls()).toBe(0);
    // without the server in front (the API's executor alone), the resolver's own check says the same
    const direct = await exec(query);
    expect(direct.errors?.map(shape)).toEqual([error]);
  });

  it('given through a variable, the same', async () => {
    const query = `query($n: Int!) { events(first: $n) { ${PEOPLE} } }`;
    const big = await overHttp(query, { n: 5000 });
    const small = await overHttp(query, { n: 101 });
    expect([big.r.status, small.r.status]).toEqual([400, 400]);
    expect(big.error).toEqual({ ...small.error, message: 'first must be an integer from 1 to 100 (got 5000)' });
    expect(small.error).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first', message: 'first must be an integer from 1 to 100 (got 101)' });
  });

  it('an ids list in a filter over its 100 ids: the same BAD_USER_INPUT whether or not the filter is also over its 200 values', async () => {
    const just = await overHttp(`{ entities(where: { ids: ${ids(150)} }) { totalCount } }`);
    const far = await overHttp(`{ entities(where: { ids: ${ids(250)} }) { totalCount } }`);
    const nested = await overHttp(`{ entities(where: { relation: { other: { ids: ${ids(250)} } } }) { totalCount } }`);
    for (const { r } of [just, far, nested]) expect(r.status).toBe(400);
    expect(just.error).toEqual({ code: 'BAD_USER_INPUT', message: 'where.ids holds more than 100 ids', argumentName: 'where.ids', limit: 'ids', max: 100 });
    expect(far.error).toEqual(just.error);
    expect(nested.error).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'where.relation.other.ids', limit: 'ids' });
    expect(t.calls()).toBe(0);
  });
});

describe('when an argument over its maximum is nested (a field of a field, a fragment, inside a where)', () => {
  it.each([
    ['an id of a nested field', `{ entity(id: "org:gaoyou-edz") { name relations(article: "${'x'.repeat(501)}") { totalCount } } events(first: 1) { totalCount } }`, 'article', 'id', 500],
    ['a text of a nested field', `{ entity(id: "org:gaoyou-edz") { name figures(metric: "${'金'.repeat(1001)}") { totalCount } } }`, 'metric', 'text', 1000],
    ['a text inside a where in a fragment', `{ ...F } fragment F on Query { events(where: { OR: [{ name: { contains: "会" } }, { name: { contains: "${'x'.repeat(1001)}" } }] }) { totalCount } }`, 'where.OR[1].name.contains', 'text', 1000],
    ['an id list of 101 ids', `{ paths(from: "person:jin-feng", to: "person:xu-jian", exclude: ${ids(101)}) { length } }`, 'exclude', 'ids', 100],
    ['a page size of a nested field', `{ entity(id: "org:gaoyou-edz") { name relations(first: 101) { totalCount } } }`, 'first', 'first', 100],
  ])('%s: the whole request is refused (400, no data, nothing read), with the error the field itself gives', async (_what, query, argumentName, limit, max) => {
    const { r, error } = await overHttp(query);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argumentName, limit, max });
    expect(t.calls()).toBe(0);
    // the field's own check (the API's executor alone, no server in front) gives the same error, after its parent was read
    const direct = await exec(query);
    expect(direct.errors?.map(shape)).toEqual([error]);
  });

  it('a cursor is not text: a long one gets the cursor check\'s own error', async () => {
    const { r, error } = await overHttp(`{ entity(id: "org:gaoyou-edz") { relations(after: "${'x'.repeat(1001)}") { totalCount } } }`);
    // a malformed argument, refused as a whole request like one over its bound (test/server.malformedArguments.test.ts)
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after', message: 'after is not a cursor this API issued' });
  });
});

describe('when every argument is within its bounds', () => {
  it('an operation over the cost limit is still QUERY_TOO_COMPLEX naming the cost', async () => {
    const { r, error } = await overHttp(`{ events(first: 100) { edges { node { participants { edges { node { events(first: 100) { edges { node { participants { edges { role } } } } } } } } } } } }`);
    expect(r.status).toBe(400);
    expect(error).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('a filter over its budget of list values (no list over its own bound) is QUERY_TOO_COMPLEX naming where.listValues', async () => {
    const { r, error } = await overHttp(`{ entities(where: { OR: [{ ids: ${ids(90)} }, { ids: ${ids(90)} }, { ids: ${ids(90)} }] }) { totalCount } }`);
    expect(r.status).toBe(400);
    expect(error).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'where.listValues', max: 200 });
  });
});
