/**
 * Query limits: depth, aliases and cost are measured before any resolver runs; an operation over a
 * limit gets QUERY_TOO_COMPLEX and makes no database round trip.
 */
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { measureOperation } from '../src/server';
import { cachedMeasure } from '../src/server/plugins/queryLimits';
import { closeTestDriver, testDriver } from './support/db';
import { codes, countingDriver, startTestServer, testConfig, testSchema, type TestServer } from './server.helpers';

describe('measureOperation', () => {
  const schema = buildSchema(`
    type Query { people(first: Int = 20): [Person!]! person(id: ID!): Person search(limit: Int): PersonConnection! tags: [String!]! }
    type Person { name: String friends(first: Int): [Person!]! events: [Event!]! best: Person }
    type Event { title: String }
    type PersonConnection { totalCount: Int edges: [PersonEdge!]! }
    type PersonEdge { node: Person }
  `);
  const measure = (q: string, variables: Record<string, unknown> = {}) => {
    const doc = parse(q);
    const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
    return measureOperation(schema, doc, op, variables);
  };

  it('counts each field 1, lists multiplied by first/limit (or their default, or 10), nested multiplicatively', () => {
    expect(measure('{ person(id: 1) { name } }')).toEqual({ depth: 2, aliases: 0, cost: 2 });
    // people defaults to first: 20 → 1 + 20 × (name 1 + friends (1 + 5 × name 1))
    expect(measure('{ people { name friends(first: 5) { name } } }')).toEqual({ depth: 3, aliases: 0, cost: 1 + 20 * (1 + 1 + 5) });
    // a list without a size argument counts 10
    expect(measure('{ person(id: 1) { events { title } } }').cost).toBe(1 + 1 + 10);
    // variables are used
    expect(measure('query($n: Int) { people(first: $n) { name } }', { n: 3 }).cost).toBe(1 + 3);
    // connection: the page size counts once, edges count 1
    expect(measure('{ search(limit: 7) { totalCount edges { node { name } } } }').cost).toBe(1 + 7 * (1 + 1 + 1 + 1));
    // scalar lists are leaves
    expect(measure('{ tags }').cost).toBe(1);
  });

  it('expands fragments (named and inline) and counts aliases through them', () => {
    const q = `
      query { a: person(id: 1) { ...F } b: person(id: 2) { ...F } }
      fragment F on Person { x: name y: name best { ... on Person { z: name } } }`;
    expect(measure(q)).toEqual({ depth: 3, aliases: 2 + 2 * 3, cost: 2 * (1 + 1 + 1 + 1 + 1) });
  });

  it('is linear on fragment bombs', () => {
    let q = '{ person(id: 1) { ...F0 } }\nfragment F0 on Person { name }\n';
    for (let i = 1; i <= 40; i += 1) q += `fragment F${i} on Person { a${i}: best { ...F${i - 1} } b${i}: best { ...F${i - 1} } }\n`;
    q = q.replace('{ ...F0 } }', '{ ...F40 } }');
    // 2^40 expanded paths: an expanding walk would never return, so finishing at all is the assertion
    const m = measure(q);
    expect(m.aliases).toBeGreaterThan(1e12);
    expect(m.depth).toBe(42);
  });

  it('keeps a measure per operation node only when it reads no variable', () => {
    const cached = cachedMeasure();
    const opOf = (q: string) => {
      const doc = parse(q);
      return { doc, op: doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode };
    };
    const literal = opOf('{ people(first: 5) { name } }');
    const first = cached(schema, literal.doc, literal.op);
    expect(first).toEqual({ depth: 2, aliases: 0, cost: 1 + 5 });
    expect(cached(schema, literal.doc, literal.op)).toBe(first); // kept
    // a page size from a variable is measured with each request's variables
    const variable = opOf('query($n: Int) { people(first: $n) { name } }');
    expect(cached(schema, variable.doc, variable.op, { n: 3 }).cost).toBe(1 + 3);
    expect(cached(schema, variable.doc, variable.op, { n: 90 }).cost).toBe(1 + 90);
    expect(cached(schema, variable.doc, variable.op, {}).cost).toBe(1 + 20); // the argument's default
  });

  it('counts introspection as one shallow field', () => {
    const m = measure('{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }');
    expect(m).toEqual({ depth: 1, aliases: 0, cost: 1 });
  });
});

