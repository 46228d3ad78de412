/**
 * The server executes operations compiled by graphql-jit (src/api/compiledExecutor.ts). Clients must not be
 * able to tell: answers, errors and their locations are graphql-js's, checked here side by side on the seeded
 * graph and on a small schema whose resolvers throw.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import {
  buildSchema,
  execute,
  type ExecutionResult,
  getIntrospectionQuery,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  parse,
  validate,
} from 'graphql';
import { createCompiledExecutor, jitCompiles } from '../src/api';
import * as Q from '../src/explorer/web/queries';
import { closeTestDriver } from './support/db';
import { apiSchema, ARTICLE, context, ev, seed } from './api.harness';

afterAll(() => closeTestDriver());

/** What a client receives of a result: its JSON. */
const wire = (r: ExecutionResult): unknown => JSON.parse(JSON.stringify(r));

async function bothWays(schema: GraphQLSchema, source: string, variableValues?: Record<string, unknown>, contextValue: () => unknown = () => context()) {
  const document = parse(source);
  expect(validate(schema, document)).toEqual([]);
  const byGraphqlJs = await execute({ schema, document, variableValues, contextValue: contextValue() });
  const compiled = await createCompiledExecutor(schema)({ document, variableValues, contextValue: contextValue() });
  return { byGraphqlJs, compiled };
}

describe('when an operation runs on the seeded graph', () => {
  beforeAll(() => seed(), 60_000);

  const examplesDir = path.join(__dirname, '..', 'examples');
  const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.graphql'));
  // three items each: jest takes a test function with more parameters than items for one that awaits `done`
  const operations: Array<[string, string, Record<string, unknown>]> = [
    ...examples.map((f): [string, string, Record<string, unknown>] => [f, readFileSync(path.join(examplesDir, f), 'utf8'), {}]),
    ['explorer search', Q.SEARCH, { query: '开发区', first: 12 }],
    ['explorer neighbourhood', Q.NEIGHBORHOOD, { id: 'org:gaoyou-edz', depth: 2, limit: 60, entityTypes: null, eventTypes: ['SIGNING'] }],
    ['explorer paths', Q.PATHS, { from: 'person:jin-feng', to: 'org:gaoyou-hrss-bureau', maxLength: 4, first: 3 }],
    ['explorer node details', Q.NODE_DETAILS, { id: 'person:jin-feng' }],
    ['explorer participation', Q.PARTICIPATION, { event: ev('ev-0621-signing'), roles: null }],
    ['explorer relation', Q.RELATION, { id: 'org:gaoyou-edz', types: null }],
    ['explorer article reader', Q.ARTICLE_TEXT, { id: ARTICLE }],
    ['explorer restore', Q.restoreQuery(['person:jin-feng', ev('ev-0621-signing')]), { i0: 'person:jin-feng', i1: ev('ev-0621-signing') }],
    [
      'fragments, aliases, @skip and @include, defaults',
      `query Mixed($withPositions: Boolean = true, $skipEvents: Boolean!) {
         a: entity(id: "person:jin-feng") { ...who events(first: 2) @skip(if: $skipEvents) { totalCount edges { cursor roles node { id } } } }
         b: entity(id: "org:gaoyou-edz") { ...who }
         nothing: entity(id: "person:nobody") { id }
         events(first: 3, orderBy: NAME_ASC) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type
           participants { totalCount edges { role node { __typename id ... on Person { positions @include(if: $withPositions) { edges { title node { id } } } } } } } } } }
       }
       fragment who on Entity { __typename id name ... on Organization { kind } }`,
      { skipEvents: false },
    ],
    ['a typed error beside data', '{ entity(id: "person:jin-feng") { id events(first: -1) { totalCount } } search(query: "金锋") { totalCount } }', {}],
    ['introspection', getIntrospectionQuery(), {}],
  ];

  it.each(operations)('%s: the compiled answer is graphql-js\'s', async (_name, source, variables) => {
    const { byGraphqlJs, compiled } = await bothWays(await apiSchema(), source, variables);
    expect(wire(compiled)).toEqual(wire(byGraphqlJs));
    expect(compiled.data).toBeTruthy();
  });

  it('a typed error keeps its code and the argument it names', async () => {
    const { compiled } = await bothWays(await apiSchema(), '{ events(first: -1) { totalCount } }');
    expect(compiled.errors?.map((e) => [e.extensions.code, e.path])).toEqual([['BAD_USER_INPUT', ['events']]]);
  });
});

