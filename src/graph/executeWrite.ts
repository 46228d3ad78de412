import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { TRANSACTION_RETRY_MS } from './driver';
import { withRetries } from './retry';

/** What a write transaction's work gets: statements only (no commit or rollback of its own), as in `session.executeWrite`. */
export type WriteTx = Pick<ManagedTransaction, 'run'>;

export interface ExecuteWriteOptions {
  database?: string;
  /** transaction timeout in milliseconds (enforced by the server) */
  timeoutMs?: number;
  /** how long transient failures are retried; `TRANSACTION_RETRY_MS` unless told */
  retryMs?: number;
}

/**
 * Runs `work` in one write transaction and commits it: all of it or none of it. Transient failures (a
 * deadlock, a lost connection, a leader switch: `neo4j.isRetriableError`) are retried with backoff for
 * `retryMs`, and any other error rolls back and is thrown, as `session.executeWrite` does.
 *
 * Why not `session.executeWrite`: neo4j-driver 5 waits for the server's reply to BEGIN before it runs the
 * work's first statement (only its `executeQuery` sends them together), one more round trip per transaction.
 * Here the transaction is begun and its first statement sent at once (an explicit transaction's statements
 * wait only for BEGIN to be written); a failed BEGIN fails that statement. One document per transaction, the
 * API's granularity, then costs three round trips instead of four.
 */
export async function executeWrite<T>(driver: Driver, work: (tx: WriteTx) => Promise<T>, options: ExecuteWriteOptions = {}): Promise<T> {
  // the driver's transaction functions' backoff: 1 s, doubling
  return withRetries(() => writeOnce(driver, work, options), { retryMs: options.retryMs ?? TRANSACTION_RETRY_MS, firstDelayMs: 1000 });
}

async function writeOnce<T>(driver: Driver, work: (tx: WriteTx) => Promise<T>, options: ExecuteWriteOptions): Promise<T> {
  const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const tx = session.beginTransaction(options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
    try {
      const result = await work({ run: (query, parameters) => tx.run(query, parameters) });
      await tx.commit();
      return result;
    } catch (error) {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      throw error;
    }
  } finally {
    await session.close();
  }
}
