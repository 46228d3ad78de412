import { GraphQLError } from 'graphql';

/**
 * The small typed set of errors clients see, with `extensions.code` in the graphql-js / Apollo style.
 * Anything else thrown inside a resolver is masked as INTERNAL_SERVER_ERROR for the client and logged
 * for the operator (see the server's formatError).
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
  'DATABASE_TIMEOUT',
  'OPERATION_NOT_SUPPORTED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const badInput = (message: string, argumentName?: string): ApiError =>
  new ApiError('BAD_USER_INPUT', message, argumentName ? { argumentName } : {});
export const notFound = (message: string): ApiError => new ApiError('NOT_FOUND', message);
export const unauthenticated = (message = 'an API key is required (Authorization: Bearer <key>)'): ApiError =>
  new ApiError('UNAUTHENTICATED', message);
export const forbidden = (message: string): ApiError => new ApiError('FORBIDDEN', message);
export const tooComplex = (message: string, extensions: Record<string, unknown> = {}): ApiError =>
  new ApiError('QUERY_TOO_COMPLEX', message, extensions);
export const unavailable = (message = 'the database is not available; try again shortly'): ApiError =>
  new ApiError('SERVICE_UNAVAILABLE', message);

/** The database stopped a statement at the transaction time limit (KG_TX_TIMEOUT_MS); the server answers 504. */
export const databaseTimeout = (message: string): ApiError => new ApiError('DATABASE_TIMEOUT', message);
/** An operation type the server does not serve (subscriptions); HTTP 400. */
export const notSupported = (message: string): ApiError => new ApiError('OPERATION_NOT_SUPPORTED', message, { http: { status: 400 } });

export function isApiError(error: unknown): error is ApiError {
  return error instanceof GraphQLError && ERROR_CODES.includes(error.extensions?.code as ErrorCode);
}
