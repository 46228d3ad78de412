/**
 * The three ingest arms, each writing the same facts of the same documents into an empty graph:
 *
 * - `product`: the product's ingester (`ingestAll`: validation, identity resolution, `batchSize` documents
 *   per transaction — 1 is the API's `ingestDocument` — all facts in one UNWIND statement, re-derivation of
 *   the touched entities once per batch).
 * - `raw`: a hand-written baseline, the practical limit: `batchSize` documents per transaction, identity
 *   resolved with one NameKey lookup per batch, then one `UNWIND … MERGE` statement per kind of fact (per
 *   label / relationship type) for the whole batch. It trusts its input (no validation), writes only what a
 *   fresh load needs (no "forget the previous version of this article"), and derives entity names on the fly.
 * - `naive`: one auto-commit statement per fact (`session.run` for each entity, name key, mention, event,
 *   participant, relation and figure), the way a first script would do it.
 *
 * And a diagnostic, `replayWriter`: product(1)'s own statements sent again without its client-side work.
 *
 * All three produce the same nodes and relationships (entities by the same identity rules, mentions,
 * name keys, events, participations, locations, relations with claim lists, figures, and the search keys and
 * duplicate-candidate blocking keys, computed with the product's `searchKeysOf`).
 */
import type { Driver } from 'neo4j-driver';

type Doc = Record<string, any>;

export interface WriterStats {
  /** Cypher statements sent (round trips to Neo4j) */
  statements: number;
  /** product writer: time per statement (first words of the Cypher → count, total ms) */
  timings?: Map<string, { count: number; ms: number }>;
  transactions: number;
  rejected: number;
  /** product writer: batches rolled back and written again one document per transaction */
  retries?: number;
}

export interface IngestWriter {
  name: string;
  /** writes the documents (in order); `batchSize` is how many documents one transaction holds, where it applies */
  write(driver: Driver, docs: Doc[]): Promise<WriterStats>;
}

export { naiveWriter } from './naiveWriter';
export { productBatchWriter, productWriter, recordProductStatements, replayWriter, type StatementRecording } from './productWriters';
export { rawWriter } from './rawWriter';
