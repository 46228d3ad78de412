/**
 * Every argument over its maximum, refused before the operation's cost is measured and before any resolver runs,
 * wherever it is in the operation (a nested field's, a fragment's, inside a `where`): page sizes and the other
 * bounded integers (`first`, `limit`, `depth`, `maxLength`: src/api's BOUNDED_ARGUMENTS), ids (500 characters), id
 * lists (100 ids) and free text (1000 characters) of queries. Each gets the error the resolver's own check gives
 * it (same message, `argumentName`, `limit`, `max`), BAD_USER_INPUT with HTTP 400 and no data. Without this,
 * `first: 1000` was QUERY_TOO_COMPLEX under a costly selection and BAD_USER_INPUT under a cheap one, and an id over
 * its bound in a nested field failed that field only, the rest of the answer coming with a 400 status: now an
 * argument over its maximum is refused as a whole request, whichever check would have seen it first.
 */
import {
  getNamedType,
  getNullableType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
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
import { ARG_LIMITS, BOUNDED_ARGUMENTS, overLimit } from '../../api';

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
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): Found => {
    for (const sel of set.selections) {
      let found: Found;
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue; // a fragment's arguments are the same wherever it is spread
        seen.add(frag.name.value);
        found = walk(frag.selectionSet, schema.getType(frag.typeCondition.name.value) ?? undefined);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        found = walk(sel.selectionSet, sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) ?? undefined) : parent);
      } else {
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[sel.name.value] : undefined;
        for (const arg of sel.arguments ?? []) {
          found = argumentError(field?.args.find((a) => a.name === arg.name.value), arg.name.value, valueFromASTUntyped(arg.value, variables), ofQuery);
          if (found) break;
        }
        if (!found && sel.selectionSet) found = walk(sel.selectionSet, field ? getNamedType(field.type) : undefined);
      }
      if (found) return found;
    }
    return undefined;
  };
  return walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
}
