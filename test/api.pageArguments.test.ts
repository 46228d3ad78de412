/**
 * One naming and one default for page arguments across the schema (issue 24 §2; the convention is
 * src/api/args/page.ts): the test walks every field of the schema and names each one that breaks it.
 */
import 'reflect-metadata';
import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLSchema,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { buildApiSchema } from '../src/api';
import { ARG_LIMITS, BOUNDED_ARGUMENTS } from '../src/api/args/limits';
import { AFTER_DESCRIPTION, firstDescription, PAGE_SIZE } from '../src/api/args/page';
import { fieldCheckOf } from '../src/api/args/fieldChecks';

/** Names that would be another page size (or another way of paging) than `first`/`after`. */
const OTHER_PAGE_NAMES = ['last', 'before', 'take', 'offset', 'skip', 'pageSize', 'limit', 'size', 'count'];
/** The one exception, with why: a drawing's budget of nodes, not a page of a list. */
const ALLOWED = new Map([['Query.neighborhood.limit', /^At most this many nodes \(1 to 500; 100 unless given\)/]]);
const FIRST = new RegExp(`^At most this many(?: [a-z]+)? \\(${ARG_LIMITS.first.min} to ${ARG_LIMITS.first.max}; (\\d+) unless given\\)\\.$`);

function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && type.name.endsWith('Connection');
}

/** Every breach of the page-argument convention in `schema`, as `Type.field: what is wrong`. */
function pageArgumentBreaches(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const at = `${type.name}.${field.name}`;
      const arg = (name: string) => field.args.find((a) => a.name === name);
      const first = arg('first');
      const after = arg('after');
      for (const a of field.args) {
        if (!OTHER_PAGE_NAMES.includes(a.name)) continue;
        const allowed = ALLOWED.get(`${at}.${a.name}`);
        if (!allowed) out.push(`${at}: pages with \`${a.name}\`, not \`first\`/\`after\``);
        else if (!allowed.test(a.description ?? '')) out.push(`${at}: \`${a.name}\` does not say its range and default`);
      }
      if (first) {
        const described = FIRST.exec(first.description ?? '');
        if (String(first.type) !== 'Int!') out.push(`${at}: first is ${String(first.type)}, not Int!`);
        if (typeof first.defaultValue !== 'number') out.push(`${at}: first has no default`);
        if (!described) out.push(`${at}: first is described "${first.description}", not "${firstDescription(Number(first.defaultValue))}"`);
        else if (Number(described[1]) !== first.defaultValue) out.push(`${at}: first says ${described[1]} unless given, its default is ${first.defaultValue}`);
      }
      if (isConnection(field)) {
        if (!first) out.push(`${at}: a connection without first`);
        else if (first.defaultValue !== PAGE_SIZE) out.push(`${at}: a connection whose first defaults to ${first.defaultValue}, not ${PAGE_SIZE}`);
        if (!after) out.push(`${at}: a connection without after`);
        else {
          if (String(after.type) !== 'String') out.push(`${at}: after is ${String(after.type)}, not String`);
          if (after.description !== AFTER_DESCRIPTION) out.push(`${at}: after is described "${after.description}", not "${AFTER_DESCRIPTION}"`);
        }
        const connection = getNamedType(field.type);
        const parts = isObjectType(connection) ? connection.getFields() : {};
        if (String(parts.totalCount?.type) !== 'Int!') out.push(`${at}: its connection has no totalCount: Int!`);
        if (String(parts.pageInfo?.type) !== 'PageInfo!') out.push(`${at}: its connection has no pageInfo: PageInfo!`);
        const edge = parts.edges && getNamedType(parts.edges.type);
        const edgeFields = edge && isObjectType(edge) ? edge.getFields() : {};
        if (!parts.edges || !isListType(isNonNullType(parts.edges.type) ? parts.edges.type.ofType : parts.edges.type)) out.push(`${at}: its connection has no edges list`);
        if (String(edgeFields.cursor?.type) !== 'String!' || !edgeFields.node) out.push(`${at}: its edges lack cursor: String! or node`);
      } else if (after) {
        out.push(`${at}: takes after but is not a connection`);
      } else if (first && !isListType(isNonNullType(field.type) ? field.type.ofType : field.type)) {
        out.push(`${at}: takes first but is neither a connection nor a list`);
      }
    }
  }
  return out.sort();
}

describe('page arguments', () => {
  it('when the schema is walked, then every page argument is first/after, 1 to 100, 20 on connections, each saying its default the same way', async () => {
    const schema = await buildApiSchema();
    expect(pageArgumentBreaches(schema)).toEqual([]);
    expect(BOUNDED_ARGUMENTS.first).toEqual(ARG_LIMITS.first); // the server's bound is the one the descriptions state
  });

  it('when the schema is walked, then every field taking a cursor has its argument checks registered, for the server to run them before executing', async () => {
    const schema = await buildApiSchema();
    const unchecked: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.args.some((a) => a.name === 'after') && !fieldCheckOf(type, field.name)) unchecked.push(`${type.name}.${field.name}`);
      }
    }
    expect(unchecked).toEqual([]);
  });

  it('when a field breaks the convention, then the walk names it and what is wrong', () => {
    const PAGE = 'edges: [ItemEdge!]! pageInfo: PageInfo! totalCount: Int!';
    const schema = buildSchema(`
      type PageInfo { hasNextPage: Boolean! }
      type Item { id: ID! }
      type ItemEdge { cursor: String! node: Item! }
      type ItemConnection { ${PAGE} }
      type Query {
        good("${firstDescription(20)}" first: Int! = 20, "${AFTER_DESCRIPTION}" after: String): ItemConnection!
        bigDefault("${firstDescription(100)}" first: Int! = 100, "${AFTER_DESCRIPTION}" after: String): ItemConnection!
        noAfter("${firstDescription(20)}" first: Int! = 20): ItemConnection!
        vague("1 to 100." first: Int! = 20, "${AFTER_DESCRIPTION}" after: String): ItemConnection!
        capped("${firstDescription(3, 'items')}" first: Int! = 3): [Item!]!
        wrongDefault("${firstDescription(5)}" first: Int! = 3): [Item!]!
        limited("At most this many." limit: Int = 10): [Item!]!
        cursorOnList(after: String): [Item!]!
      }`);
    expect(pageArgumentBreaches(schema)).toEqual(
      [
        'Query.bigDefault: a connection whose first defaults to 100, not 20',
        'Query.cursorOnList: takes after but is not a connection',
        'Query.limited: pages with `limit`, not `first`/`after`',
        'Query.noAfter: a connection without after',
        `Query.vague: first is described "1 to 100.", not "${firstDescription(20)}"`,
        'Query.wrongDefault: first says 5 unless given, its default is 3',
      ].sort(),
    );
  });
});
