/**
 * The server with the real API schema (src/api buildApiSchema) over the test Neo4j: the seed loads and
 * answers a search; mutations need an editor key; limits stop real queries before the database is asked.
 */
import * as path from 'path';
import { ingestAll, readDocuments } from '../src/ingest';
import { closeTestDriver, testDatabase, testDriver, wipe } from './support/db';
import { EDITOR_KEY, READER_KEY, codes, countingDriver, startTestServer, testConfig, type TestServer } from './server.helpers';

const SEED = path.resolve(__dirname, '..', 'seed');

let t: TestServer;
const counter = countingDriver(testDriver());

beforeAll(async () => {
  await wipe();
  const summary = await ingestAll(testDriver(), readDocuments([SEED]), { database: testDatabase() });
  expect(summary.totals.rejected).toBe(0);
  t = await startTestServer(testConfig(), { driver: counter.driver, schemaApplied: false, retryMs: 200 });
  // the schema is applied in the background; wait until the server is ready
  for (let i = 0; i < 300; i += 1) {
    if ((await fetch(`${t.base}/ready`)).status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});
afterAll(async () => {
  await t?.stop();
  await wipe();
  await closeTestDriver();
});
beforeEach(() => counter.reset());

it('is ready and answers queries on the seed', async () => {
  expect((await fetch(`${t.base}/ready`)).status).toBe(200);
  const r = await t.gql('query Find($q: String!) { search(query: $q, first: 5) { totalCount edges { node { __typename ... on Person { id name } } } } }', {
    variables: { q: '宋剑' },
  });
  expect(r.body.errors).toBeUndefined();
  const search = (r.body.data as { search: { totalCount: number; edges: { node: { __typename: string; name?: string } }[] } }).search;
  expect(search.totalCount).toBeGreaterThan(0);
  expect(search.edges.some((e) => e.node.__typename === 'Person' && e.node.name === '宋剑')).toBe(true);
  expect((await t.gql('{ node(id: "no-such-node") { id } }')).body).toEqual({ data: { node: null } });
});

describe('mutations need an editor key', () => {
  const mutation = 'mutation Load($doc: JSON!) { ingestArticle(document: $doc) { status problems { message } } }';
  const variables = { doc: { format: 'not-a-kg-article' } };

  it('anonymous → UNAUTHENTICATED, before the database is asked', async () => {
    const r = await t.gql(mutation, { variables });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.body.data).toBeNull();
    expect(counter.calls()).toBe(0);
  });

  it('reader → FORBIDDEN', async () => {
    const r = await t.gql(mutation, { variables, key: READER_KEY });
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(counter.calls()).toBe(0);
  });

  it('unknown key → UNAUTHENTICATED (401), not anonymous', async () => {
    const r = await t.gql(mutation, { variables, key: `${EDITOR_KEY}-typo` });
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  });

  it('editor → runs (an invalid document is reported as REJECTED)', async () => {
    const r = await t.gql(mutation, { variables, key: EDITOR_KEY });
    expect(r.body.errors).toBeUndefined();
    expect((r.body.data as { ingestArticle: { status: string } }).ingestArticle.status).toBe('REJECTED');
  });
});

describe('limits on the real schema: QUERY_TOO_COMPLEX and no database call', () => {
  it('1000 aliases of node(id:)', async () => {
    const q = `{ ${Array.from({ length: 1000 }, (_, i) => `n${i}: node(id: "x${i}") { id }`).join(' ')} }`;
    const r = await t.gql(q);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.body.errors?.[0].extensions).toMatchObject({ limit: 'aliases', value: 1000, max: 50 });
    expect(counter.calls()).toBe(0);
  });

  it('depth', async () => {
    let inner = 'id';
    for (let i = 0; i < 5; i += 1) inner = `relations { edges { node { ${inner} } } }`;
    const r = await t.gql(`{ entity(id: "x") { ${inner} } }`);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.body.errors?.[0].extensions).toMatchObject({ limit: 'depth', value: 17, max: 12 });
    expect(counter.calls()).toBe(0);
  });

  it('cost', async () => {
    const r = await t.gql(
      '{ entities(first: 100) { edges { node { ... on Person { events(first: 100) { edges { roles node { id name participants { edges { role node { id name } } } } } } } } } } }',
    );
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.body.errors?.[0].extensions).toMatchObject({ limit: 'cost' });
    expect(counter.calls()).toBe(0);
  });
});
