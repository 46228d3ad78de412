/**
 * The server executes operations with the compiled executor (src/api/compiledExecutor.ts), put in place of
 * Apollo's own execution for its schema only (src/server/compiledExecution.ts). The answers themselves are
 * compared with graphql-js's in test/api.executor.test.ts; this checks the plumbing: that requests over HTTP
 * reach the executor, and that another schema in the process is left to Apollo.
 */
import { ApolloServer } from '@apollo/server';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { buildApiSchema, type OperationExecutor } from '../src/api';
import { executeWith, executorOf } from '../src/server/compiledExecution';
import { startTestServer, testConfig, type TestServer } from './server.helpers';
import { closeTestDriver, testDriver } from './support/db';

let schema: GraphQLSchema;
let t: TestServer;

beforeAll(async () => {
  schema = await buildApiSchema();
  t = await startTestServer(testConfig(), { driver: testDriver(), schema, schemaApplied: true });
});
afterAll(async () => {
  await t?.stop();
  await closeTestDriver();
});

describe('the executor Apollo runs operations with', () => {
  it('when the server has started, then its schema has an executor, and each request over HTTP goes through it', async () => {
    const compiled = executorOf(schema);
    expect(compiled).toBeInstanceOf(Function);
    const documents: string[] = [];
    const watching: OperationExecutor = (args) => {
      documents.push(args.operationName ?? '');
      return compiled!(args);
    };
    executeWith(schema, watching);
    try {
      const r = await t.gql('query Probe { __typename }', { operationName: 'Probe' });
      expect(r.body).toEqual({ data: { __typename: 'Query' } });
      expect(documents).toEqual(['Probe']);
    } finally {
      executeWith(schema, compiled!);
    }
    expect(executorOf(schema)).toBe(compiled);
  });

  it('when another Apollo server in the process has a schema of its own, then Apollo executes it as usual', async () => {
    const other = buildSchema('type Query { hello: String }');
    const server = new ApolloServer({ schema: other, rootValue: { hello: 'from graphql-js' } });
    await server.start();
    try {
      expect(executorOf(other)).toBeUndefined();
      const r = await server.executeOperation({ query: '{ hello }' });
      expect(r.body).toEqual({ kind: 'single', singleResult: { data: { hello: 'from graphql-js' } } });
      // and an executor given for that schema takes over its operations, not the product's
      executeWith(other, async () => ({ data: { hello: 'from the executor' } }));
      const again = await server.executeOperation({ query: '{ hello }' });
      expect(again.body).toEqual({ kind: 'single', singleResult: { data: { hello: 'from the executor' } } });
    } finally {
      await server.stop();
    }
  });
});
