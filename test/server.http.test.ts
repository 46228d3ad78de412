/**
 * HTTP behaviour of the server: /health, /ready, CSRF, batching, body size, CORS, production mode,
 * request logs (and that they never contain keys or variables).
 */
import * as http from 'http';
import type { Writable } from 'stream';
import { gzipSync } from 'zlib';
import { createLogger } from '../src/server';
import { closeTestDriver, testDriver } from './support/db';
import { EDITOR_KEY, READER_KEY, codes, startTestServer, testConfig, testSchema, type TestServer } from './server.helpers';

afterAll(() => closeTestDriver());

describe('health, readiness and the HTTP surface', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(testConfig({ KG_BODY_LIMIT: '64kb', KG_CORS_ORIGINS: 'https://app.example.org' }), {
      driver: testDriver(),
      schema: testSchema(),
    });
  });
  afterAll(() => t.stop());

  it('/health answers 200 {status:"ok"}', async () => {
    const res = await fetch(`${t.base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/ready answers 200 once Neo4j answers and the schema is applied', async () => {
    // the schema is applied in the background at start
    let res = await fetch(`${t.base}/ready`);
    for (let i = 0; i < 200 && res.status !== 200; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      res = await fetch(`${t.base}/ready`);
    }
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
    expect(t.server.database.schemaApplied).toBe(true);
  });

  it('serves a plain query', async () => {
    const r = await t.gql('{ __typename ping }');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: { __typename: 'Query', ping: true } });
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    // errors are not cacheable either
    expect((await t.gql('{ missing }')).headers.get('cache-control')).toBe('no-store');
  });

  it('refuses batched operations (a JSON array body)', async () => {
    const r = await t.post(JSON.stringify([{ query: '{ ping }' }, { query: '{ ping }' }]));
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/batching/i);
  });

  it('answers 413 with a JSON error when the body is over the limit', async () => {
    const big = JSON.stringify({ query: '{ ping }', variables: { pad: 'x'.repeat(100 * 1024) } });
    const r = await t.post(big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text)).toEqual({
      errors: [{ message: 'the request body is larger than the limit of 64kb', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers 400 with a JSON error for a malformed JSON body', async () => {
    const r = await t.post('{"query": ');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('blocks CSRF-able requests: simple POST (text/plain) and GET without a preflight header', async () => {
    const post = await fetch(`${t.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { touch }' }),
    });
    expect(post.status).toBe(400);
    expect(await post.text()).toMatch(/Cross-Site Request Forgery/);

    const get = await fetch(`${t.base}/graphql?query=${encodeURIComponent('{ ping }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/);

    const allowed = await fetch(`${t.base}/graphql?query=${encodeURIComponent('{ ping }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { ping: true } });
  });

  it('GET cannot run mutations', async () => {
    const res = await fetch(`${t.base}/graphql?query=${encodeURIComponent('mutation { touch }')}`, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${EDITOR_KEY}` },
    });
    expect(res.status).toBe(405);
  });

  it('sends CORS headers only to allowed origins', async () => {
    const ok = await fetch(`${t.base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();

    const bad = await fetch(`${t.base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(bad.status).toBe(403);
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();

    const simple = await t.gql('{ ping }', { headers: { origin: 'https://evil.example.com' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await t.gql('{ ping }', { headers: { origin: 'https://app.example.org' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
    expect(allowed.headers.get('vary')).toMatch(/Origin/i);
  });

  it('has introspection and the Sandbox landing page outside production', async () => {
    const r = await t.gql('{ __schema { queryType { name } } }');
    expect(r.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = await fetch(`${t.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/sandbox/i);
  });

  it('mounts the explorer page at / (503 with build instructions until it is built)', async () => {
    const res = await fetch(`${t.base}/`);
    expect([200, 503]).toContain(res.status);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('answers unknown paths with a JSON 404', async () => {
    const res = await fetch(`${t.base}/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

/** One request with exactly these headers and body (fetch adds and normalises headers of its own). */
function rawRequest(
  base: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Array<string | Buffer> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.chunks) for (const c of opts.chunks) req.write(c);
    req.end(opts.body);
  });
}

describe('the lean /graphql path answers as the express route does', () => {
  // POST /graphql with a UTF-8 JSON body (and GET /graphql) skip express; '/graphql/' is the same route in
  // express (non-strict routing), so each request is sent both ways and the answers compared
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(testConfig({ KG_BODY_LIMIT: '1kb', KG_CORS_ORIGINS: 'https://app.example.org' }), {
      driver: testDriver(),
      schema: testSchema(),
      schemaApplied: true,
    });
  });
  afterAll(() => t.stop());

  const JSON_HEADERS = { 'content-type': 'application/json' };
  const SAME_HEADERS = [
    'content-type',
    'cache-control',
    'vary',
    'x-content-type-options',
    'referrer-policy',
    'access-control-allow-origin',
    'access-control-expose-headers',
    'www-authenticate',
    'retry-after',
  ];
  async function both(opts: Parameters<typeof rawRequest>[2], search = '') {
    const lean = await rawRequest(t.base, `/graphql${search}`, opts);
    const viaExpress = await rawRequest(t.base, `/graphql/${search}`, opts);
    expect({ status: lean.status, text: lean.text }).toEqual({ status: viaExpress.status, text: viaExpress.text });
    for (const h of SAME_HEADERS) expect([h, lean.headers[h]]).toEqual([h, viaExpress.headers[h]]);
    expect(lean.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(lean.headers['content-length'])).toBe(Buffer.byteLength(lean.text));
    return lean;
  }
  const query = JSON.stringify({ query: '{ __typename ping }' });

  it('a query, with and without a charset, from an allowed origin or another one, with a BOM', async () => {
    expect((await both({ headers: JSON_HEADERS, body: query })).text).toBe('{"data":{"__typename":"Query","ping":true}}\n');
    expect((await both({ headers: { 'content-type': 'application/json; charset=UTF-8' }, body: query })).status).toBe(200);
    const allowed = await both({ headers: { ...JSON_HEADERS, origin: 'https://app.example.org' }, body: query });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.org');
    expect(allowed.headers.vary).toBe('Origin');
    expect((await both({ headers: { ...JSON_HEADERS, origin: 'https://evil.example.com' }, body: query })).headers['access-control-allow-origin']).toBeUndefined();
    expect((await both({ headers: JSON_HEADERS, body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(query)]) })).status).toBe(200);
  });

  it('bodies that are not a JSON object: malformed, a bare value, empty, a batch', async () => {
    expect((await both({ headers: JSON_HEADERS, body: '{"query": ' })).status).toBe(400);
    expect(JSON.parse((await both({ headers: JSON_HEADERS, body: '42' })).text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect((await both({ headers: JSON_HEADERS, body: '  "x"' })).status).toBe(400);
    expect((await both({ headers: JSON_HEADERS, body: '' })).status).toBe(400); // {} → no query
    expect((await both({ headers: JSON_HEADERS, body: `[${query},${query}]` })).text).toMatch(/batching/i);
  });

  it('bodies over the limit, declared or chunked', async () => {
    const big = JSON.stringify({ query: '{ ping }', variables: { pad: 'x'.repeat(2000) } });
    expect((await both({ headers: JSON_HEADERS, body: big })).status).toBe(413);
    const chunked = await both({ headers: { ...JSON_HEADERS, 'transfer-encoding': 'chunked' }, chunks: [big.slice(0, 900), big.slice(900)] });
    expect(JSON.parse(chunked.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    // chunked within the limit is read whole
    expect((await both({ headers: { ...JSON_HEADERS, 'transfer-encoding': 'chunked' }, chunks: [query.slice(0, 5), query.slice(5)] })).status).toBe(200);
  });

  it('auth, CSRF, GET, limits and masking', async () => {
    expect((await both({ headers: { ...JSON_HEADERS, authorization: 'Bearer not-a-valid-key-at-all' }, body: query })).status).toBe(401);
    expect((await both({ headers: { ...JSON_HEADERS, authorization: `Bearer ${READER_KEY}` }, body: JSON.stringify({ query: 'mutation { touch }' }) })).text).toMatch(
      /FORBIDDEN/,
    );
    expect((await both({ headers: JSON_HEADERS, body: JSON.stringify({ query: 'mutation { touch }' }) })).text).toMatch(/UNAUTHENTICATED/);
    expect((await both({ headers: JSON_HEADERS, body: JSON.stringify({ query: '{ boom }' }) })).text).toMatch(/INTERNAL_SERVER_ERROR/);
    const deep = JSON.stringify({ query: '{ item { child { child { child { child { child { child { child { child { child { child { child { child { id } } } } } } } } } } } } } }' });
    expect((await both({ headers: JSON_HEADERS, body: deep })).status).toBe(400);
    const search = `?query=${encodeURIComponent('{ ping }')}`;
    expect((await both({ method: 'GET', headers: { 'apollo-require-preflight': '1' } }, search)).text).toBe('{"data":{"ping":true}}\n');
    expect((await both({ method: 'GET' }, search)).text).toMatch(/Cross-Site Request Forgery/);
    expect((await both({ method: 'GET', headers: { 'apollo-require-preflight': '1' } }, `?query=${encodeURIComponent('mutation { touch }')}`)).status).toBe(405);
  });

  it('leaves compressed bodies and other charsets to express (body-parser inflates, or refuses)', async () => {
    const gz = await rawRequest(t.base, '/graphql', { headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' }, body: gzipSync(query) });
    expect(gz.text).toBe('{"data":{"__typename":"Query","ping":true}}\n');
    const latin1 = await rawRequest(t.base, '/graphql', { headers: { 'content-type': 'application/json; charset=latin1' }, body: query });
    expect(latin1.status).toBe(415);
    const plain = await rawRequest(t.base, '/graphql', { headers: { 'content-type': 'text/plain' }, body: query });
    expect(plain.text).toMatch(/Cross-Site Request Forgery/);
  });
});

describe('production mode', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(testConfig({ NODE_ENV: 'production' }), { driver: testDriver(), schema: testSchema(), schemaApplied: true });
  });
  afterAll(() => t.stop());

  it('disables introspection', async () => {
    const r = await t.gql('{ __schema { queryType { name } } }');
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.body.errors?.[0].message).toMatch(/introspection/i);
    expect(r.body.data).toBeUndefined();
  });

  it('serves no landing page', async () => {
    const page = await fetch(`${t.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await page.text()).not.toMatch(/sandbox|<html/i);
  });

  it('gives no schema hints in validation errors', async () => {
    const r = await t.gql('{ pin }');
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.body.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('still serves queries', async () => {
    expect((await t.gql('{ ping }')).body).toEqual({ data: { ping: true } });
  });
});

describe('request logs', () => {
  it('write one line per request with operation, duration, round trips and outcome; never keys or variables', async () => {
    const lines: string[] = [];
    const sink = { write: (s: string) => void lines.push(s) } as unknown as Writable;
    const logger = createLogger('info', sink);
    const t = await startTestServer(testConfig({ LOG_LEVEL: 'info' }), { driver: testDriver(), schema: testSchema(), schemaApplied: true, logger });
    try {
      const secretValue = 'very-secret-variable-value';
      const ok = await t.gql('query Things($id: ID) { item(id: $id) { id child { id } } }', {
        variables: { id: secretValue },
        key: READER_KEY,
      });
      expect(ok.body.errors).toBeUndefined();
      await t.gql('mutation Touch { touch }', { key: READER_KEY });
      await t.gql('{ ping }', { key: 'not-a-key-but-long-enough' });
      await fetch(`${t.base}/graphql?query=${encodeURIComponent(`{ item(id: "${secretValue}") { id } }`)}`, {
        headers: { 'apollo-require-preflight': '1', authorization: `Bearer ${EDITOR_KEY}` },
      });
      await t.gql('{ boom ping }');
    } finally {
      await t.stop();
    }
    const text = lines.join('');
    expect(text).not.toContain(READER_KEY);
    expect(text).not.toContain(EDITOR_KEY);
    expect(text).not.toContain('not-a-key-but-long-enough');
    expect(text).not.toContain('very-secret-variable-value');
    expect(text).not.toMatch(/authorization/i);
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'graphql request');
    expect(requests).toHaveLength(5);
    expect(requests[0]).toMatchObject({ operationName: 'Things', operationType: 'query', role: 'reader', roundTrips: 2, outcome: 'ok', status: 200, path: '/graphql' });
    expect(typeof requests[0].durationMs).toBe('number');
    expect(requests[1]).toMatchObject({ operationName: 'Touch', operationType: 'mutation', role: 'reader', outcome: 'error', errorCodes: ['FORBIDDEN'] });
    expect(requests[2]).toMatchObject({ status: 401, outcome: 'error', errorCodes: ['UNAUTHENTICATED'] });
    expect(requests[3]).toMatchObject({ method: 'GET', path: '/graphql', role: 'editor', outcome: 'ok' });
    expect(requests[4]).toMatchObject({ outcome: 'partial', errorCodes: ['INTERNAL_SERVER_ERROR'] });
    // the masked error is logged for operators, with its stack
    const masked = lines.map((l) => JSON.parse(l) as { msg: string; reqId?: string; err?: { stack?: string; message?: string } }).find((l) => /masked/.test(l.msg));
    expect(masked?.err?.message).toMatch(/MATCH \(p:Person/);
    expect(masked?.err?.stack).toMatch(/server\.helpers/);
    // with the id of the request it happened in
    expect(masked?.reqId).toBe(requests[4].reqId);
  });
});
