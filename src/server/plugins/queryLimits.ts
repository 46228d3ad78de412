/**
 * Rejects over-large operations in `didResolveOperation`, i.e. after parsing and validation but BEFORE
 * any resolver (and so any database call) runs. Three limits, each reported as QUERY_TOO_COMPLEX
 * (HTTP 400) with a message naming the limit and the measured value:
 *
 * - depth: the deepest field, root fields being depth 1 (fragments expanded);
 * - aliases: aliased fields in the operation with fragments expanded (a fragment spread 100 times
 *   counts its aliases 100 times), so alias floods are caught however they are written;
 * - cost: every field resolved costs 1; a list field multiplies the cost of what it selects by its
 *   page-size argument (`first`, `last`, `limit`, `take` or `pageSize`, from a literal, a variable or
 *   the argument's default) or by 10 when it has none; nesting multiplies. A field with a page-size
 *   argument that returns a connection object (not a list) counts the page size once, and its
 *   `edges`/`nodes`/`items` lists then count 1. Inline fragments on several types are all counted
 *   (an upper bound).
 *
 * Introspection (`__schema`, `__type`) counts as one field of depth 1 whatever it selects; it is
 * disabled in production. Measuring is linear in the document size: each fragment is measured once
 * per context (memoised) and cost scales linearly with the count of its parent, so "fragment bombs"
 * cannot make the measurement itself expensive.
 *
 * Used by the server's Apollo plugin (`requestPlugin.ts`). An operation is measured once: Apollo hands
 * every request with the same query text the same parsed DocumentNode (its document cache), so the measure is kept per OperationDefinitionNode in a
 * WeakMap. Only measures that read no variable (page sizes written as literals or defaults) are kept; an
 * operation whose page size comes from a variable is measured again for each request.
 */
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
} from 'graphql';
import { tooComplex } from '../../api/errors';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** multiplier of a list field without a page-size argument; default 10 */
  defaultListSize?: number;
}

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

export type LimitName = 'depth' | 'aliases' | 'cost';

const PAGE_SIZE_ARGS = ['first', 'last', 'limit', 'take', 'pageSize'];
const CONNECTION_LISTS = ['edges', 'nodes', 'items'];
const ZERO: OperationMeasure = { depth: 0, aliases: 0, cost: 0 };

