/** The product's own ingester as an arm, and the replay of its statements (a diagnostic). */
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { COMPILED_SRC } from '../lib/compiledProduct';
import { countingDriver, type StatementCounter } from '../lib/countingDriver';
import type { IngestWriter, WriterStats } from './writers';

type Doc = Record<string, any>;

/**
 * The product's loader and transaction runner as `npm start` runs them: compiled into dist/ (the bench builds it
 * first, `buildCompiledProduct`), as the query arms load the product, and not through tsx, whose transform adds
 * a `__name` call for every closure created: in a CPU profile of product(100), 8% of Node's time, in validation.
 */
function compiledProduct(): {
  ingestAll: typeof import('../../src/ingest/ingestAll').ingestAll;
  executeWrite: typeof import('../../src/graph/executeWrite').executeWrite;
} {
  return {
    ingestAll: require(path.join(COMPILED_SRC, 'ingest', 'ingestAll')).ingestAll,
    executeWrite: require(path.join(COMPILED_SRC, 'graph', 'executeWrite')).executeWrite,
  };
}

/**
 * The product's ingester, `batchSize` documents per transaction: `ingestAll`, the loader of `kg ingest` and
 * `npm start` (`ingestBatch` per batch, the next batch validated while one is written; 1 is `ingestDocument`'s
 * one transaction per document, the API's granularity), compiled (`compiledProduct`). Statements counted and
 * timed by wrapping tx.run.
 */
export function productBatchWriter(batchSize: number): IngestWriter {
  return {
    name: batchSize === 1 ? 'product' : `product(batch=${batchSize})`,
    async write(driver, docs) {
      const stats: WriterStats = { statements: 0, transactions: 0, rejected: 0, retries: 0, timings: new Map() };
      const counting = countingDriver(driver, stats);
      const { totals, reports } = await compiledProduct().ingestAll(counting, docs.map((d) => ({ source: d.article.id, document: d })), {
        batch: batchSize,
        onRetry: (sources) => {
          stats.retries! += 1;
          stats.transactions += sources.length; // then one transaction each, after the one rolled back
        },
      });
      stats.transactions += Math.ceil(docs.length / batchSize);
      stats.rejected = totals.rejected;
      for (const report of reports.filter((r) => r.status === 'rejected').slice(0, 3)) {
        process.stderr.write(`[ingest] rejected ${report.articleId}: ${JSON.stringify(report.problems.slice(0, 3))}\n`);
      }
      return stats;
    },
  };
}

/** The product's ingester at its API granularity: one document per transaction. */
export const productWriter: IngestWriter = productBatchWriter(1);

/** The statements one product(1) load sent, by article id, in the order sent (`recordProductStatements`). */
export type StatementRecording = Map<string, NonNullable<StatementCounter['sent']>>;

/**
 * Loads the documents with product(1), in order, and records the statements of each one's transaction. In an
 * empty graph, and with no other writer, a load is deterministic: loading the same documents in the same order
 * into an empty graph sends the same statements with the same parameters, which is what `replayWriter` relies
 * on. Throws when a document took other than one transaction (a retry would have recorded statements twice).
 */
export async function recordProductStatements(driver: Driver, docs: Doc[]): Promise<StatementRecording> {
  const recording: StatementRecording = new Map();
  const counter: StatementCounter = { statements: 0 };
  const recordingDriver = countingDriver(driver, counter);
  for (const doc of docs) {
    counter.sent = [];
    const stats = await productWriter.write(recordingDriver, [doc]);
    if (stats.transactions !== 1 || stats.rejected !== 0) {
      throw new Error(`recording ${doc.article.id}: ${stats.transactions} transaction(s), ${stats.rejected} rejected; expected one transaction that loads it`);
    }
    recording.set(doc.article.id, counter.sent);
  }
  return recording;
}

/**
 * A diagnostic arm, not a writer anyone would use: product(1)'s own statements (`recordProductStatements`),
 * sent again one transaction per document through the product's `executeWrite` (compiled), with none of the product's
 * client-side work (validation, identity decisions, building parameters, deriving). Its rate is what one
 * transaction per document gets with the product's database work alone; product(1) ÷ it is the share of that
 * the product keeps once its Node side runs too. Written into an empty graph in the recorded order, it leaves
 * the graph product(1) leaves.
 */
export function replayWriter(recording: StatementRecording): IngestWriter {
  return {
    name: 'replayed product statements',
    async write(driver, docs) {
      const stats: WriterStats = { statements: 0, transactions: 0, rejected: 0 };
      for (const doc of docs) {
        const statements = recording.get(doc.article.id);
        if (!statements) throw new Error(`no recorded statements for ${doc.article.id}: record the documents first`);
        await compiledProduct().executeWrite(driver, async (tx) => {
          for (const { cypher, parameters } of statements) await tx.run(cypher, parameters);
        });
        stats.statements += statements.length;
        stats.transactions += 1;
      }
      return stats;
    },
  };
}
