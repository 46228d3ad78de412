/**
 * Operations run with the compiled executor (src/api/compiledExecutor.ts, graphql-jit) instead of graphql-js's
 * `execute`, through Apollo Server's public plugin hook `responseForOperation`: a plugin that answers it
 * takes the operation's execution over (after parsing, validation and `didResolveOperation`, so limits,
 * availability and auth have run). Apollo then sends that response as it is, so what Apollo's own execution
 * does with a result is done here: errors are normalised as Apollo's (a code, INTERNAL_SERVER_ERROR by
 * default; `extensions.http` taken into the HTTP answer) and passed through the server's `formatError`.
 * Operations whose variables graphql-js cannot coerce are left to Apollo, which answers them 400
 * BAD_USER_INPUT as always. bench/README.md ("Seams") says what the compiled executor buys.
 */
import { type ApolloServerPlugin, type GraphQLRequestListener, HeaderMap, type HTTPGraphQLHead } from '@apollo/server';
import { getVariableValues, GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Context } from '../../api/context';
import type { OperationExecutor } from '../../api/compiledExecutor';
import { INTERNAL_ERROR_MESSAGE } from '../errors';
import type { RequestLog } from '../requestLog';

export interface CompiledExecutionOptions {
  /** the schema the executor was compiled for; operations on another schema are Apollo's */
  schema: GraphQLSchema;
  executor: OperationExecutor;
  /** the server's formatError, as Apollo is given it */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  requestLog: RequestLog;
}

export function compiledExecutionPlugin(o: CompiledExecutionOptions): ApolloServerPlugin<Context> {
  const listener: GraphQLRequestListener<Context> = {
    async responseForOperation({ schema, operation, document, request, contextValue }) {
      if (schema !== o.schema) return null;
      if (getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors) return null;
      const result = await o.executor({ document, operationName: request.operationName, variableValues: request.variables, contextValue });
      const http: HTTPGraphQLHead = { status: undefined, headers: new HeaderMap() };
      if (!result.errors?.length) return { http, body: { kind: 'single', singleResult: { data: result.data, extensions: result.extensions } } };
      const state = o.requestLog.stateFor(contextValue);
      if (state) for (const e of result.errors) o.requestLog.noteError(e, state);
      const errors = result.errors.map((e) => formatted(e, o.formatError, http));
      return { http, body: { kind: 'single', singleResult: { data: result.data, errors, extensions: result.extensions } } };
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}

/** One error as Apollo's execution would hand it to the client (its normalizeAndFormatErrors). */
function formatted(error: GraphQLError, formatError: CompiledExecutionOptions['formatError'], http: HTTPGraphQLHead): GraphQLFormattedError {
  try {
    const e = error instanceof GraphQLError ? error : new GraphQLError(String((error as Error)?.message ?? error), { originalError: error as Error });
    const extensions: Record<string, unknown> = { ...e.extensions, code: e.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
    const head = extensions.http as Partial<HTTPGraphQLHead> | undefined;
    if (head && typeof head === 'object') {
      if (typeof head.status === 'number') http.status = head.status;
      if (head.headers instanceof Map) for (const [k, v] of head.headers) http.headers.set(k, v);
      delete extensions.http;
    }
    return formatError({ ...e.toJSON(), extensions }, e);
  } catch {
    return { message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
}
