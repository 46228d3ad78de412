import type { Driver } from 'neo4j-driver';
import { type BatchInput, type BatchOptions, type CheckedBatch, checkBatchInTurns, writeBatch } from './ingestBatch';
import type { DocumentReport, IngestStatus } from './documentReport';
import type { SourcedDocument } from './readDocuments';

export interface IngestSummary {
  reports: DocumentReport[];
  totals: Record<IngestStatus, number>;
  /** `signal` stopped the load before the end: `reports` are the documents loaded (or rejected) before it */
  stopped?: true;
}

export interface IngestAllOptions extends BatchOptions {
  /** documents per transaction (`ingestBatch`); 1, the default, is one transaction per document */
  batch?: number;
  onReport?: (report: DocumentReport) => void;
}

/**
 * Ingests documents in order, `batch` per transaction (one by default), calling `onReport` for each
 * document in order (for a batch, once the batch is written). Documents that could not be read are rejected.
 * The next batch is read and validated while one is being written.
 *
 * When `signal` aborts, no more documents are read or written: the transaction in flight is let finish (or
 * roll back) and awaited, and the summary (`stopped`) reports exactly the documents committed before it.
 */
export async function ingestAll(
  driver: Driver,
  documents: AsyncIterable<SourcedDocument> | Iterable<SourcedDocument>,
  options: IngestAllOptions = {},
): Promise<IngestSummary> {
  const size = options.batch ?? 1;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch must be a whole number of at least 1, not ${size}`);
  const reports: DocumentReport[] = [];
  const totals: Record<IngestStatus, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  let pending: SourcedDocument[] = [];
  /** the batch being written (at most one): awaited before the next is written, and at the end */
  let writing: Promise<void> = Promise.resolve();

  const write = async (batch: SourcedDocument[], inputs: BatchInput[], checked: CheckedBatch) => {
    const written = inputs.length > 0 ? await writeBatch(driver, inputs, checked, options) : [];
    let next = 0;
    for (const item of batch) {
      const report = 'problems' in item ? { source: item.source, status: 'rejected' as const, problems: item.problems } : written[next++];
      if (report === undefined) return; // the signal stopped the batch's documents being loaded one by one here
      reports.push(report);
      totals[report.status] += 1;
      options.onReport?.(report);
    }
  };
  const stopped = () => options.signal?.aborted === true;
  const flush = async () => {
    const batch = pending;
    pending = [];
    const inputs = batch.flatMap((item) => ('problems' in item ? [] : [item as BatchInput]));
    // validating and hashing needs nothing from the graph, so it is done while the previous batch's transaction
    // is still with Neo4j; the writes stay one after the other, in order, each seeing the ones before
    const checked = await checkBatchInTurns(inputs);
    await writing;
    if (stopped()) return; // read, never written: not reported
    writing = write(batch, inputs, checked);
    // handled where it is awaited (the next flush, or the end); this only keeps Node from calling it unhandled meanwhile
    writing.catch(() => {});
  };

  try {
    for await (const item of documents) {
      if (stopped()) break;
      pending.push(item);
      if (pending.length >= size) await flush();
    }
    if (!stopped()) await flush();
    await writing;
  } catch (error) {
    // a failed read of the documents: let the batch in flight finish (or fail) before the caller goes on
    await writing.catch(() => {});
    throw error;
  }
  return stopped() ? { reports, totals, stopped: true } : { reports, totals };
}
