/**
 * What clients may see of an error. Errors with a code from the typed set (src/api/errors.ts) or one of
 * Apollo's own request-level codes are passed on; everything else becomes
 * `{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }` for the client
 * and is logged with its stack for the operator. Neo4j connectivity failures become SERVICE_UNAVAILABLE.
 * No stack traces or Cypher ever reach clients (`includeStacktraceInErrorResponses: false` as well).
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from '../api/errors';
import { isConnectivityError } from './database';
import type { Logger } from './logger';

/** Codes Apollo Server itself produces for bad requests; safe to show. */
const APOLLO_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
];

const ALLOWED_CODES = new Set<string>([...ERROR_CODES, ...APOLLO_CODES]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

export interface FormatErrorHooks {
  /** called when a Neo4j connectivity error is seen */
  onConnectivityError?: (error: unknown) => void;
  /**
   * The id of the request that raised `error` (the error as Apollo hands it to formatError, or the error it
   * wraps), for the log lines; formatError itself is not told the request.
   */
  requestIdOf?: (error: object) => string | undefined;
}

function located(formatted: GraphQLFormattedError): Pick<GraphQLFormattedError, 'locations' | 'path'> {
  return {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}

/** Removes anything debug-ish an extension might carry (Apollo adds `stacktrace` only when asked to). */
function cleanExtensions(ext: Record<string, unknown> | undefined): Record<string, unknown> {
  const { stacktrace: _s, exception: _e, ...rest } = ext ?? {};
  return rest;
}

export function createFormatError(logger: Logger, hooks: FormatErrorHooks = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    const reqId =
      (error && typeof error === 'object' ? hooks.requestIdOf?.(error) : undefined) ??
      (original && typeof original === 'object' ? hooks.requestIdOf?.(original) : undefined);

    if (isConnectivityError(original)) {
      hooks.onConnectivityError?.(original);
      logger.warn({ reqId, err: original, path: formatted.path }, 'Neo4j connectivity error during a request');
      return {
        message: 'the database is not available; try again shortly',
        ...located(formatted),
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }

    const isGraphQLError = original instanceof GraphQLError || error instanceof GraphQLError;

    // graphql-js parses recursively: an operation nested thousands of levels deep ends in a RangeError,
    // which Apollo reports as a parse failure; say what is wrong rather than echo the engine's message
    if (isGraphQLError && code === 'GRAPHQL_PARSE_FAILED' && /Maximum call stack size exceeded/i.test(formatted.message)) {
      return { message: 'the operation is nested too deeply to be parsed', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    }

    // the API layer maps driver connectivity errors to its typed SERVICE_UNAVAILABLE itself; only those
    // raised by resolvers (with a path) say something new about Neo4j, not the server's own fail-fast ones
    if (isGraphQLError && code === 'SERVICE_UNAVAILABLE' && formatted.path) hooks.onConnectivityError?.(original);

    // type-graphql's @Authorized throws AuthorizationError (code UNAUTHORIZED): report it as FORBIDDEN;
    // the server turns FORBIDDEN into UNAUTHENTICATED for anonymous callers (see createServer).
    if (isGraphQLError && code === 'UNAUTHORIZED') {
      return {
        message: 'this operation needs an editor API key',
        ...located(formatted),
        extensions: { code: 'FORBIDDEN' },
      };
    }

    if (isGraphQLError && typeof code === 'string' && ALLOWED_CODES.has(code)) {
      return { ...formatted, extensions: cleanExtensions(formatted.extensions as Record<string, unknown>) };
    }

    logger.error({ reqId, err: original, path: formatted.path, code }, 'unexpected error in a GraphQL request (masked for the client)');
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...located(formatted),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