describe('when a filter comes as a variable', () => {
  const EVENTS = (arg: string) => `events(where: ${arg}, first: 10, orderBy: DATE_ASC) { totalCount edges { node { id } } }`;
  const operation = (source: string) => parse(source).definitions[0] as Parameters<typeof jitCompiles>[1];

  it('then graphql-js runs it (graphql-jit would write out code for every path of the recursive filter type), and the answer is the inline filter\'s', async () => {
    const schema = await apiSchema();
    const asVariable = `query Q($where: EventFilter!) { ${EVENTS('$where')} }`;
    const inline = `query Q($from: PartialDate) { ${EVENTS('{ types: [SIGNING], from: $from }')} }`;
    expect(jitCompiles(schema, operation(asVariable))).toBe(false);
    expect(jitCompiles(schema, operation(`query Q($w: [EventFilter!]) { ${EVENTS('{ OR: $w }')} }`))).toBe(false);
    expect(jitCompiles(schema, operation(inline))).toBe(true);
    const a = await bothWays(schema, asVariable, { where: { types: ['SIGNING'], from: '2023-06' } });
    const b = await bothWays(schema, inline, { from: '2023-06' });
    expect(wire(a.compiled)).toEqual(wire(a.byGraphqlJs));
    expect(wire(a.compiled)).toEqual(wire(b.compiled));
    expect((a.compiled.data as any).events.totalCount).toBeGreaterThan(0);
  });
});

describe('when a resolver throws or a variable is wrong', () => {
  const schema = buildSchema('type Query { boom: String, typed: String, ping: Boolean, item(id: ID!, n: Int): String, list: [Item!] } type Item { name: String! }');
  const fields = schema.getQueryType()!.getFields();
  let resolved = 0;
  fields.boom.resolve = () => {
    throw new Error('MATCH (p:Person) secret');
  };
  fields.typed.resolve = () => {
    throw new GraphQLError('no such thing', { extensions: { code: 'NOT_FOUND' } });
  };
  fields.ping.resolve = () => true;
  fields.item.resolve = () => {
    resolved += 1;
    return 'x';
  };
  fields.list.resolve = () => [{ name: 'a' }, { name: null }];
  const noContext = () => ({});

  it('then the errors have graphql-js\'s message, locations (across \\r\\n and \\n lines), path, code and original error', async () => {
    const source = 'query Q {\r\n  ping\r\n  boom\n  typed\r  list { name }\n}';
    const { byGraphqlJs, compiled } = await bothWays(schema, source, undefined, noContext);
    expect(wire(compiled)).toEqual(wire(byGraphqlJs));
    expect(wire(compiled)).toMatchObject({
      data: { ping: true, boom: null, typed: null, list: null },
      errors: [
        { message: 'MATCH (p:Person) secret', locations: [{ line: 3, column: 3 }], path: ['boom'] },
        { message: 'no such thing', locations: [{ line: 4, column: 3 }], path: ['typed'], extensions: { code: 'NOT_FOUND' } },
        { locations: [{ line: 5, column: 10 }], path: ['list', 1, 'name'] },
      ],
    });
    for (const e of compiled.errors!) expect(e).toBeInstanceOf(GraphQLError);
    expect(compiled.errors![0].originalError?.message).toBe('MATCH (p:Person) secret');
    expect(compiled.errors![1].extensions).toEqual({ code: 'NOT_FOUND' });
    expect(compiled.errors![0].extensions).toEqual({}); // an object, as graphql-js's: Apollo reads .code from it
  });

  it('then an operation name the document does not hold gets graphql-js\'s refusal', async () => {
    const document = parse('query A { ping } query B { boom }');
    const args = { document, operationName: 'C', contextValue: {} };
    const compiled = await createCompiledExecutor(schema)(args);
    expect(wire(compiled)).toEqual(wire(await execute({ schema, ...args })));
    expect(compiled.errors?.[0].message).toBe('Unknown operation named "C".');
  });

  it.each([
    ['missing', {}],
    ['of the wrong type', { id: 'a', n: 'many' }],
    ['beyond a 32-bit Int', { id: 'a', n: 2 ** 31 }],
  ])('then a variable %s is refused with graphql-js\'s error, on its definition, before any resolver runs', async (_case, variables) => {
    resolved = 0;
    const { byGraphqlJs, compiled } = await bothWays(schema, 'query($id: ID!, $n: Int) { item(id: $id, n: $n) }', variables, noContext);
    expect(resolved).toBe(0);
    expect(wire(compiled)).toEqual(wire(byGraphqlJs));
    expect(compiled.data).toBeUndefined();
    // what Apollo looks at to report BAD_USER_INPUT
    expect(compiled.errors![0].nodes?.[0].kind).toBe(Kind.VARIABLE_DEFINITION);
  });
});
