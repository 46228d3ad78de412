import type { Driver } from 'neo4j-driver';
import { type DocumentReport, ingestDocument, type IngestOptions, type IngestStatus } from './ingestDocument';
import type { SourcedDocument } from './readDocuments';

export interface IngestSummary {
  reports: DocumentReport[];
  totals: Record<IngestStatus, number>;
}

/** Ingests documents one after another (one transaction each), calling `onReport` after each. */
export async function ingestAll(
  driver: Driver,
  documents: AsyncIterable<SourcedDocument> | Iterable<SourcedDocument>,
  options: IngestOptions & { onReport?: (report: DocumentReport) => void } = {},
): Promise<IngestSummary> {
  const reports: DocumentReport[] = [];
  const totals: Record<IngestStatus, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for await (const item of documents) {
    const report =
      'problems' in item
        ? { source: item.source, status: 'rejected' as const, problems: item.problems }
        : await ingestDocument(driver, item.document, item.source, options);
    reports.push(report);
    totals[report.status] += 1;
    options.onReport?.(report);
  }
  return { reports, totals };
}
