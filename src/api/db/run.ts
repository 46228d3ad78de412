import neo4j, { Neo4jError } from 'neo4j-driver';
import { TRANSACTION_RETRY_MS } from '../../graph/driver';
import { executeWrite, type WriteTx } from '../../graph/executeWrite';
import { withRetries } from '../../graph/retry';
import type { Context } from '../context';
import { databaseTimeout, unavailable } from '../errors';
import { toPlain } from './plain';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/**
 * What a driver error means to a client. Lost connections (after the driver's own retries) are
 * SERVICE_UNAVAILABLE (503); a statement stopped at the transaction time limit is DATABASE_TIMEOUT (504),
 * whose advice depends on what timed out: a read can ask for less, a write was rolled back. Authentication
 * failures against Neo4j are a server misconfiguration, not an outage, so they, like everything else, stay
 * unmapped and are masked by the server as internal errors.
 */
export function mapDriverError(error: unknown, work: 'read' | 'write' = 'read'): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code.startsWith('Neo.ClientError.Security.')) return error;
  if (error.code === neo4j.error.SERVICE_UNAVAILABLE || error.code === neo4j.error.SESSION_EXPIRED) {
    return unavailable();
  }
  if (TIMEOUT_CODES.has(error.code)) {
    return databaseTimeout(
      work === 'read'
        ? 'the database did not finish the query within its time limit; try again, or ask for less (smaller first, depth or limit)'
        : 'the database did not finish the write within its time limit, so nothing was written; try again later',
    );
  }
  return error;
}

function txConfig(ctx: Context): { timeout: number } {
  return { timeout: ctx.deps.transactionTimeoutMs };
}

/** THE way the API writes: the work runs in one write transaction (all of it or none of it). */
export async function writeTransaction<T>(ctx: Context, work: (tx: WriteTx) => Promise<T>): Promise<T> {
  ctx.stats.roundTrips += 1;
  try {
    return await executeWrite(ctx.deps.driver, work, { database: ctx.deps.database, timeoutMs: ctx.deps.transactionTimeoutMs });
  } catch (error) {
    throw mapDriverError(error, 'write');
  }
}

/**
 * THE way the API reads: one parameterised statement, counted in `ctx.stats.roundTrips`, rows returned as plain
 * objects. It runs as an auto-commit transaction in a READ session (routed to a reader in a cluster), not in
 * `executeRead`: a read has nothing to commit, and the explicit BEGIN/COMMIT of a transaction function cost an
 * extra Bolt round trip and about 1.6 ms of CPU per statement here (bench/README.md). What the transaction
 * function gave in exchange, retrying transient failures, is done here: a read is idempotent, and its rows are
 * all received before any is used, so running it again is safe.
 */
export async function readQuery(ctx: Context, cypher: string, params: Params = {}): Promise<Row[]> {
  ctx.stats.roundTrips += 1;
  try {
    // backoff from 100 ms (not the driver's 1 s), at most 2 s between attempts
    return await withRetries(() => readOnce(ctx, cypher, params), { retryMs: ctx.deps.readRetryMs ?? TRANSACTION_RETRY_MS, firstDelayMs: 100, maxDelayMs: 2_000 });
  } catch (error) {
    throw mapDriverError(error);
  }
}

async function readOnce(ctx: Context, cypher: string, params: Params): Promise<Row[]> {
  const session = ctx.deps.driver.session({ database: ctx.deps.database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(cypher, params, txConfig(ctx));
    return result.records.map((r) => toPlain(r.toObject()) as Row);
  } finally {
    await session.close();
  }
}

/**
 * For writes that manage their own transaction (the ingest pipeline takes a driver): counted and mapped like
 * the others.
 */
export async function viaDriver<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  ctx.stats.roundTrips += 1;
  try {
    return await work();
  } catch (error) {
    throw mapDriverError(error, 'write');
  }
}

/** JS numbers travel as floats; LIMIT, SKIP and list slices need integers. */
export const int = (n: number) => neo4j.int(n);
