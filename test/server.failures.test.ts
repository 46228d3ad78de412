/**
 * What clients get when the mistake is theirs, or the database's, rather than the server's: an unsupported
 * operation type is a 400 with its own code and no error-level log line; a database timeout is 504
 * DATABASE_TIMEOUT (with no advice about `first` or depth for a write); a connection lost in the middle of a
 * request is 503 SERVICE_UNAVAILABLE. On the real API schema and the real Neo4j, except where the database
 * must misbehave.
 */
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import * as net from 'net';
import type { Writable } from 'stream';
import { buildApiSchema } from '../src/api';
import type { Context } from '../src/api/context';
import { readQuery, writeTransaction } from '../src/api/db/run';
import { createDriver } from '../src/graph/driver';
import { createLogger } from '../src/server';
import { closeTestDriver, testDriver } from './support/db';
import { codes, EDITOR_KEY, startTestServer, testConfig, type TestServer } from './server.helpers';

afterAll(() => closeTestDriver());

/** A logger whose lines the test reads. */
function capturedLogger(): { logger: ReturnType<typeof createLogger>; lines: () => Array<{ level: number; msg: string; err?: unknown }> } {
  const raw: string[] = [];
  const sink = { write: (s: string) => void raw.push(s) } as unknown as Writable;
  return { logger: createLogger('debug', sink), lines: () => raw.map((l) => JSON.parse(l)) };
}

const ERROR_LEVEL = 50;

describe('operations the server does not serve', () => {
  let t: TestServer;
  let log: ReturnType<typeof capturedLogger>;
  beforeAll(async () => {
    log = capturedLogger();
    t = await startTestServer(testConfig({ LOG_LEVEL: 'debug', NODE_ENV: 'production' }), {
      driver: testDriver(),
      schema: await buildApiSchema(),
      schemaApplied: true,
      logger: log.logger,
    });
  });
  afterAll(() => t.stop());

  it('when an anonymous client sends `subscription { x }`, then it gets 400 OPERATION_NOT_SUPPORTED and nothing is logged at error level', async () => {
    const r = await t.gql('subscription { x }');
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['OPERATION_NOT_SUPPORTED']);
    expect(r.body.errors?.[0].message).toMatch(/subscription/);
    expect(r.text).not.toMatch(/stack|at .*\.js/);
    const lines = log.lines();
    expect(lines.filter((l) => l.level >= ERROR_LEVEL)).toEqual([]);
    expect(lines.some((l) => l.msg === 'graphql request')).toBe(true);
  });

  it('when a named subscription comes with a valid selection, then it is refused the same way', async () => {
    const r = await t.gql('subscription Live { __typename }', { operationName: 'Live' });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['OPERATION_NOT_SUPPORTED']);
    expect(log.lines().filter((l) => l.level >= ERROR_LEVEL)).toEqual([]);
  });

  it('queries still work', async () => {
    const r = await t.gql('{ entity(id: "nobody") { id } }');
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  });
});

/** Fields that run the product's own read and write paths (src/api/db/run.ts) on slow Cypher. */
function slowSchema(): GraphQLSchema {
  const SLOW = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 100 RETURN count(x) AS n';
  return new GraphQLSchema({
    query: new GraphQLObjectType<unknown, Context>({
      name: 'Query',
      fields: {
        slowRead: { type: GraphQLString, resolve: async (_r, _a, ctx) => String((await readQuery(ctx, SLOW))[0]?.n) },
      },
    }),
    mutation: new GraphQLObjectType<unknown, Context>({
      name: 'Mutation',
      fields: {
        slowWrite: {
          type: GraphQLString,
          resolve: async (_r, _a, ctx) => writeTransaction(ctx, async (tx) => String((await tx.run(`CREATE (:FailureProbe) WITH 1 AS one ${SLOW}`)).records[0].get('n'))),
        },
      },
    }),
  });
}

describe('a database timeout', () => {
  let t: TestServer;
  let log: ReturnType<typeof capturedLogger>;
  beforeAll(async () => {
    log = capturedLogger();
    t = await startTestServer(testConfig({ KG_TX_TIMEOUT_MS: '300', LOG_LEVEL: 'debug' }), {
      driver: testDriver(),
      schema: slowSchema(),
      schemaApplied: true,
      logger: log.logger,
    });
  });
  afterAll(() => t.stop());

  it('when a read runs past KG_TX_TIMEOUT_MS, then the answer is 504 DATABASE_TIMEOUT, not QUERY_TOO_COMPLEX', async () => {
    const r = await t.gql('{ slowRead }');
    expect(r.status).toBe(504);
    expect(codes(r)).toEqual(['DATABASE_TIMEOUT']);
    expect(r.body.errors?.[0].message).toMatch(/time limit/);
    expect(log.lines().filter((l) => l.level >= ERROR_LEVEL)).toEqual([]);
  });

  it('when a write runs past it, then it is 504 DATABASE_TIMEOUT without advice about first, depth or limit, and nothing is written', async () => {
    const r = await t.gql('mutation { slowWrite }', { key: EDITOR_KEY });
    expect(r.status).toBe(504);
    expect(codes(r)).toEqual(['DATABASE_TIMEOUT']);
    const message = r.body.errors?.[0].message ?? '';
    expect(message).toMatch(/nothing was written/);
    expect(message).not.toMatch(/first|depth|smaller|ask for less/);
    const left = await testDriver().executeQuery('MATCH (p:FailureProbe) RETURN count(p) AS n');
    expect(left.records[0].get('n')).toBe(0);
  });
});

describe('a connection lost in the middle of a request', () => {
  it('when Neo4j accepts the connection and then closes it, then the answer is 503 SERVICE_UNAVAILABLE', async () => {
    // a port that accepts every connection and closes it at once: the driver connects, then loses it
    const sockets = new Set<net.Socket>();
    const closer = net.createServer((s) => {
      sockets.add(s);
      s.destroy();
    });
    await new Promise<void>((resolve) => closer.listen(0, '127.0.0.1', resolve));
    const { port } = closer.address() as net.AddressInfo;
    const driver = createDriver({ uri: `bolt://127.0.0.1:${port}` });
    const t = await startTestServer(testConfig(), { driver, schema: await buildApiSchema(), schemaApplied: true, retryMs: 60_000 });
    try {
      const r = await t.gql('{ entity(id: "org:gaoyou-edz") { id name } }');
      expect(r.status).toBe(503);
      expect(codes(r)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(r.headers.get('retry-after')).toBe('5');
      expect(r.text).not.toMatch(/127\.0\.0\.1|ECONN/);
      expect(sockets.size).toBeGreaterThan(0);
    } finally {
      await t.stop();
      await driver.close();
      await new Promise((r) => closer.close(r));
    }
  });
});
