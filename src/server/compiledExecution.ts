import type { DocumentNode, GraphQLSchema } from 'graphql';
import * as path from 'path';
import type { OperationExecutor } from '../api';

/** What Apollo's request pipeline passes the function it executes operations with. */
interface ExecuteIncrementallyArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  contextValue: unknown;
  /** a request for the legacy incremental delivery format (@defer, @stream) */
  useLegacyIncremental?: boolean;
}

type ExecuteIncrementally = (args: ExecuteIncrementallyArgs) => Promise<unknown>;

/** The module of @apollo/server whose `executeIncrementally` its request pipeline calls to execute. */
interface ApolloExecution {
  executeIncrementally: ExecuteIncrementally;
}

const executors = new WeakMap<GraphQLSchema, OperationExecutor>();
let ours: ExecuteIncrementally | undefined;

const MOVED = '@apollo/server no longer executes through incrementalDeliveryPolyfill.executeIncrementally: see src/server/compiledExecution.ts';

// not in @apollo/server's package exports: loaded by file, next to its main entry (the CommonJS build)
function apolloExecution(): ApolloExecution {
  const file = path.join(path.dirname(require.resolve('@apollo/server')), 'incrementalDeliveryPolyfill.js');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as ApolloExecution;
  } catch (e) {
    throw new Error(`${MOVED} (${(e as Error).message})`);
  }
}

/**
 * Makes Apollo execute operations on `schema` with `executor` (src/api/compiledExecutor.ts) instead of
 * graphql-js's `execute`. Apollo Server 5 has no executor option. Its gateway interface does replace execution,
 * but the request context Apollo builds for a gateway on each request (makeGatewayGraphQLRequestContext) kept
 * every request's objects alive past young-generation collections: at 300 req/s the server promoted some 2 MB
 * per scavenge instead of 0.3 and its p99 doubled (bench/results/soak-ab4-gateway-gc.md). So the server runs
 * Apollo with its schema, and this replaces the one function Apollo's pipeline calls to execute, which it looks up
 * on its module at every call. Parsing, validation, the document cache, plugins and error formatting stay
 * Apollo's. Other schemas (another server in the process) and legacy incremental delivery keep Apollo's own.
 * Throws when Apollo no longer has that module or function (an upgrade changed it): better than running uncompiled
 * unseen.
 */
export function executeWith(schema: GraphQLSchema, executor: OperationExecutor): void {
  executors.set(schema, executor);
  const apollo = apolloExecution();
  if (apollo.executeIncrementally === ours) return;
  const own = apollo.executeIncrementally;
  if (typeof own !== 'function') throw new Error(MOVED);
  ours = (args) => {
    const execute = args.useLegacyIncremental ? undefined : executors.get(args.schema);
    return execute
      ? execute({ document: args.document, operationName: args.operationName, variableValues: args.variableValues, contextValue: args.contextValue })
      : own(args);
  };
  apollo.executeIncrementally = ours;
}

/** The executor that operations on `schema` run with, if `executeWith` gave it one and it is in place. */
export function executorOf(schema: GraphQLSchema): OperationExecutor | undefined {
  return apolloExecution().executeIncrementally === ours ? executors.get(schema) : undefined;
}