/** Measures one operation of a validated document. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  defaultListSize = 10,
): OperationMeasure {
  return measureWithVariableUse(schema, document, operation, variables, defaultListSize).measure;
}

/** The measure, and whether it read a variable's value (then it holds for these variables only). */
function measureWithVariableUse(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  defaultListSize: number,
): { measure: OperationMeasure; usesVariables: boolean } {
  let usesVariables = false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, OperationMeasure>();

  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();

  const argValue = (node: ValueNode): unknown => {
    if (node.kind !== Kind.INT && node.kind !== Kind.NULL) usesVariables = true; // a variable, or (invalid anyway) anything else
    return valueFromASTUntyped(node, variables);
  };

  function multiplier(def: GraphQLField<unknown, unknown> | undefined, node: FieldNode, inConnection: boolean): { mult: number; connection: boolean } {
    if (!def) return { mult: 1, connection: false };
    const isList = isListType(getNullableType(def.type));
    const sizeArgs = def.args.filter((a) => PAGE_SIZE_ARGS.includes(a.name));
    if (sizeArgs.length > 0) {
      let size: number | undefined;
      for (const arg of sizeArgs) {
        const given = node.arguments?.find((a) => a.name.value === arg.name);
        const value = (given ? argValue(given.value) : undefined) ?? arg.defaultValue;
        if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, value);
      }
      return { mult: Math.max(1, size ?? defaultListSize), connection: !isList };
    }
    if (isList) return { mult: inConnection && CONNECTION_LISTS.includes(def.name) ? 1 : defaultListSize, connection: false };
    return { mult: 1, connection: false };
  }

  function measure(set: SelectionSetNode, parent: GraphQLNamedType | null | undefined, inConnection: boolean, intro: boolean): OperationMeasure {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    const add = (m: OperationMeasure, depthOffset: number, costFactor: number, costBase: number) => {
      depth = Math.max(depth, m.depth + depthOffset);
      aliases += m.aliases;
      cost += costBase + costFactor * m.cost;
    };
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) aliases += 1;
        const name = sel.name.value;
        const enteringIntro = !intro && (name === '__schema' || name === '__type');
        if (intro || enteringIntro) {
          // count aliases inside introspection, nothing else
          const child = sel.selectionSet ? measure(sel.selectionSet, undefined, false, true) : ZERO;
          aliases += child.aliases;
          if (enteringIntro) {
            depth = Math.max(depth, 1);
            cost += 1;
          }
          continue;
        }
        const def = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        if (!sel.selectionSet) {
          add(ZERO, 1, 0, 1);
          continue;
        }
        const { mult, connection } = multiplier(def, sel, inConnection);
        const child = measure(sel.selectionSet, def ? getNamedType(def.type) : undefined, connection, false);
        add(child, 1, mult, 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        add(measure(sel.selectionSet, type, inConnection, intro), 0, 1, 0);
      } else {
        const name = sel.name.value;
        const key = `${name}|${inConnection ? 1 : 0}|${intro ? 1 : 0}`;
        let m = memo.get(key);
        if (!m) {
          const frag = fragments.get(name);
          m = frag ? measure(frag.selectionSet, schema.getType(frag.typeCondition.name.value), inConnection, intro) : ZERO;
          memo.set(key, m);
        }
        add(m, 0, 1, 0);
      }
    }
    return { depth, aliases, cost };
  }

  return { measure: measure(operation.selectionSet, rootType, false, false), usesVariables };
}

/** The first limit `m` breaks, or undefined. */
function exceededLimit(m: OperationMeasure, limits: QueryLimits): { limit: LimitName; value: number; max: number; message: string } | undefined {
  if (m.depth > limits.maxDepth) {
    return { limit: 'depth', value: m.depth, max: limits.maxDepth, message: `query depth ${m.depth} exceeds the maximum depth of ${limits.maxDepth}` };
  }
  if (m.aliases > limits.maxAliases) {
    return {
      limit: 'aliases',
      value: m.aliases,
      max: limits.maxAliases,
      message: `the operation uses ${m.aliases} aliases; at most ${limits.maxAliases} are allowed`,
    };
  }
  if (m.cost > limits.maxCost) {
    return {
      limit: 'cost',
      value: m.cost,
      max: limits.maxCost,
      message: `estimated query cost ${m.cost} exceeds the maximum cost of ${limits.maxCost} (each field counts 1, list fields multiply by their first/limit argument or 10; ask for smaller pages or fewer nested lists)`,
    };
  }
  return undefined;
}

/** A measuring function that keeps variable-free measures per operation node (see the module comment). */
export function cachedMeasure(
  defaultListSize = 10,
): (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables?: Record<string, unknown>) => OperationMeasure {
  const cache = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; measure: OperationMeasure }>();
  return (schema, document, operation, variables) => {
    const hit = cache.get(operation);
    if (hit && hit.schema === schema) return hit.measure;
    const { measure, usesVariables } = measureWithVariableUse(schema, document, operation, variables ?? {}, defaultListSize);
    if (!usesVariables) cache.set(operation, { schema, measure });
    return measure;
  };
}

/** QUERY_TOO_COMPLEX (HTTP 400) naming the first limit `m` breaks, or undefined. */
export function limitError(m: OperationMeasure, limits: QueryLimits): Error | undefined {
  const over = exceededLimit(m, limits);
  return over && tooComplex(over.message, { limit: over.limit, value: over.value, max: over.max, http: { status: 400 } });
}
