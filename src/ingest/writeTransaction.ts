import type { Driver } from 'neo4j-driver';
import { executeWrite, withRetries } from '../graph';
import { type DocumentReport, type IngestOptions, reportOutcome } from './documentReport';
import { type HashedDocument, Rejected, writeDocuments, type WriteOutcome } from './writeDocuments';

/**
 * Lock conflicts between concurrent loads (documents naming the same entities) are retried by executeWrite
 * (src/graph/executeWrite.ts), but only within TRANSACTION_RETRY_MS, kept short (src/graph/driver.ts) so that
 * API requests fail fast while Neo4j is down. Several busy loaders can need longer: a document whose transaction still
 * ends in a deadlock gets up to this many rounds in all, with a growing, jittered pause between them.
 */
const LOCK_CONFLICT_ROUNDS = 8;
const LOCK_CONFLICT_CODES = new Set(['Neo.TransientError.Transaction.DeadlockDetected', 'Neo.TransientError.Transaction.LockClientStopped']);

/** One write transaction (`executeWrite`: retried on transient errors) writing these documents. */
export async function writeTransaction(driver: Driver, items: HashedDocument[], options: IngestOptions): Promise<WriteOutcome[]> {
  return executeWrite(driver, (tx) => writeDocuments(tx, items, options.afterStep), {
    database: options.database,
    timeoutMs: options.timeoutMs,
  });
}

/** Writes one validated document in its own transaction, retrying lock conflicts (see LOCK_CONFLICT_ROUNDS). */
export async function writeOne(driver: Driver, item: HashedDocument, source: string, options: IngestOptions): Promise<DocumentReport> {
  const articleId = item.doc.article.id;
  try {
    // pauses of 100 ms doubling up to 2 s, ±50%: loaders that collided once should not collide again
    const [outcome] = await withRetries(() => writeTransaction(driver, [item], options), {
      attempts: LOCK_CONFLICT_ROUNDS,
      firstDelayMs: 100,
      maxDelayMs: 2000,
      jitter: 0.5,
      retriable: isLockConflict,
    });
    return reportOutcome(source, articleId, outcome);
  } catch (error) {
    if (error instanceof Rejected) return { source, articleId, status: 'rejected', problems: error.problems };
    throw error;
  }
}

export function isLockConflict(error: unknown): boolean {
  return LOCK_CONFLICT_CODES.has((error as { code?: string })?.code ?? '');
}
