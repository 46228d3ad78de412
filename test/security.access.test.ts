/**
 * Access, on the real schema over the seeded test database:
 *
 * - with KG_READS_REQUIRE_KEY=true, EVERY root query field and every operation the explorer page sends is
 *   refused without a key (401 UNAUTHENTICATED, no data, no database call) and served with a reader key;
 *   the explorer's static page stays public; mutations still need an editor key (reader FORBIDDEN);
 * - keys are never logged: the whole pino output (at trace level) of requests made with editor, reader and
 *   wrong keys contains none of them;
 * - keys are compared in constant time: every check runs `crypto.timingSafeEqual` on fixed-length digests
 *   against every configured key, whichever key (or none) matches.
 *
 * Already covered, not repeated: unknown or malformed keys (test/server.auth.test.ts), mutations per role on
 * this schema (test/server.api.test.ts, test/api.mutations.test.ts), keys never echoed by config errors
 * (test/server.config.test.ts), request log lines without keys or variables (test/server.http.test.ts).
 */
import { Kind, parse, type OperationDefinitionNode, type TypeNode } from 'graphql';
import * as path from 'path';
import type { Writable } from 'stream';
import { buildApiSchema } from '../src/api';
import * as explorerQueries from '../src/explorer/web/queries';
import { applySchema } from '../src/graph';
import { ingestAll, readDocuments } from '../src/ingest';
import { createLogger, KeyRing } from '../src/server';
import { closeTestDriver, testDatabase, testDriver, wipe } from './support/db';
import { EDITOR_KEY, READER_KEY, countingDriver, startTestServer, testConfig, type GqlResponse, type TestServer } from './server.helpers';

const SEED = path.resolve(__dirname, '..', 'seed');
const codes = (r: GqlResponse) => (r.body.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  await applySchema(testDriver(), testDatabase());
  await wipe();
  expect((await ingestAll(testDriver(), readDocuments([SEED]), { database: testDatabase() })).totals.created).toBe(1);
}, 120_000);
afterAll(async () => {
  await wipe();
  await closeTestDriver();
});

/** One operation per root query field (the test checks that none is missing). */
const ROOT_QUERIES: Record<string, string> = {
  node: '{ node(id: "person:jin-feng") { id } }',
  entity: '{ entity(id: "person:jin-feng") { id name } }',
  search: '{ search(query: "金锋") { totalCount } }',
  entities: '{ entities(first: 5) { totalCount } }',
  events: '{ events(first: 5) { totalCount } }',
  figures: '{ figures(first: 5) { id } }',
  partners: '{ partners(of: "org:gaoyou-edz") { edges { organization: node { id } } } }',
  neighborhood: '{ neighborhood(id: "person:jin-feng") { truncated } }',
  paths: '{ paths(from: "person:xu-jian", to: "person:shi-zhihong") { length } }',
  entityCounts: '{ entityCounts(by: TYPE) { key count } }',
  eventCounts: '{ eventCounts(by: MONTH) { key count } }',
  figureCounts: '{ figureCounts(by: METRIC) { key count } }',
  passages: '{ passages(query: "乡村振兴") { totalCount } }',
  duplicates: '{ duplicates(first: 5) { totalCount } }',
  judgements: '{ judgements(first: 5) { totalCount } }',
};

/** Every operation the explorer page sends, with variables of the right types. */
function explorerOperations(): { name: string; query: string; variables: Record<string, unknown> }[] {
  const texts: { name: string; query: string }[] = [];
  for (const [name, value] of Object.entries(explorerQueries as Record<string, unknown>)) {
    if (typeof value === 'string' && /^\s*query\b/.test(value)) texts.push({ name, query: value });
  }
  texts.push({ name: 'restoreQuery', query: explorerQueries.restoreQuery(['person:jin-feng', 'org:gaoyou-edz']) });
  const sample = (name: string, type: TypeNode): unknown => {
    if (type.kind === Kind.NON_NULL_TYPE) return sample(name, type.type);
    if (type.kind === Kind.LIST_TYPE) return null;
    const t = type.name.value;
    if (t === 'ID') return name === 'to' ? 'person:shi-zhihong' : name === 'from' ? 'person:xu-jian' : 'person:jin-feng';
    if (t === 'String') return '金锋';
    if (t === 'Int') return ({ depth: 1, maxLength: 4, limit: 50 } as Record<string, number>)[name] ?? 5;
    if (t === 'Boolean') return false;
    return null;
  };
  return texts.map(({ name, query }) => {
    const op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const variables = Object.fromEntries((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, sample(v.variable.name.value, v.type)]));
    return { name, query, variables };
  });
}