describe('query limits over HTTP', () => {
  let t: TestServer;
  let counter: ReturnType<typeof countingDriver>;

  beforeAll(async () => {
    counter = countingDriver(testDriver());
    t = await startTestServer(testConfig({ KG_MAX_QUERY_DEPTH: '6', KG_MAX_ALIASES: '50', KG_MAX_QUERY_COST: '500' }), {
      driver: counter.driver,
      schema: testSchema(),
      schemaApplied: true,
    });
  });
  afterAll(async () => {
    await t.stop();
    await closeTestDriver();
  });
  beforeEach(() => counter.reset());

  it('serves an operation within the limits (and it does reach the database)', async () => {
    const r = await t.gql('{ items(first: 2) { id children(first: 2) { id } } }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ items: [{ id: '0', children: [{ id: '0.0' }, { id: '0.1' }] }, { id: '1', children: [{ id: '1.0' }, { id: '1.1' }] }] });
    expect(counter.calls()).toBe(3);
  });

  it('refuses a too-deep operation before any resolver runs', async () => {
    const r = await t.gql('{ item { child { child { child { child { child { child { id } } } } } } } }');
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.body.errors?.[0].message).toBe('query depth 8 exceeds the maximum depth of 6');
    expect(r.body.errors?.[0].extensions).toMatchObject({ limit: 'depth', value: 8, max: 6 });
    expect(r.body.data).toBeUndefined();
    expect(counter.calls()).toBe(0);
  });

  it('refuses an alias flood of 1000 aliases', async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => `a${i}: ping`).join(' ');
    const r = await t.gql(`{ ${fields} }`);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.body.errors?.[0].message).toBe('the operation uses 1000 aliases; at most 50 are allowed');
    expect(counter.calls()).toBe(0);
  });

  it('refuses an alias flood hidden in fragments', async () => {
    const q = `{ item { ...A ...A2 } } fragment A on Item { a: id b: id c: id d: id e: id f: id g: id h: id i: id j: id }
      fragment A2 on Item { c1: child { ...A } c2: child { ...A } c3: child { ...A } c4: child { ...A } c5: child { ...A } }`;
    const r = await t.gql(q);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.body.errors?.[0].extensions).toMatchObject({ limit: 'aliases', value: 10 + 5 + 50, max: 50 });
    expect(counter.calls()).toBe(0);
  });

  it('refuses an operation whose estimated cost is too high', async () => {
    const r = await t.gql('query Big($n: Int) { items(first: $n) { children(first: 10) { children { id } } } }', { variables: { n: 50 } });
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    // 1 + 50 × (1 + 10 × (1 + 10 × 1)) = 5551
    expect(r.body.errors?.[0].message).toMatch(/^estimated query cost 5551 exceeds the maximum cost of 500/);
    expect(r.body.errors?.[0].extensions).toMatchObject({ limit: 'cost', value: 5551, max: 500 });
    expect(counter.calls()).toBe(0);
  });

  it('measures a variable page size per request, not once per document', async () => {
    // page sizes within their bound of 100 (over it, an argument is BAD_USER_INPUT: server.argumentBounds.test.ts)
    const q = 'query Sized($n: Int) { items(first: $n) { id children(first: 10) { id } } }';
    expect((await t.gql(q, { variables: { n: 2 } })).body.errors).toBeUndefined();
    const big = await t.gql(q, { variables: { n: 100 } });
    expect(codes(big)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(big.body.errors?.[0].extensions).toMatchObject({ limit: 'cost', value: 1 + 100 * 12 });
    expect((await t.gql(q, { variables: { n: 3 } })).body.errors).toBeUndefined();
    // and the same text again: refused again (a kept measure is never one that depended on variables)
    const again = await t.gql('{ items(first: 60) { id children(first: 10) { id } } }');
    expect(codes(again)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codes(await t.gql('{ items(first: 60) { id children(first: 10) { id } } }'))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses a fragment bomb quickly', async () => {
    let q = '{ item { ...F20 } }\nfragment F0 on Item { id }\n';
    for (let i = 1; i <= 20; i += 1) q += `fragment F${i} on Item { child { ...F${i - 1} } child { ...F${i - 1} } }\n`;
    const r = await t.gql(q);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(counter.calls()).toBe(0);
  });
});
