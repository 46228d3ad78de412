/**
 * Hostile GraphQL against the real server and schema over the seeded test database:
 *
 * - operations nested thousands of levels deep, huge page sizes and depths, 1 MB query strings, 100 kB
 *   arguments and malformed ids are refused with a clear code BEFORE any database call (the driver is
 *   wrapped to count sessions);
 * - 100 000 levels of nesting in an `ingestArticle` document (literal or variable) are a clear rejection,
 *   not a crash; bodies over the size limit (a 5 MB string, a 50 MB document) get 413;
 * - names made of Cypher, HTML/script, right-to-left marks and astral-plane characters go in through
 *   `ingestArticle` and come back verbatim through `node`, `entity`, `entities` and `search`;
 * - no client-visible error carries a stack trace, Cypher text or engine messages (the whole response body
 *   is checked).
 *
 * Already covered elsewhere, not repeated here: alias floods (test/server.api.test.ts on this schema,
 * test/server.limits.test.ts with fragments), depth and cost limits (test/server.api.test.ts), batched
 * operations, body limit 413, CSRF, CORS and production mode (test/server.http.test.ts), masking of
 * internal errors (test/server.errors.test.ts), each argument limit at its boundary (test/api.limits.test.ts).
 */
import * as path from 'path';
import { applySchema } from '../src/graph';
import { ingestAll, readDocuments } from '../src/ingest';
import { closeTestDriver, testDatabase, testDriver, wipe } from './support/db';
import { articleDoc } from './support/documents';
import { EDITOR_KEY, countingDriver, startTestServer, testConfig, type GqlResponse, type TestServer } from './server.helpers';

const SEED = path.resolve(__dirname, '..', 'seed');
const counter = countingDriver(testDriver());
let t: TestServer;

