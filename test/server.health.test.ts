/**
 * /health is the liveness check: it fails when the database layer says, through the `liveness` hook, that
 * the process cannot serve any more (e.g. the embedded Neo4j could not be restarted), and only then.
 */
import { closeTestDriver, testDriver } from './support/db';
import { startTestServer, testConfig, testSchema, type TestServer } from './server.helpers';

afterAll(() => closeTestDriver());

describe('GET /health', () => {
  let t: TestServer;
  let live: { ok: true } | { ok: false; reason: string } = { ok: true };
  beforeAll(async () => {
    t = await startTestServer(testConfig(), { driver: testDriver(), schema: testSchema(), schemaApplied: true, liveness: () => live });
  });
  afterAll(() => t.stop());

  it('answers 200 while the database layer says the process can serve', async () => {
    const res = await fetch(`${t.base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('when the database layer gives up, answers 503 with its reason, so that a supervisor restarts the process', async () => {
    live = { ok: false, reason: 'the embedded Neo4j exited and could not be restarted' };
    const res = await fetch(`${t.base}/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'failed', reason: 'the embedded Neo4j exited and could not be restarted' });
    // readiness is its own check: the database itself still answers here
    expect((await fetch(`${t.base}/ready`)).status).toBe(200);
  });

  it('without a hook, /health is 200 while the process is up', async () => {
    const plain = await startTestServer(testConfig(), { driver: testDriver(), schema: testSchema(), schemaApplied: true });
    try {
      expect((await fetch(`${plain.base}/health`)).status).toBe(200);
    } finally {
      await plain.stop();
    }
  });
});
