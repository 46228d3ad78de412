import type { WriteCounts } from './factRows';
import type { Problem } from './problem';
import type { StepHook, WriteOutcome } from './writeDocuments';

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

/** The report of a document that was written (or found unchanged). */
export function reportOutcome(source: string, articleId: string, outcome: WriteOutcome): DocumentReport {
  return outcome.status === 'unchanged'
    ? { source, articleId, status: 'unchanged', problems: [] }
    : { source, articleId, status: outcome.status, problems: [], counts: outcome.counts };
}