/** What no client may see: stack frames, source locations, Cypher, driver or engine messages. */
const LEAK = /\bat [\w$.<>]+ \(|\bat \/|\.ts:\d|\.js:\d|\bMATCH\b|\bUNWIND\b|\bMERGE\b|Neo\.|Neo4jError|stacktrace|RangeError|Maximum call stack/;

beforeAll(async () => {
  await applySchema(testDriver(), testDatabase());
  await wipe();
  expect((await ingestAll(testDriver(), readDocuments([SEED]), { database: testDatabase() })).totals.created).toBe(1);
  t = await startTestServer(testConfig(), { driver: counter.driver, schemaApplied: true });
}, 120_000);
afterAll(async () => {
  await t?.stop();
  await wipe();
  await closeTestDriver();
});
beforeEach(() => counter.reset());

const codes = (r: GqlResponse) => (r.body.errors ?? []).map((e) => e.extensions?.code);

/** Runs `query` and checks it was refused with `code` (and `argumentName`), without a database call or a leak. */
async function refused(query: string, code: string, opts: { variables?: Record<string, unknown>; key?: string; argumentName?: string; status?: number } = {}) {
  const r = await t.gql(query, { variables: opts.variables, key: opts.key });
  expect(codes(r)).toEqual([code]);
  if (opts.argumentName) expect(r.body.errors?.[0].extensions?.argumentName).toBe(opts.argumentName);
  if (opts.status) expect(r.status).toBe(opts.status);
  expect(Object.values(r.body.data ?? {}).every((v) => v === null)).toBe(true);
  expect(r.text).not.toMatch(LEAK);
  expect(counter.calls()).toBe(0);
  return r;
}

describe('refused before any database call', () => {
  it('a selection set nested 10 000 levels deep: GRAPHQL_PARSE_FAILED, saying so', async () => {
    const query = `{ entity(id: "person:jin-feng") ${'{ relations '.repeat(10_000)}{ id }${' }'.repeat(10_000)} }`;
    const r = await refused(query, 'GRAPHQL_PARSE_FAILED', { status: 400 });
    expect(r.body.errors?.[0].message).toBe('the operation is nested too deeply to be parsed');
  });

  it('a document literal nested 100 000 levels deep in ingestArticle: GRAPHQL_PARSE_FAILED', async () => {
    const query = `mutation { ingestArticle(document: ${'['.repeat(100_000)}${']'.repeat(100_000)}) { status } }`;
    await refused(query, 'GRAPHQL_PARSE_FAILED', { key: EDITOR_KEY, status: 400 });
  });

  // bounded arguments are checked before the cost is measured (a huge page size would be over the cost limit
  // too), with the resolver's own error (test/api.limits.test.ts: each at its boundary)
  it.each<[string, string, string]>([
    ['first: 2147483647', '{ entities(first: 2147483647) { totalCount } }', 'first'],
    ['first: -1', '{ events(first: -1) { totalCount } }', 'first'],
    ['search first: 1000000', '{ search(query: "金锋", first: 1000000) { totalCount } }', 'first'],
    ['figures first: 2147483647', '{ figures(first: 2147483647) { id } }', 'first'],
    ['neighborhood depth: 2147483647', '{ neighborhood(id: "person:jin-feng", depth: 2147483647) { truncated } }', 'depth'],
    ['neighborhood limit: 1000000', '{ neighborhood(id: "person:jin-feng", limit: 1000000) { truncated } }', 'limit'],
    ['paths maxLength: 1000', '{ paths(from: "person:xu-jian", to: "person:shi-zhihong", maxLength: 1000) { length } }', 'maxLength'],
    ['paths first: 2147483647', '{ paths(from: "person:xu-jian", to: "person:shi-zhihong", first: 2147483647) { length } }', 'first'],
    ['Entity.events first: 2147483647', '{ entity(id: "person:jin-feng") { id events(first: 2147483647) { totalCount } } }', 'first'],
  ])('huge sizes: %s is refused as BAD_USER_INPUT (400) naming the argument', async (_label, query, argumentName) => {
    const r = await refused(query, 'BAD_USER_INPUT', { argumentName, status: 400 });
    expect(r.body.errors?.[0].extensions).toMatchObject({ limit: argumentName });
  });

  it('sizes beyond a 32-bit Int: GRAPHQL_VALIDATION_FAILED as a literal, refused as a variable', async () => {
    await refused('{ entities(first: 99999999999) { totalCount } }', 'GRAPHQL_VALIDATION_FAILED', { status: 400 });
    await refused('query($n: Int!) { entities(first: $n) { totalCount } }', 'BAD_USER_INPUT', { variables: { n: 1e12 }, status: 400 });
    await refused('query($n: Int!) { neighborhood(id: "x", depth: $n) { truncated } }', 'BAD_USER_INPUT', { variables: { n: 1e12 }, status: 400 });
    await refused('query($n: Int!) { neighborhood(id: "x", depth: $n) { truncated } }', 'BAD_USER_INPUT', { variables: { n: '3' }, status: 400 });
  });

  it('a 1 MB query string: a 1 MB search text is BAD_USER_INPUT, 1 MB of aliases is QUERY_TOO_COMPLEX', async () => {
    const mb = 1024 * 1024;
    const text = await refused(`{ search(query: "${'金'.repeat(mb / 3)}") { totalCount } }`, 'BAD_USER_INPUT', { argumentName: 'query' });
    expect(text.status).toBe(400); // a text over its 1000 characters, like any argument over its maximum
    const aliases = Array.from({ length: Math.ceil(mb / 20) }, (_, i) => `a${i}: __typename`).join(' ');
    const flood = await refused(`{ ${aliases} entity(id: "x") { id } }`, 'QUERY_TOO_COMPLEX', { status: 400 });
    expect(flood.body.errors?.[0].extensions).toMatchObject({ limit: 'aliases', max: testConfig().limits.maxAliases });
  });

  it.each([
    ['search text', 'query($v: String!) { search(query: $v) { totalCount } }', 'query'],
    ['entity id', 'query($v: ID!) { entity(id: $v) { id } }', 'id'],
    ['node id', 'query($v: ID!) { node(id: $v) { id } }', 'id'],
    ['name filter', 'query($v: String!) { entities(where: { name: $v }) { totalCount } }', 'where.name'],
    ['name fragment', 'query($v: String!) { entities(where: { nameContains: $v }) { totalCount } }', 'where.nameContains'],
    ['date', 'query($v: PartialDate!) { events(where: { from: $v }) { totalCount } }', 'where.from'],
    ['partner id', 'query($v: ID!) { partners(of: $v) { edges { organization: node { id } } } }', 'of'],
    ['path end', 'query($v: ID!) { paths(from: $v, to: "person:jin-feng") { length } }', 'from'],
    ['cursor', 'query($v: String!) { entities(after: $v) { totalCount } }', 'after'],
  ])('a 100 kB argument (%s) → BAD_USER_INPUT', async (_label, query, argumentName) => {
    await refused(query, 'BAD_USER_INPUT', { variables: { v: 'x'.repeat(100 * 1024) }, argumentName });
  });

  it.each([
    ['an empty id', '{ node(id: "") { id } }', 'id'],
    ['a blank id', '{ entity(id: "   ") { id } }', 'id'],
    ['an id of 501 characters', `{ entity(id: "${'x'.repeat(501)}") { id } }`, 'id'],
    ['an empty partner id', '{ partners(of: "") { edges { organization: node { id } } } }', 'of'],
    ['an empty article id to delete', 'mutation { deleteArticle(id: "") { deleted } }', 'id'],
  ])('invalid ids: %s → BAD_USER_INPUT', async (label, query, argumentName) => {
    await refused(query, 'BAD_USER_INPUT', { argumentName, key: label.includes('delete') ? EDITOR_KEY : undefined });
  });

  it('ids of the wrong type → BAD_USER_INPUT (variable coercion)', async () => {
    await refused('query($id: ID!) { node(id: $id) { id } }', 'BAD_USER_INPUT', { variables: { id: { $ne: null } }, status: 400 });
    await refused('query($id: ID!) { node(id: $id) { id } }', 'BAD_USER_INPUT', { variables: { id: ['a', 'b'] }, status: 400 });
    await refused('query($ids: [ID!]) { entities(where: { ids: $ids }) { totalCount } }', 'BAD_USER_INPUT', { variables: { ids: [null] }, status: 400 });
  });
});

describe('ingestArticle with hostile documents', () => {
  const INGEST = 'mutation($doc: JSON!) { ingestArticle(document: $doc) { status articleId problems { path message } } }';

  it('100 000 levels of nesting in the document variable: REJECTED with its problems, nothing written', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const [doc, problem] of [
      [deep, { path: '', message: 'expected object, got array' }],
      [JSON.stringify(articleDoc('deep')).replace('"format":"kg-article/1"', `"format":${deep}`), { path: 'format', message: 'must be "kg-article/1", got an array of 1 item' }],
      [JSON.stringify(articleDoc('deep')).replace('"role":"attendee"', `"role":${deep}`), { path: 'events[0].participants[2].role', message: expect.stringMatching(/^expected one of: /) }],
    ] as const) {
      const body = `{"query":${JSON.stringify(INGEST)},"variables":{"doc":${doc}}}`;
      const r = await t.post(body, { authorization: `Bearer ${EDITOR_KEY}` });
      expect(r.status).toBe(200);
      const report = JSON.parse(r.text).data.ingestArticle;
      expect(report.status).toBe('REJECTED');
      expect(report.problems).toContainEqual(problem);
      expect(r.text).not.toMatch(LEAK);
      expect(counter.calls()).toBe(0);
    }
  });

  it('a 5 MB string and a 50 MB document exceed the body limit: 413 PAYLOAD_TOO_LARGE', async () => {
    for (const size of [5, 50]) {
      const doc = articleDoc('big');
      doc.entities[0].name = 'x'.repeat(size * 1024 * 1024);
      const r = await t.post(JSON.stringify({ query: INGEST, variables: { doc } }), { authorization: `Bearer ${EDITOR_KEY}` });
      expect(r.status).toBe(413);
      expect(JSON.parse(r.text)).toEqual({
        errors: [{ message: 'the request body is larger than the limit of 2mb', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      });
    }
    expect(counter.calls()).toBe(0);
  }, 60_000);
});

describe('hostile names, through the API and back', () => {
  const NAMES = [
    '"}) DETACH DELETE n //',
    "'}) MATCH (n) DETACH DELETE n RETURN 1 //",
    '<script>alert("kg")</script>',
    '<img src=x onerror=alert(1)>',
    '\u202Eevil\u202C and \u200Fשלום\u200F right-to-left',
    '𠀀𪚥 astral 😀 👩‍👩‍👧',
    'back\\slash \\" $param {x} `tick` \\u0000',
    'name:(a OR b)~ AND c* ^2 "quoted" [x TO y]',
  ];
  const INGEST = 'mutation($doc: JSON!) { ingestArticle(document: $doc) { status problems { path message } } }';

  it('are stored and returned verbatim by node, entity, entities and search, and nothing else is touched', async () => {
    // blocking keys for duplicate candidates are derived per entity, whatever its name: not counted here
    const count = async () =>
      (await testDriver().executeQuery('MATCH (n) WHERE NOT n:BlockingKey RETURN count(n) AS n', {}, { database: testDatabase() })).records[0].get('n') as number;
    const nodesBefore = await count();
    const doc = articleDoc('hostile-names', { events: [], relations: [], figures: [] });
    doc.article.title = NAMES[0];
    doc.entities = NAMES.map((name, i) => ({ key: `h${i}`, type: 'Person', id: `hostile:${name}`, name, aliases: [`${name} alias`], evidence: name }));
    const loaded = await t.gql(INGEST, { variables: { doc }, key: EDITOR_KEY });
    expect(loaded.body).toEqual({ data: { ingestArticle: { status: 'CREATED', problems: [] } } });
    // one article, its entities, their name keys (name + alias each): nothing of the seed deleted
    expect(await count()).toBe(nodesBefore + 1 + NAMES.length * 3);

    for (const name of NAMES) {
      const id = `hostile:${name}`;
      const r = await t.gql(
        `query($id: ID!, $name: String!) {
           node(id: $id) { id ... on Person { name aliases } }
           entity(id: $id) { id name aliases sources { edges { evidence node { title } } } }
           entities(where: { types: [PERSON], name: $name }) { totalCount edges { node { id name } } }
         }`,
        { variables: { id, name } },
      );
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data).toEqual({
        node: { id, name, aliases: [`${name} alias`] },
        entity: { id, name, aliases: [`${name} alias`], sources: { edges: [{ evidence: name, node: { title: NAMES[0] } }] } },
        entities: { totalCount: 1, edges: [{ node: { id, name } }] },
      });
      // search takes the text literally: whatever it finds, it finds without an error and returns names as stored
      const s = await t.gql('query($q: String!) { search(query: $q, first: 20) { edges { node { ... on Entity { id name } } } } }', {
        variables: { q: name },
      });
      expect(s.body.errors).toBeUndefined();
      for (const e of (s.body.data as { search: { edges: { node: { id?: string; name?: string } }[] } }).search.edges) {
        if (e.node.id?.startsWith('hostile:')) expect(e.node.name).toBe(e.node.id.slice('hostile:'.length));
      }
    }
    // the right-to-left and astral names are found by a plain word of them, and come back verbatim
    for (const [word, name] of [['left', NAMES[4]], ['astral', NAMES[5]]]) {
      const r = await t.gql('query($q: String!) { search(query: $q, types: [PERSON]) { edges { node { ... on Person { name } } } } }', { variables: { q: word } });
      expect(r.body.data).toEqual({ search: { edges: [{ node: { name } }] } });
    }
  });
});
