/**
 * Executes operations with graphql-jit instead of graphql-js, plugged into Apollo Server through its
 * `gateway` option (Apollo Server 4+ has no other way to replace `execute`; its migration guide names this one).
 *
 * Why: a page of 50 events with their participants and the people's positions is ~5 000 fields. graphql-js
 * walks them generically (type checks, argument coercion, a promise check per field); graphql-jit compiles the
 * operation once into a function that does only what this operation needs. Measured in-process on the bench
 * graph S, Node CPU for that page fell by about a fifth (bench/README.md).
 *
 * Everything before execution is still Apollo's: parsing, validation, the query limits (didResolveOperation),
 * auth, error formatting and masking. Compiled operations are cached by Apollo's query hash and operation
 * name (least recently used first out), so a repeated query costs one lookup.
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { type ExecutionResult, GraphQLError, type GraphQLSchema, getVariableValues, printSchema, Source } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * graphql-jit's errors imitate graphql-js's but are not its class: they have locations without a source and
 * no `extensions` when the cause had none, and Apollo (which reads `error.extensions.code`) would mask every
 * one of them, even the typed ones. This rebuilds each as graphql-js would have made it: same message, path,
 * cause (`originalError`, which unwrapResolverError and the error formatter look at) and locations.
 */
function asGraphQLError(error: GraphQLError, source: Source, lineStarts: number[]): GraphQLError {
  const positions = (error.locations ?? []).map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1);
  return new GraphQLError(error.message, {
    ...(positions.length > 0 ? { source, positions } : {}),
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
}

/** Offsets at which each line of `text` starts, by graphql-js's rule for line breaks. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|[\n\r]/g)) starts.push(m.index! + m[0].length);
  return starts;
}

export interface CompiledExecution {
  /** pass as ApolloServer's `gateway` (instead of `schema`) */
  gateway: GatewayInterface;
  /** compiled operations held now */
  cached(): number;
}

export function compiledExecution(schema: GraphQLSchema, maxCached = 1000): CompiledExecution {
  // a Map iterates in insertion order: re-inserting on use makes its first key the least recently used
  const cache = new Map<string, CompiledQuery>();

  const executor: GatewayExecutor = async (request) => {
    const variables = request.request.variables ?? {};
    // graphql-js coerces the variables first: its refusals are the ones Apollo recognises (BAD_USER_INPUT,
    // HTTP 400), and the compiled query is then given only values graphql-js accepts
    const coerced = getVariableValues(schema, request.operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };

    const key = `${request.queryHash}\n${request.operationName ?? ''}`;
    let compiled = cache.get(key);
    if (compiled) {
      cache.delete(key);
    } else {
      const result = compileQuery(schema, request.document, request.operationName ?? undefined);
      // Apollo has validated the document and resolved the operation; a refusal here is graphql-js's answer
      if (!isCompiledQuery(result)) return result as ExecutionResult;
      compiled = result;
      if (cache.size >= maxCached) cache.delete(cache.keys().next().value as string);
    }
    cache.set(key, compiled);
    const result = (await compiled.query(undefined, request.context, variables)) as ExecutionResult;
    if (!result.errors?.length) return result;
    const source = new Source(request.source);
    const lineStarts = lineStartsOf(request.source);
    return { ...result, errors: result.errors.map((e) => asGraphQLError(e, source, lineStarts)) };
  };

  const gateway: GatewayInterface = {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() {
      cache.clear();
    },
  };
  return { gateway, cached: () => cache.size };
}
