/**
 * Error masking and Neo4j availability: untyped resolver errors become INTERNAL_SERVER_ERROR without a
 * stack or Cypher; typed ones pass; with Neo4j unreachable the server still starts, /ready is 503 and
 * operations fail fast with SERVICE_UNAVAILABLE; when Neo4j appears the server serves without a restart.
 */
import * as net from 'net';
import { createDriver } from '../src/graph/driver';
import { closeTestDriver, testDriver, testNeo4jConfig } from './support/db';
import { codes, startTestServer, testConfig, testSchema, waitFor, type TestServer } from './server.helpers';

afterAll(() => closeTestDriver());

describe('error masking', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(testConfig(), { driver: testDriver(), schema: testSchema(), schemaApplied: true });
  });
  afterAll(() => t.stop());

  it('masks an untyped resolver error: no message, stack or Cypher', async () => {
    const r = await t.gql('{ boom ping }');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ boom: null, ping: true });
    expect(r.body.errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(r.text).not.toMatch(/MATCH|stack|Neo\./);
  });

  it('masks a Neo4j error (Cypher syntax) too', async () => {
    const r = await t.gql('{ boomCypher }');
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(r.text).not.toMatch(/Nope|MATCH|Neo\.|stack/);
  });

  it('passes typed errors through', async () => {
    const r = await t.gql('{ missing }');
    expect(r.body.errors).toEqual([{ message: 'no such thing', locations: [{ line: 1, column: 3 }], path: ['missing'], extensions: { code: 'NOT_FOUND' } }]);
  });

  it("keeps Apollo's request-level codes", async () => {
    expect(codes(await t.gql('{ ping '))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(codes(await t.gql('{ nope }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codes(await t.gql('query($id: ID!) { item(id: $id) { id } }'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('Neo4j not reachable', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(testConfig({ NEO4J_URI: 'bolt://127.0.0.1:1' }), { schema: testSchema(), retryMs: 200 });
  });
  afterAll(() => t.stop());

  it('the server starts and is healthy but not ready', async () => {
    expect((await fetch(`${t.base}/health`)).status).toBe(200);
    const ready = await fetch(`${t.base}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database not reachable' });
  });

  it('operations fail fast with SERVICE_UNAVAILABLE', async () => {
    const r = await t.gql('{ ping }');
    expect(r.status).toBe(503);
    expect(codes(r)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(r.headers.get('retry-after')).toBe('5');
    // introspection needs no database
    expect((await t.gql('{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('Neo4j goes away after start', () => {
  it('a connectivity error during a request becomes SERVICE_UNAVAILABLE and later ones fail fast', async () => {
    // claim the schema is applied, so the first request reaches the driver and meets the closed port
    const driver = createDriver({ uri: 'bolt://127.0.0.1:1' });
    const t = await startTestServer(testConfig(), { driver, schema: testSchema(), schemaApplied: true, retryMs: 60_000 });
    try {
      const first = await t.gql('{ ping }');
      expect(first.status).toBe(503);
      expect(codes(first)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(first.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
      expect(t.server.database.reachable).toBe(false);
      const second = await t.gql('{ ping }');
      expect(second.status).toBe(503);
      expect(codes(second)).toEqual(['SERVICE_UNAVAILABLE']);
    } finally {
      await t.stop();
      await driver.close();
    }
  });
});

describe('Neo4j appears after start', () => {
  it('the schema is applied in the background and the API serves without a restart', async () => {
    const target = new URL(testNeo4jConfig().uri.replace(/^bolt/, 'http'));
    // a TCP relay on a free port, not listening yet
    const sockets = new Set<net.Socket>();
    const relay = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    const t = await startTestServer(testConfig({ NEO4J_URI: `bolt://127.0.0.1:${port}` }), { schema: testSchema(), retryMs: 200 });
    try {
      expect((await fetch(`${t.base}/ready`)).status).toBe(503);
      expect(codes(await t.gql('{ ping }'))).toEqual(['SERVICE_UNAVAILABLE']);

      await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
      await waitFor(async () => (await fetch(`${t.base}/ready`)).status === 200);
      expect(t.server.database.schemaApplied).toBe(true);
      expect((await t.gql('{ ping }')).body).toEqual({ data: { ping: true } });
    } finally {
      await t.stop();
      for (const s of sockets) s.destroy();
      await new Promise((r) => relay.close(r));
    }
  });
});
