/**
 * Authorization: Bearer <key> → role. Unknown keys are refused, never downgraded; mutations need an
 * editor key (anonymous → UNAUTHENTICATED, reader → FORBIDDEN); with KG_READS_REQUIRE_KEY nothing runs
 * for anonymous callers.
 */
import { KeyRing } from '../src/server';
import { closeTestDriver, testDriver } from './support/db';
import { EDITOR_KEY, READER_KEY, codes, countingDriver, startTestServer, testConfig, testSchema, type TestServer } from './server.helpers';

afterAll(() => closeTestDriver());

describe('KeyRing', () => {
  const ring = new KeyRing([EDITOR_KEY], [READER_KEY]);
  it('maps keys to roles', () => {
    expect(ring.roleFromHeader(undefined, false)).toBe('anonymous');
    expect(ring.roleFromHeader('', false)).toBe('anonymous');
    expect(ring.roleFromHeader(`Bearer ${EDITOR_KEY}`, false)).toBe('editor');
    expect(ring.roleFromHeader(`bearer   ${READER_KEY}`, true)).toBe('reader');
  });
  it('refuses unknown keys, other schemes, and no key when one is required', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { extensions: { code: string } }).extensions.code;
      }
      return 'no error';
    };
    expect(code(() => ring.roleFromHeader(`Bearer ${EDITOR_KEY}x`, false))).toBe('UNAUTHENTICATED');
    expect(code(() => ring.roleFromHeader(`Bearer ${EDITOR_KEY.slice(0, -1)}`, false))).toBe('UNAUTHENTICATED');
    expect(code(() => ring.roleFromHeader(`Basic ${EDITOR_KEY}`, false))).toBe('UNAUTHENTICATED');
    expect(code(() => ring.roleFromHeader(undefined, true))).toBe('UNAUTHENTICATED');
  });
});

describe('auth over HTTP', () => {
  let t: TestServer;
  const counter = countingDriver(testDriver());
  beforeAll(async () => {
    t = await startTestServer(testConfig(), { driver: counter.driver, schema: testSchema(), schemaApplied: true });
  });
  afterAll(() => t.stop());
  beforeEach(() => counter.reset());

  it('lets anonymous callers read', async () => {
    expect((await t.gql('{ ping }')).body).toEqual({ data: { ping: true } });
  });

  it('refuses an unknown key with 401 UNAUTHENTICATED instead of downgrading it', async () => {
    const r = await t.gql('{ ping }', { key: 'x'.repeat(32) });
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.body.errors?.[0].message).toBe('the API key is not valid');
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
    expect(counter.calls()).toBe(0);
  });

  it('refuses a malformed Authorization header', async () => {
    const r = await t.gql('{ ping }', { headers: { authorization: 'Token abc' } });
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  });

  it('mutations: editor runs, reader FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    const editor = await t.gql('mutation { touch }', { key: EDITOR_KEY });
    expect(editor.body).toEqual({ data: { touch: true } });

    const reader = await t.gql('mutation { touch }', { key: READER_KEY });
    expect(codes(reader)).toEqual(['FORBIDDEN']);
    expect(reader.body.data).toEqual({ touch: null });

    const anonymous = await t.gql('mutation { touch }');
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.body.errors?.[0].message).toMatch(/API key is required/);
  });

  it('reader keys read', async () => {
    expect((await t.gql('{ ping }', { key: READER_KEY })).body).toEqual({ data: { ping: true } });
  });
});

describe('KG_READS_REQUIRE_KEY', () => {
  let t: TestServer;
  const counter = countingDriver(testDriver());
  beforeAll(async () => {
    t = await startTestServer(testConfig({ KG_READS_REQUIRE_KEY: 'true' }), { driver: counter.driver, schema: testSchema(), schemaApplied: true });
  });
  afterAll(() => t.stop());
  beforeEach(() => counter.reset());

  it('refuses anonymous reads (and introspection) before anything runs', async () => {
    for (const q of ['{ ping }', '{ __typename }', '{ __schema { queryType { name } } }', 'mutation { touch }']) {
      const r = await t.gql(q);
      expect(r.status).toBe(401);
      expect(codes(r)).toEqual(['UNAUTHENTICATED']);
      expect(r.body.data).toBeUndefined();
    }
    expect(counter.calls()).toBe(0);
  });

  it('serves reader and editor keys', async () => {
    expect((await t.gql('{ ping }', { key: READER_KEY })).body).toEqual({ data: { ping: true } });
    expect((await t.gql('{ ping }', { key: EDITOR_KEY })).body).toEqual({ data: { ping: true } });
  });
});
