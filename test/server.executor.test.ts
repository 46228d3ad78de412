/**
 * Operations run compiled (graphql-jit, the default) and through graphql-js (KG_EXECUTOR=graphql-js) must be
 * indistinguishable to a client: same status, same data, same errors with the same codes, locations and paths.
 * Each scenario is sent to both servers, over HTTP, against the seeded graph. Untyped resolver errors (masked,
 * logged with their cause) are covered by server.errors and server.http, which run compiled, the default.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parse } from 'graphql';
import { buildApiSchema } from '../src/api';
import * as Q from '../src/explorer/web/queries';
import { compiledExecution } from '../src/server/compiledExecution';
import { ev, seed } from './api.harness';
import { closeTestDriver, testDriver } from './support/db';
import { startTestServer, testConfig, waitFor, type TestServer } from './server.helpers';

const EXAMPLES = path.join(__dirname, '..', 'examples');

let compiled: TestServer;
let graphqlJs: TestServer;
beforeAll(async () => {
  await seed();
  compiled = await startTestServer(testConfig(), { driver: testDriver(), schemaApplied: true });
  graphqlJs = await startTestServer(testConfig({ KG_EXECUTOR: 'graphql-js' }), { driver: testDriver(), schemaApplied: true });
  for (const t of [compiled, graphqlJs]) await waitFor(async () => (await fetch(`${t.base}/ready`)).status === 200);
}, 120_000);
afterAll(async () => {
  await compiled?.stop();
  await graphqlJs?.stop();
  await closeTestDriver();
});

async function both(query: string, variables?: Record<string, unknown>) {
  const [a, b] = await Promise.all([compiled.gql(query, { variables }), graphqlJs.gql(query, { variables })]);
  expect({ status: a.status, body: a.body }).toEqual({ status: b.status, body: b.body });
  return a as { status: number; body: any };
}

describe('when the same operation runs compiled and through graphql-js, the client gets the same answer', () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.graphql')))('examples/%s', async (file) => {
    const r = await both(readFileSync(path.join(EXAMPLES, file), 'utf8'));
    expect(r.body.errors).toBeUndefined();
  });

  it.each([
    ['search', Q.SEARCH, { query: '金锋', first: 12 }],
    ['neighborhood', Q.NEIGHBORHOOD, { id: 'person:jin-feng', depth: 2, limit: 60, entityTypes: null, eventTypes: ['Signing', 'Meeting'] }],
    ['paths', Q.PATHS, { from: 'person:xu-jian', to: 'person:shi-zhihong', maxLength: 4, first: 3 }],
    ['node details of a person', Q.NODE_DETAILS, { id: 'person:jin-feng' }],
    ['node details of an event', Q.NODE_DETAILS, { id: ev('ev-0621-signing') }],
    ['participation evidence', Q.PARTICIPATION, { event: ev('ev-0621-signing'), roles: null }],
    ['relation evidence', Q.RELATION, { id: 'org:gaoyou-edz', types: null }],
  ])('the explorer: %s', async (_name, query, variables) => {
    const r = await both(query, variables);
    expect(r.body.errors).toBeUndefined();
    expect(JSON.stringify(r.body.data)).not.toMatch(/^\{("\w+":null,?)*\}$/);
  });

  it('fragments, aliases, abstract types and __typename on a nested page', async () => {
    const r = await both(`
      fragment Who on Entity { __typename id name ... on Person { positions { title organization { id name } } } }
      query Page($n: Int!) {
        first: events(first: $n, orderBy: DATE_DESC) { totalCount edges { cursor node { id date participants { role entity { ...Who } } } } }
        again: events(first: 2) { edges { node { __typename id } } }
        anything: node(id: "person:jin-feng") { __typename id ... on Person { name } }
        nothing: node(id: "person:nobody") { id }
      }`,
      { n: 5 },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.first.edges).toHaveLength(5);
    expect(r.body.data.nothing).toBeNull();
  });

  it('a variable of the wrong type: BAD_USER_INPUT, HTTP 400', async () => {
    const r = await both('query($id: ID!) { entity(id: $id) { id } }', { id: { not: 'an id' } });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('a resolver refuses an argument: its typed error, with locations and path', async () => {
    const r = await both('{ __typename\n  events(first: 2, after: "not a cursor") { edges { node { id } } } }');
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors[0]).toMatchObject({ path: ['events'], locations: [{ line: 2, column: 3 }], extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('the compiled operations are cached', () => {
  it('by operation, at most as many as asked, the least recently used dropped first', async () => {
    const schema = await buildApiSchema();
    const execution = compiledExecution(schema, 2);
    const { executor } = await execution.gateway.load({ apollo: { key: '', keyHash: '', graphRef: '', graphId: '', graphVariant: '' } } as never);
    const run = async (source: string, queryHash: string) => {
      const document = parse(source);
      const operation = document.definitions[0] as never;
      return executor!({ source, document, operation, queryHash, request: { variables: {} }, context: {} } as never);
    };
    expect(await run('{ first: __typename }', 'a')).toEqual({ data: { first: 'Query' } });
    expect(await run('{ second: __typename }', 'b')).toEqual({ data: { second: 'Query' } });
    expect(await run('{ first: __typename }', 'a')).toEqual({ data: { first: 'Query' } });
    expect(await run('{ third: __typename }', 'c')).toEqual({ data: { third: 'Query' } });
    expect(execution.cached()).toBe(2);
    // 'a' was used after 'b', so 'b' went. The key is Apollo's hash of the text, so a different text under a
    // cached key answers as the cached one: that shows what is still cached and what was compiled afresh.
    expect(await run('{ other: __typename }', 'a')).toEqual({ data: { first: 'Query' } });
    expect(await run('{ fourth: __typename }', 'b')).toEqual({ data: { fourth: 'Query' } });
    expect(execution.cached()).toBe(2);
  });
});
