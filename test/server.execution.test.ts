/**
 * The server executes operations with the compiled executor (src/api/compiledExecutor.ts) through Apollo Server's
 * public plugin hook `responseForOperation` (src/server/plugins/compiledExecution.ts). The answers themselves are
 * compared with graphql-js's in test/api.executor.test.ts; this checks the plumbing: that requests over HTTP
 * reach the executor (it fails when Apollo stops asking the hook), that what Apollo's own execution would answer
 * stays the same around it, and that another schema is left to Apollo.
 */
import { ApolloServer } from '@apollo/server';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { buildApiSchema, createCompiledExecutor, type OperationExecutor } from '../src/api';
import { createLogger } from '../src/server';
import { compiledExecutionPlugin } from '../src/server/plugins/compiledExecution';
import { RequestLog } from '../src/server/requestLog';
import { codes, EDITOR_KEY, startTestServer, testConfig, type TestServer } from './server.helpers';
import { closeTestDriver, testDriver } from './support/db';

let schema: GraphQLSchema;
let t: TestServer;
const operations: string[] = [];

beforeAll(async () => {
  schema = await buildApiSchema();
  const compiled = createCompiledExecutor(schema);
  const watching: OperationExecutor = (args) => {
    operations.push(args.operationName ?? '');
    return compiled(args);
  };
  t = await startTestServer(testConfig(), { driver: testDriver(), schema, schemaApplied: true, executor: watching });
});
afterAll(async () => {
  await t?.stop();
  await closeTestDriver();
});
beforeEach(() => {
  operations.length = 0;
});

describe('the executor Apollo runs operations with', () => {
  it('when a request comes over HTTP, then it goes through the server\'s executor', async () => {
    const r = await t.gql('query Probe { __typename }', { operationName: 'Probe' });
    expect(r.body).toEqual({ data: { __typename: 'Query' } });
    expect(operations).toEqual(['Probe']);
  });

  it('when a resolver reports a typed error, then the answer is what Apollo would give: code, path, HTTP status', async () => {
    // a mutation's arguments are checked by its resolver (a query's before execution: the next scenario)
    const r = await t.gql('mutation Bad { deleteArticle(id: " ") { deleted } }', { operationName: 'Bad', key: EDITOR_KEY });
    expect(operations).toEqual(['Bad']);
    expect(r.status).toBe(200);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors?.[0].path).toEqual(['deleteArticle']);
    expect(r.body.data).toBeNull(); // the field is non-null
  });

  it('when a query has a malformed argument, then it is refused before the executor runs: 400, no data', async () => {
    const r = await t.gql('query Bad { entity(id: " ") { id } }', { operationName: 'Bad' });
    expect(operations).toEqual([]);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors?.[0].extensions).toMatchObject({ argumentName: 'id', fieldPath: 'entity' });
    expect(r.body.data).toBeUndefined();
  });

  it('when variables cannot be coerced, then Apollo answers as it always has (400 BAD_USER_INPUT), without the executor', async () => {
    const r = await t.gql('query V($id: ID!) { entity(id: $id) { id } }', { variables: { id: { not: 'an id' } } });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(operations).toEqual([]);
  });

  it('with `executor: false`, graphql-js executes, with the same answer', async () => {
    const plain = await startTestServer(testConfig(), { driver: testDriver(), schema, schemaApplied: true, executor: false });
    try {
      const q = '{ entity(id: "nobody") { id } search(query: "高邮") { total } }';
      expect((await plain.gql(q)).body).toEqual((await t.gql(q)).body);
    } finally {
      await plain.stop();
    }
  });

  it('when Apollo serves another schema, then the plugin leaves its operations to Apollo', async () => {
    const other = buildSchema('type Query { hello: String }');
    const never: OperationExecutor = async () => ({ data: { hello: 'from the executor' } });
    const plugin = compiledExecutionPlugin({ schema, executor: never, formatError: (f) => f, requestLog: new RequestLog(createLogger('silent')) });
    const server = new ApolloServer({ schema: other, rootValue: { hello: 'from graphql-js' }, plugins: [plugin as never] });
    await server.start();
    try {
      const r = await server.executeOperation({ query: '{ hello }' });
      expect(r.body).toEqual({ kind: 'single', singleResult: { data: { hello: 'from graphql-js' } } });
    } finally {
      await server.stop();
    }
  });
});
