/**
 * The page's only way to the data: `POST /graphql` with a JSON body, exactly what an analyst's script
 * would send. `apollo-require-preflight` satisfies the server's CSRF prevention; an API key pasted by the
 * user (kept in sessionStorage only) travels as `Authorization: Bearer <key>`.
 */

import { inModelWords, withEnumNames } from './enumWords';
import { t } from './i18n';

export const KEY_STORAGE = 'kg-explorer.apiKey';

export interface GraphQLErrorItem {
  message: string;
  extensions?: { code?: string; [k: string]: unknown };
  path?: (string | number)[];
}

/** A failed request: HTTP trouble, a GraphQL error, or a network failure. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the first GraphQL error, or a code of our own (NETWORK_ERROR, HTTP_<status>, BAD_RESPONSE) */
    readonly code: string,
    readonly errors: GraphQLErrorItem[] = [],
    readonly status = 0,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function getApiKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

export function setApiKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    /* storage unavailable: the key lives for this page only */
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  operationName?: string;
}

/**
 * Activity listeners: the page shows a progress indicator while a labelled request is in flight
 * (`labels` are those of the requests still running, oldest first).
 */
type ActivityListener = (inFlight: number, labels: string[]) => void;
const listeners = new Set<ActivityListener>();
const active = new Map<number, string | undefined>();
let nextRequest = 0;
export function onActivity(fn: ActivityListener): void {
  listeners.add(fn);
}
function notify(): void {
  const labels = [...active.values()].filter((l): l is string => !!l);
  for (const fn of listeners) fn(active.size, labels);
}
export function requestsInFlight(): number {
  return active.size;
}

export interface GqlResult<T> {
  data: T;
  /** errors that came with (partial) data */
  errors: GraphQLErrorItem[];
}

/**
 * Runs one operation. Rejects with ApiError when there is no data at all; resolves with data and the
 * accompanying errors (partial results) otherwise.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, opts: RequestOptions & { label?: string } = {}): Promise<GqlResult<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    'apollo-require-preflight': 'true',
  };
  const key = getApiKey();
  if (key) headers.authorization = `Bearer ${key}`;
  const ticket = (nextRequest += 1);
  active.set(ticket, opts.label);
  notify();
  try {
    let res: Response;
    try {
      res = await fetch('/graphql', {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables: withEnumNames(variables), operationName: opts.operationName }),
        signal: opts.signal,
        credentials: 'same-origin',
      });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError(t('req.unreachable', { reason: (e as Error).message }), 'NETWORK_ERROR');
    }
    const text = await res.text();
    let body: { data?: T | null; errors?: GraphQLErrorItem[] } | undefined;
    try {
      body = text ? (JSON.parse(text) as typeof body) : undefined;
    } catch {
      body = undefined;
    }
    const errors = Array.isArray(body?.errors) ? body!.errors : [];
    if (body?.data !== undefined && body.data !== null) return { data: inModelWords(body.data), errors };
    if (errors.length > 0) {
      const first = errors[0];
      const code = String(first.extensions?.code ?? `HTTP_${res.status}`);
      throw new ApiError(first.message || t('req.failed'), code, errors, res.status);
    }
    if (!res.ok) throw new ApiError(t('req.status', { status: res.status, text: res.statusText }), `HTTP_${res.status}`, [], res.status);
    throw new ApiError(t('req.unreadable'), 'BAD_RESPONSE', [], res.status);
  } finally {
    active.delete(ticket);
    notify();
  }
}

export function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