describe('when reads need a key', () => {
  let t: TestServer;
  const counter = countingDriver(testDriver());
  beforeAll(async () => {
    t = await startTestServer(testConfig({ KG_READS_REQUIRE_KEY: 'true' }), { driver: counter.driver, schemaApplied: true });
  });
  afterAll(() => t.stop());
  beforeEach(() => counter.reset());

  it('the operations below cover every root query field of the schema', async () => {
    const schema = await buildApiSchema();
    expect(Object.keys(ROOT_QUERIES).sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
  });

  it.each(Object.entries(ROOT_QUERIES))('%s: refused without a key (401, no data, no database call), served with a reader key', async (_f, query) => {
    const headerSets: Record<string, string>[] = [{}, { authorization: 'Bearer ' }, { authorization: `Bearer ${READER_KEY.slice(0, -1)}` }];
    for (const headers of headerSets) {
      const r = await t.gql(query, { headers });
      expect({ status: r.status, codes: codes(r), data: r.body.data }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'], data: undefined });
    }
    expect(counter.calls()).toBe(0);
    const ok = await t.gql(query, { key: READER_KEY });
    expect({ status: ok.status, errors: ok.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(Object.values(ok.body.data ?? {}).every((v) => v !== null)).toBe(true);
  });

  it("the explorer's GraphQL calls are refused without a key and served with one; its page stays public", async () => {
    const ops = explorerOperations();
    expect(ops.map((o) => o.name)).toEqual(expect.arrayContaining(['SEARCH', 'NEIGHBORHOOD', 'PATHS', 'NODE_DETAILS', 'restoreQuery']));
    for (const op of ops) {
      const anonymous = await t.gql(op.query, { variables: op.variables, headers: { 'apollo-require-preflight': 'true' } });
      expect({ op: op.name, status: anonymous.status, codes: codes(anonymous), data: anonymous.body.data }).toEqual({
        op: op.name,
        status: 401,
        codes: ['UNAUTHENTICATED'],
        data: undefined,
      });
      const reader = await t.gql(op.query, { variables: op.variables, key: READER_KEY, headers: { 'apollo-require-preflight': 'true' } });
      expect({ op: op.name, status: reader.status, errors: reader.body.errors }).toEqual({ op: op.name, status: 200, errors: undefined });
    }
    expect((await t.gql('{ __typename }')).status).toBe(401);
    for (const page of ['/', '/explorer', '/explorer/app.js', '/explorer/app.css']) {
      const res = await fetch(`${t.base}${page}`);
      // 200 once `npm run build:explorer` has run, 503 with build instructions before: never 401
      expect({ page, status: [200, 503].includes(res.status) }).toEqual({ page, status: true });
    }
  });

  it('mutations: no key 401, reader FORBIDDEN, editor runs', async () => {
    const mutation = 'mutation { deleteArticle(id: "no-such-article") { deleted } }';
    const none = await t.gql(mutation);
    expect({ status: none.status, codes: codes(none) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
    expect(codes(await t.gql(mutation, { key: READER_KEY }))).toEqual(['FORBIDDEN']);
    expect(counter.calls()).toBe(0);
    expect(await t.gql(mutation, { key: EDITOR_KEY }).then((r) => r.body)).toEqual({ data: { deleteArticle: { deleted: false } } });
  });
});

describe('API keys', () => {
  it('never appear in the logs, even at trace level', async () => {
    const lines: string[] = [];
    const sink = { write: (s: string) => void lines.push(s) } as unknown as Writable;
    const t = await startTestServer(testConfig({ LOG_LEVEL: 'trace', KG_READS_REQUIRE_KEY: 'true' }), {
      driver: testDriver(),
      schemaApplied: true,
      logger: createLogger('trace', sink),
    });
    const wrong = `${EDITOR_KEY.slice(0, -4)}zzzz`;
    try {
      const doc = { format: 'kg-article/1', article: { id: 'log-check', title: 'log check' }, entities: [] };
      const ingest = 'mutation($doc: JSON!) { ingestArticle(document: $doc) { status } }';
      expect((await t.gql(ingest, { variables: { doc }, key: EDITOR_KEY })).body).toEqual({ data: { ingestArticle: { status: 'CREATED' } } });
      expect(codes(await t.gql(ingest, { variables: { doc }, key: READER_KEY }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql('{ entities { totalCount } }', { key: wrong }))).toEqual(['UNAUTHENTICATED']);
      expect((await t.gql('{ entities { totalCount } }', { key: READER_KEY })).body.errors).toBeUndefined();
      // a GET request keeps its key in a header and its query out of the logged path
      const get = await fetch(`${t.base}/graphql?query=${encodeURIComponent('{ node(id: "x") { id } }')}`, {
        headers: { 'apollo-require-preflight': '1', authorization: `Bearer ${READER_KEY}` },
      });
      expect(get.status).toBe(200);
      expect((await t.gql('mutation { deleteArticle(id: "log-check") { deleted } }', { key: EDITOR_KEY })).body.errors).toBeUndefined();
    } finally {
      await t.stop();
    }
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const key of [EDITOR_KEY, READER_KEY, wrong]) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(key.slice(-12)); // not even a part of one
    }
    expect(text).not.toMatch(/bearer/i);
  });

  it('are compared in constant time: one timingSafeEqual of 32-byte digests per configured key, match or not', () => {
    // the module object itself (src/server/auth.ts calls crypto_1.timingSafeEqual on it), not an ES namespace copy
    const nodeCrypto = require('crypto') as typeof import('crypto');
    const spy = jest.spyOn(nodeCrypto, 'timingSafeEqual');
    try {
      const editors = [EDITOR_KEY, 'second-editor-key-0123456789'];
      const readers = [READER_KEY, 'second-reader-key-0123456789'];
      const ring = new KeyRing(editors, readers);
      for (const [key, role] of [
        [editors[0], 'editor'],
        [readers[1], 'reader'],
        ['short', undefined],
        ['x'.repeat(10_000), undefined],
        [`${EDITOR_KEY.slice(0, -1)}X`, undefined],
      ] as const) {
        spy.mockClear();
        expect(ring.roleOf(key)).toBe(role);
        expect(spy).toHaveBeenCalledTimes(4);
        for (const [a, b] of spy.mock.calls as unknown as [Buffer, Buffer][]) expect([a.length, b.length]).toEqual([32, 32]);
      }
    } finally {
      spy.mockRestore();
    }
  });
});
