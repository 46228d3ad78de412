import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  getOperationAST,
  getNamedType,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  isInputObjectType,
  type OperationDefinitionNode,
  type Source,
  typeFromAST,
} from 'graphql';
import { compileQuery, type CompiledQuery, isCompiledQuery } from 'graphql-jit';

export interface ExecuteOperationArgs {
  /** parsed and validated */
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Readonly<Record<string, unknown>> | null;
  contextValue: unknown;
}

export type OperationExecutor = (args: ExecuteOperationArgs) => Promise<ExecutionResult>;

interface Compiled {
  operation: OperationDefinitionNode;
  query: CompiledQuery;
}

/**
 * Whether graphql-jit is given the operation: not when a variable's type is an input object. graphql-jit writes
 * out code that parses each such variable down every path of its type, and the recursive filters (`EventFilter`
 * nests entity and event filters in AND/OR/NOT) took it 4-8 s of blocked event loop for a one-field query
 * (graphql-jit issue #244); graphql-js coerces them in microseconds. The same filter written inline compiles in
 * 2 ms, so such operations keep the compiled path.
 */
export function jitCompiles(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).every((v) => {
    const type = typeFromAST(schema, v.type as Parameters<typeof typeFromAST>[1]);
    return !(type && isInputObjectType(getNamedType(type)));
  });
}

/**
 * Executes operations compiled by graphql-jit, once per parsed document (Apollo reuses the document of a
 * query it has seen). graphql-js interprets the operation anew for every object of every list: on a page of 50
 * events with their participants and positions, its per-field work was a quarter of the server's CPU
 * (bench/README, "Where the nested page's time goes").
 *
 * What a client sees stays graphql-js's:
 * - variables are coerced by graphql-js first, so a bad one gets graphql-js's error (which Apollo reports
 *   as BAD_USER_INPUT) before any resolver runs;
 * - errors are graphql-js GraphQLErrors (extensions an object, the thrown error as `originalError`, the same
 *   locations and path), which Apollo's formatting and ours rely on;
 * - an operation graphql-jit cannot compile, or refuses to start, is executed by graphql-js;
 * - so is one with a variable of an input object type (`jitCompiles`).
 */
export function createCompiledExecutor(schema: GraphQLSchema): OperationExecutor {
  const cache = new WeakMap<DocumentNode, Map<string, Compiled | null>>();

  function compiled(document: DocumentNode, operationName: string | null | undefined): Compiled | null {
    let byName = cache.get(document);
    if (!byName) cache.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let c = byName.get(key);
    if (c === undefined) {
      const operation = getOperationAST(document, operationName);
      c = operation ? compile(document, operationName, operation) : null;
      byName.set(key, c);
    }
    return c;
  }

  function compile(document: DocumentNode, operationName: string | null | undefined, operation: OperationDefinitionNode): Compiled | null {
    if (!jitCompiles(schema, operation)) return null;
    try {
      const query = compileQuery(schema, document, operationName ?? undefined);
      return isCompiledQuery(query) ? { operation, query } : null;
    } catch {
      return null; // a document graphql-jit cannot handle is graphql-js's to run (and to refuse, if it must)
    }
  }

  return async ({ document, operationName, variableValues, contextValue }) => {
    const c = compiled(document, operationName);
    const byGraphqlJs = () => execute({ schema, document, operationName, variableValues, contextValue });
    if (!c) return byGraphqlJs();
    const inputs = variableValues ?? {};
    const coercion = getVariableValues(schema, c.operation.variableDefinitions ?? [], inputs, { maxErrors: 50 });
    if (coercion.errors) return { errors: coercion.errors };
    const result = await c.query.query(undefined, contextValue, inputs);
    if (!('data' in result)) return byGraphqlJs(); // refused before executing: graphql-js says why
    if (!result.errors) return result;
    const source = document.loc?.source;
    return { ...result, errors: result.errors.map((e) => asGraphqlJsError(e, source)) };
  };
}

/** graphql-jit's error as graphql-js would have located it. */
function asGraphqlJsError(e: GraphQLError, source: Source | undefined): GraphQLError {
  const positions = source && e.locations ? e.locations.map((l) => offsetOf(source.body, l.line, l.column)) : undefined;
  return new GraphQLError(e.message, {
    source: positions ? source : undefined,
    positions,
    path: e.path,
    originalError: e.originalError ?? undefined,
    extensions: e.extensions ?? undefined,
  });
}

/** The offset of a 1-based line and column, as graphql-js's getLocation counts them (\r\n, \n or \r end a line). */
function offsetOf(body: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = body.slice(offset).search(/\r\n|[\n\r]/);
    if (next < 0) break;
    offset += next + (body.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return offset + column - 1;
}
