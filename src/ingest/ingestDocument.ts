import type { Driver } from 'neo4j-driver';
import { executeWrite } from '../graph';
import type { Problem } from './problem';
import { validateDocument } from './validate';
import { contentHash, type StepHook, type WriteCounts } from './writeArticle';
import { type HashedDocument, Rejected, writeDocuments, type WriteOutcome } from './writeDocuments';

export type IngestStatus = 'created' | 'updated' | 'unchanged' | 'rejected';

/** What happened to one document: the per-document line of an ingest report. */
export interface DocumentReport {
  /** where the document came from: a file, `file.ndjson:12`, or `request` */
  source: string;
  articleId?: string;
  status: IngestStatus;
  problems: Problem[];
  counts?: WriteCounts;
}

export interface IngestOptions {
  database?: string;
  /** transaction timeout in milliseconds (the server passes its per-request limit) */
  timeoutMs?: number;
  /** test seam: called after each write step inside the transaction */
  afterStep?: StepHook;
}

/**
 * Lock conflicts between concurrent loads (documents naming the same entities) are retried by executeWrite
 * (src/graph/executeWrite.ts), but only within TRANSACTION_RETRY_MS, kept short (src/graph/driver.ts) so that
 * API requests fail fast while Neo4j is down. Several busy loaders can need longer: a document whose transaction still
 * ends in a deadlock gets up to this many rounds in all, with a growing, jittered pause between them.
 */
const LOCK_CONFLICT_ROUNDS = 8;
const LOCK_CONFLICT_CODES = new Set(['Neo.TransientError.Transaction.DeadlockDetected', 'Neo.TransientError.Transaction.LockClientStopped']);

/**
 * Validates one parsed document and, when it is valid, writes it in one write transaction: all of it or
 * none of it. Identity problems found against the graph (ambiguous names, an id of another type) reject
 * the document and roll back. Re-loading identical content is detected by hash and writes nothing.
 */
export async function ingestDocument(
  driver: Driver,
  input: unknown,
  source: string,
  options: IngestOptions = {},
): Promise<DocumentReport> {
  const checked = checkDocument(input, source);
  if ('report' in checked) return checked.report;
  return writeOne(driver, checked, source, options);
}

/** The validated document with its hash, or the report that rejects it. */
export function checkDocument(input: unknown, source: string): HashedDocument | { report: DocumentReport } {
  const checked = validateDocument(input);
  if (!checked.ok) {
    const articleId = typeof (input as { article?: { id?: unknown } })?.article?.id === 'string'
      ? ((input as { article: { id: string } }).article.id)
      : undefined;
    return { report: { source, articleId, status: 'rejected', problems: checked.problems } };
  }
  return { doc: checked.document, hash: contentHash(checked.document) };
}

/** Writes one validated document in its own transaction, retrying lock conflicts (see LOCK_CONFLICT_ROUNDS). */
export async function writeOne(driver: Driver, item: HashedDocument, source: string, options: IngestOptions): Promise<DocumentReport> {
  const articleId = item.doc.article.id;
  for (let round = 1; ; round += 1) {
    try {
      const [outcome] = await writeTransaction(driver, [item], options);
      return report(source, articleId, outcome);
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

/** One write transaction (`executeWrite`: retried on transient errors) writing these documents. */
export async function writeTransaction(driver: Driver, items: HashedDocument[], options: IngestOptions): Promise<WriteOutcome[]> {
  return executeWrite(driver, (tx) => writeDocuments(tx, items, options.afterStep), {
    database: options.database,
    timeoutMs: options.timeoutMs,
  });
}

export function isLockConflict(error: unknown): boolean {
  return LOCK_CONFLICT_CODES.has((error as { code?: string })?.code ?? '');
}

export function report(source: string, articleId: string, outcome: WriteOutcome): DocumentReport {
  return outcome.status === 'unchanged'
    ? { source, articleId, status: 'unchanged', problems: [] }
    : { source, articleId, status: outcome.status, problems: [], counts: outcome.counts };
}
