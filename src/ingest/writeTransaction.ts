import type { Driver } from 'neo4j-driver';
import { executeWrite } from '../graph';
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
  for (let round = 1; ; round += 1) {
    try {
      const [outcome] = await writeTransaction(driver, [item], options);
      return reportOutcome(source, articleId, outcome);
    } catch (error) {
      if (error instanceof Rejected) return { source, articleId, status: 'rejected', problems: error.problems };
      if (round < LOCK_CONFLICT_ROUNDS && isLockConflict(error)) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** round) * (0.5 + Math.random())));
        continue;
      }
      throw error;
    }
  }
}

export function isLockConflict(error: unknown): boolean {
  return LOCK_CONFLICT_CODES.has((error as { code?: string })?.code ?? '');
}
