import type { Driver } from 'neo4j-driver';
import { type BatchInput, type BatchOptions, ingestBatch } from './ingestBatch';
import type { DocumentReport, IngestStatus } from './ingestDocument';
import type { SourcedDocument } from './readDocuments';

export interface IngestSummary {
  reports: DocumentReport[];
  totals: Record<IngestStatus, number>;
}

export interface IngestAllOptions extends BatchOptions {
  /** documents per transaction (`ingestBatch`); 1, the default, is one transaction per document */
  batch?: number;
  onReport?: (report: DocumentReport) => void;
}

/**
 * Ingests documents in order, `batch` per transaction (one by default), calling `onReport` for each
 * document in order (for a batch, once the batch is written). Documents that could not be read are rejected.
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

  const flush = async () => {
    const batch = pending;
    pending = [];
    const inputs = batch.flatMap((item) => ('problems' in item ? [] : [item as BatchInput]));
    const written = inputs.length > 0 ? await ingestBatch(driver, inputs, options) : [];
    let next = 0;
    for (const item of batch) {
      const report = 'problems' in item ? { source: item.source, status: 'rejected' as const, problems: item.problems } : written[next++];
      reports.push(report);
      totals[report.status] += 1;
      options.onReport?.(report);
    }
  };

  for await (const item of documents) {
    pending.push(item);
    if (pending.length >= size) await flush();
  }
  await flush();
  return { reports, totals };
}
