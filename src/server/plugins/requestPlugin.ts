/**
 * The server's Apollo plugin: one listener object for every request (no per-request closures). After
 * parsing and validation, and before any resolver: unsupported operation types (400 OPERATION_NOT_SUPPORTED),
 * the query limits (`queryLimits.ts`, QUERY_TOO_COMPLEX), then the database's availability (503
 * SERVICE_UNAVAILABLE). After execution: 503 or 504 when the database failed the request. It also fills in the request's log line
 * (`requestLog.ts`), marks API answers as never cached, and tells anonymous callers that they need a key
 * where an editor key is missing.
 */
import { type ApolloServerPlugin, type GraphQLRequestListener, HeaderMap } from '@apollo/server';
import type { Context } from '../../api/context';
import type { GraphQLFormattedError } from 'graphql';
import { ApiError, notSupported } from '../../api/errors';
import type { DatabaseMonitor } from '../database';
import type { RequestLog } from '../requestLog';
import { argumentBoundsError, malformedArgumentError } from './argumentBounds';
import { cachedMeasure, limitError, type QueryLimits } from './queryLimits';

export interface RequestPluginOptions {
  limits: QueryLimits;
  database: Pick<DatabaseMonitor, 'availability'>;
  requestLog: RequestLog;
}

/**
 * The database's failures are not the client's and not a success: 503 when Neo4j was lost (the circuit then
 * fails the next requests fast), 504 when a statement ran past its time limit, whatever data came with them.
 */
function statusOfErrors(errors: ReadonlyArray<GraphQLFormattedError>): number | undefined {
  let status: number | undefined;
  for (const e of errors) {
    if (e.extensions?.code === 'SERVICE_UNAVAILABLE') return 503;
    if (e.extensions?.code === 'DATABASE_TIMEOUT') status = 504;
  }
  return status;
}

export function requestPlugin(o: RequestPluginOptions): ApolloServerPlugin<Context> {
  const measure = cachedMeasure(o.limits.defaultListSize);
  const log = o.requestLog;
  const listener: GraphQLRequestListener<Context> = {
    async didResolveOperation({ contextValue, operation, operationName, schema, document, request }) {
      const state = log.stateFor(contextValue);
      if (state) {
        state.operationName = operationName;
        state.operationType = operation?.operation;
      }
      if (!operation) return; // Apollo reports a missing/ambiguous operation itself
      // graphql-js validates `subscription { x }` against a schema without subscriptions and then fails to
      // execute it: a client's mistake, said as such before anything runs
      if (operation.operation === 'subscription' || !schema.getRootType(operation.operation)) {
        throw notSupported(`this server answers queries and mutations over HTTP; ${operation.operation} operations are not supported`);
      }
      // limits first: a too-complex operation is refused even while the database is down; an argument over its
      // bound first of all, so that it gets the error the resolver would give it, whatever the operation costs
      const outOfBounds = argumentBoundsError(schema, document, operation, request.variables);
      if (outOfBounds) throw outOfBounds;
      const m = measure(schema, document, operation, request.variables);
      if (state) state.measure = m;
      const tooComplex = limitError(m, o.limits);
      if (tooComplex) throw tooComplex;
      // then every field's own argument checks, so that a malformed one anywhere refuses the whole request: the
      // client's mistake is said as such even while the database is down
      const malformed = malformedArgumentError(schema, document, operation, request.variables);
      if (malformed) throw malformed;
      // introspection-only operations never touch the database
      const introspectionOnly = operation.selectionSet.selections.every((s) => s.kind === 'Field' && s.name.value.startsWith('__'));
      if (introspectionOnly) return;
      const a = o.database.availability();
      if (!a.ok) {
        throw new ApiError('SERVICE_UNAVAILABLE', a.reason, {
          http: { status: 503, headers: new HeaderMap([['retry-after', '5']]) },
        });
      }
    },
    async didEncounterErrors({ contextValue, errors }) {
      // formatError is not told the request: it finds the request id of what it logs here
      const state = log.stateFor(contextValue);
      if (state) for (const e of errors) log.noteError(e, state);
    },
    async willSendResponse({ contextValue, response }) {
      // API answers are never cached (what Apollo's cache-control plugin, disabled, answered too)
      response.http.headers.set('cache-control', 'no-store');
      if (response.body.kind !== 'single') return;
      const result = response.body.singleResult;
      const status = result.errors && statusOfErrors(result.errors);
      if (status && (response.http.status ?? 200) < 400) {
        response.http.status = status;
        if (status === 503) response.http.headers.set('retry-after', '5');
      }
      if (result.errors && contextValue.role === 'anonymous') {
        // anonymous callers are not "forbidden": they have not said who they are
        result.errors = result.errors.map((e) =>
          e.extensions?.code === 'FORBIDDEN'
            ? { ...e, message: 'an API key is required (Authorization: Bearer <key>)', extensions: { ...e.extensions, code: 'UNAUTHENTICATED' } }
            : e,
        );
      }
      const state = log.stateFor(contextValue);
      if (state?.logging) {
        state.errorCodes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
        state.hasData = !!result.data && Object.values(result.data).some((v) => v !== null && v !== undefined);
      }
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
