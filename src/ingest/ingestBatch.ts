import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import { type DocumentReport, type IngestOptions, reportOutcome } from './documentReport';
import { checkDocument } from './ingestDocument';
import { writeOne, writeTransaction } from './writeTransaction';
import type { HashedDocument } from './writeDocuments';

/** Most documents one transaction may hold (`kg ingest --batch`). */
export const MAX_BATCH = 1000;
/** What `kg ingest` writes per transaction unless told otherwise. */
export const DEFAULT_BATCH = 50;

export interface BatchOptions extends IngestOptions {
  /**
   * Called when a batch's transaction was rolled back (a rejected document, a failure) and its documents are
   * about to be loaded one by one, with their sources and the reason (`Rejected` or the error).
   */
  onRetry?: (sources: string[], reason: unknown) => void;
  /**
   * Stops a load between transactions (`ingestAll`), and between the documents of a batch being loaded again one
   * by one: the reports then end with the last document written.
   */
  signal?: AbortSignal;
}

/** One document to load: parsed JSON and where it came from. */
export interface BatchInput {
  source: string;
  document: unknown;
}

/**
 * Loads several documents in one write transaction, with the result of loading them one by one: the same
 * graph, the same reports (`writeDocuments`: later documents see earlier ones).
 *
 * Every document is validated first; an invalid one is rejected and left out. When the transaction fails
 * (after the driver's retries) or identity resolution rejects any of its documents, it is rolled back and
 * the batch is loaded again one document per transaction (`ingestDocument`), so that the good documents
 * land and the bad one is reported with its problems. An error that recurs there (the database is gone)
 * is thrown, as `ingestDocument` throws it: the documents before it are loaded, those after it are not.
 */
export async function ingestBatch(driver: Driver, inputs: BatchInput[], options: BatchOptions = {}): Promise<DocumentReport[]> {
  return writeBatch(driver, inputs, checkBatch(inputs), options);
}

/** Each document of a batch validated and hashed, or the report that rejects it (`checkDocument`), in order. */
export type CheckedBatch = Array<HashedDocument | { report: DocumentReport }>;

export function checkBatch(inputs: BatchInput[]): CheckedBatch {
  return inputs.map(({ document, source }) => checkDocument(document, source));
}

/**
 * `checkBatch` a document at a time, letting the event loop run between documents: when another batch is being
 * written meanwhile (`ingestAll`), its replies from Neo4j are handled as they come, and its next statement
 * built and sent, instead of waiting for the whole of this batch's validation.
 */
export async function checkBatchInTurns(inputs: BatchInput[]): Promise<CheckedBatch> {
  const checked: CheckedBatch = [];
  for (const { document, source } of inputs) {
    checked.push(checkDocument(document, source));
    await nextTurn();
  }
  return checked;
}

/**
 * `ingestBatch` for documents checked already (`checkBatch` of the same inputs): `ingestAll` checks the next
 * batch while this one's transaction is with Neo4j.
 */
export async function writeBatch(driver: Driver, inputs: BatchInput[], checkedBatch: CheckedBatch, options: BatchOptions = {}): Promise<DocumentReport[]> {
  const reports: DocumentReport[] = new Array(inputs.length);
  const valid: Array<{ index: number; item: HashedDocument }> = [];
  checkedBatch.forEach((checked, index) => {
    if ('report' in checked) reports[index] = checked.report;
    else valid.push({ index, item: checked });
  });
  if (valid.length === 1) {
    const [{ index, item }] = valid;
    reports[index] = await writeOne(driver, item, inputs[index].source, options);
  } else if (valid.length > 1) {
    let outcomes;
    try {
      outcomes = await writeTransaction(driver, valid.map((v) => v.item), options);
    } catch (reason) {
      // rolled back: a rejected document, a failure or unresolved lock conflicts; one transaction each
      options.onRetry?.(valid.map((v) => inputs[v.index].source), reason);
      for (const { index, item } of valid) {
        if (options.signal?.aborted) return reports.slice(0, index);
        reports[index] = await writeOne(driver, item, inputs[index].source, options);
      }
      return reports;
    }
    valid.forEach(({ index, item }, k) => (reports[index] = reportOutcome(inputs[index].source, item.doc.article.id, outcomes[k])));
  }
  return reports;
}
