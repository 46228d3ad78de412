import type { Driver } from 'neo4j-driver';

/** Who is calling, decided by the server from `Authorization: Bearer <key>` before any resolver runs. */
export type Role = 'anonymous' | 'reader' | 'editor';

/** What the server hands the API layer once per process. */
export interface ApiDeps {
  driver: Driver;
  /** Neo4j database name; undefined means the server's default */
  database?: string;
  /** per-transaction timeout for every database call of a request */
  transactionTimeoutMs: number;
  /** how long a read that failed transiently is retried; default TRANSACTION_RETRY_MS (src/graph/driver.ts) */
  readRetryMs?: number;
}

/**
 * Built per request by the server (`createContext`), so DataLoaders cache only within one request.
 * `loaders` is created lazily by the API layer; `stats.roundTrips` counts Neo4j transactions of this
 * request (tests assert the per-nesting-level bound with it).
 */
export interface Context {
  deps: ApiDeps;
  role: Role;
  stats: { roundTrips: number };
  /** set by the API layer on first use; opaque to the server */
  loaders?: unknown;
}

export function createContext(deps: ApiDeps, role: Role): Context {
  return { deps, role, stats: { roundTrips: 0 } };
}
