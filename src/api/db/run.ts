import neo4j, { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import type { Context } from '../context';
import { tooComplex, unavailable } from '../errors';
import { toPlain } from './plain';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/**
 * What a driver error means to a client. Lost connections (after the driver's own retries) are
 * SERVICE_UNAVAILABLE; a transaction that hit the per-request timeout is QUERY_TOO_COMPLEX (the client can
 * narrow the query). Authentication failures against Neo4j are a server misconfiguration, not an outage,
 * so they, like everything else, stay unmapped and are masked by the server as internal errors.
 */
export function mapDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code.startsWith('Neo.ClientError.Security.')) return error;
  if (error.code === neo4j.error.SERVICE_UNAVAILABLE || error.code === neo4j.error.SESSION_EXPIRED) {
    return unavailable();
  }
  if (TIMEOUT_CODES.has(error.code)) {
    return tooComplex('the query took longer than the database time limit; ask for less (smaller first, depth or limit)', {
      reason: 'timeout',
    });
  }
  return error;
}

function txConfig(ctx: Context): { timeout: number } {
  return { timeout: ctx.deps.transactionTimeoutMs };
}

async function inSession<T>(ctx: Context, mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  ctx.stats.roundTrips += 1;
  const session = ctx.deps.driver.session({
    database: ctx.deps.database,
    defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
  });
  try {
    return mode === 'READ'
      ? await session.executeRead(work, txConfig(ctx))
      : await session.executeWrite(work, txConfig(ctx));
  } catch (error) {
    throw mapDriverError(error);
  } finally {
    await session.close();
  }
}

/**
 * THE way the API reads: one parameterised statement in one read transaction (routed to a reader in a
 * cluster), counted in `ctx.stats.roundTrips`, rows returned as plain objects.
 */
export async function readQuery(ctx: Context, cypher: string, params: Params = {}): Promise<Row[]> {
  return inSession(ctx, 'READ', async (tx) => {
    const result = await tx.run(cypher, params);
    return result.records.map((r) => toPlain(r.toObject()) as Row);
  });
}

/** THE way the API writes: the work runs in one write transaction (all of it or none of it). */
export async function writeTransaction<T>(ctx: Context, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  return inSession(ctx, 'WRITE', work);
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
    throw mapDriverError(error);
  }
}

/** JS numbers travel as floats; LIMIT, SKIP and list slices need integers. */
export const int = (n: number) => neo4j.int(n);
