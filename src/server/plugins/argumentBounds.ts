/**
 * Every argument over its maximum, refused before the operation's cost is measured and before any resolver runs,
 * wherever it is in the operation (a nested field's, a fragment's, inside a `where`): page sizes and the other
 * bounded integers (`first`, `limit`, `depth`, `maxLength`: src/api's BOUNDED_ARGUMENTS), ids (500 characters), id
 * lists (100 ids) and free text (1000 characters) of queries. Each gets the error the resolver's own check gives
 * it (same message, `argumentName`, `limit`, `max`), BAD_USER_INPUT with HTTP 400 and no data. Without this,
 * `first: 1000` was QUERY_TOO_COMPLEX under a costly selection and BAD_USER_INPUT under a cheap one, and an id over
 * its bound in a nested field failed that field only, the rest of the answer coming with a 400 status: now an
 * argument over its maximum is refused as a whole request, whichever check would have seen it first.
 *
 * The same walk then runs each field's own argument checks (malformedArgumentError): a malformed argument is
 * refused as a whole request too, with no partial data, wherever its field is.
 */
import {
  type FieldNode,
  getNamedType,
  getNullableType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getVariableValues,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import { ARG_LIMITS, BOUNDED_ARGUMENTS, fieldArgumentsError, overLimit } from '../../api';

type Found = Error | undefined;

/** A bounded integer argument (by name, wherever it is) outside its range. */
function boundedInteger(name: string, value: unknown): Found {
  const range = BOUNDED_ARGUMENTS[name];
  // anything but an integer is for variable coercion and validation to report, as graphql-js words it
  if (!range || typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  if (value >= range.min && value <= range.max) return undefined;
  return overLimit(`${name} must be an integer from ${range.min} to ${range.max} (got ${value})`, name, name, range.max);
}

/**
 * Ids, id lists and free text inside an argument's value, named as the resolvers name them (`where.relation.other.ids`,
 * `where.OR[1].name`, `exclude`). `after` is a cursor, not text: its own check says what is wrong with it.
 */
function boundedValue(type: GraphQLInputType, value: unknown, path: string): Found {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    const item = getNamedType(nullable);
    if (item.name === 'ID' && items.length > ARG_LIMITS.ids) return overLimit(`${path} holds more than ${ARG_LIMITS.ids} ids`, path, 'ids', ARG_LIMITS.ids);
    const objects = isInputObjectType(item);
    for (const [i, v] of items.entries()) {
      const found = boundedValue(nullable.ofType as GraphQLInputType, v, objects ? `${path}[${i}]` : path);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return undefined;
    const fields = nullable.getFields();
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const found = fields[key] && boundedValue(fields[key].type, v, `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (nullable.toString() === 'ID' && value.length > ARG_LIMITS.id) return overLimit(`${path} is longer than ${ARG_LIMITS.id} characters`, path, 'id', ARG_LIMITS.id);
  if (nullable.toString() === 'String' && value.length > ARG_LIMITS.text) {
    return overLimit(`${path} is longer than ${ARG_LIMITS.text} characters`, path, 'text', ARG_LIMITS.text);
  }
  return undefined;
}

function argumentError(def: GraphQLArgument | undefined, name: string, value: unknown, ofQuery: boolean): Found {
  const bounded = boundedInteger(name, value);
  if (bounded || !def || !ofQuery || name === 'after') return bounded;
  return boundedValue(def.type, value, name);
}

type Parent = GraphQLNamedType | undefined;
/** What to check at each field of an operation: its parent type, its definition (when the schema has it), its node, its response path. */
type Visit = (parent: Parent, field: GraphQLField<unknown, unknown> | undefined, node: FieldNode, path: readonly string[]) => Found;

/**
 * The first error `visit` finds at a field of the operation, fragments included: each fragment is walked once, at
 * its first spread (its arguments are the same wherever it is spread).
 */
function firstFieldError(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, visit: Visit): Found {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode, parent: Parent, path: readonly string[]): Found => {
    for (const sel of set.selections) {
      let found: Found;
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        seen.add(frag.name.value);
        found = walk(frag.selectionSet, schema.getType(frag.typeCondition.name.value) ?? undefined, path);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        found = walk(sel.selectionSet, sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) ?? undefined) : parent, path);
      } else {
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[sel.name.value] : undefined;
        const at = [...path, sel.alias?.value ?? sel.name.value];
        found = visit(parent, field, sel, at);
        if (!found && sel.selectionSet) found = walk(sel.selectionSet, field ? getNamedType(field.type) : undefined, at);
      }
      if (found) return found;
    }
    return undefined;
  };
  return walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, []);
}

/**
 * The error for the first argument of the operation (fragments included) over its maximum, or undefined. Ids and
 * text are checked in queries only: a mutation's document or article text is long by nature, and its resolver
 * checks what it bounds.
 */
export function argumentBoundsError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): Found {
  const ofQuery = operation.operation === 'query';
  return firstFieldError(schema, document, operation, (_parent, field, sel) => {
    for (const arg of sel.arguments ?? []) {
      const found = argumentError(field?.args.find((a) => a.name === arg.name.value), arg.name.value, valueFromASTUntyped(arg.value, variables), ofQuery);
      if (found) return found;
    }
    return undefined;
  });
}

/**
 * The first malformed argument of a query, wherever its field is (src/api's FIELD_CHECKS: a cursor of another list,
 * a date that is none, a reversed window, an empty range in a `where`): BAD_USER_INPUT, HTTP 400, located at the
 * argument and naming the field (`fieldPath`), before any resolver runs, so that no part of the answer comes with
 * it. Without this, such an argument of a nested field failed that field only and the rest of the answer came back
 * with status 200. Variables are coerced as execution will coerce them; when they cannot be, execution says why.
 * Mutations check their arguments in their resolvers, which run one after another in one operation anyway.
 */
export function malformedArgumentError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> = {},
): Found {
  if (operation.operation !== 'query') return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  const variables = coerced.coerced;
  if (coerced.errors || !variables) return undefined;
  return firstFieldError(schema, document, operation, (parent, field, sel, path) =>
    field && parent && (isObjectType(parent) || isInterfaceType(parent)) ? fieldArgumentsError(parent, field, sel, variables, path) : undefined,
  );
}
