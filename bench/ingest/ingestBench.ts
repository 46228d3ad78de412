/**
 * The ingest benchmark: the same documents (the first `docs` of the archive) written into an empty graph by
 * each arm in turn (the graph is wiped between arms): the product's ingester, the raw UNWIND baseline at
 * several batch sizes, and the naive one-statement-per-fact writer (on fewer documents: it is slow).
 * Every arm first writes a few other documents unmeasured (warm JIT and plan cache), then is measured.
 */
import type { Driver } from 'neo4j-driver';
import { factsOf } from '../data/generate';
import { graphCounts, wipeDatabase } from '../lib/neo4j';
import { type IngestWriter, naiveWriter, productWriter, rawWriter } from './writers';

type Doc = Record<string, any>;

export interface IngestArmResult {
  arm: string;
  batchSize: number;
  docs: number;
  facts: number;
  seconds: number;
  docsPerSec: number;
  factsPerSec: number;
  statementsPerDoc: number;
  transactions: number;
  rejected: number;
  nodes: number;
  relationships: number;
  /** product: the statements that took the most time, with their share of the arm's time */
  costliest?: Array<{ statement: string; count: number; msPerDoc: number; share: number }>;
}

export interface IngestResult {
  docs: number;
  naiveDocs: number;
  arms: IngestArmResult[];
  /** product ÷ raw at one document per transaction (the product's granularity) */
  ratioToRawSameBatch: number;
  /** product ÷ the fastest raw batch size */
  ratioToRawBest: number;
  ratioToNaive: number;
  /** the product's and the raw baseline's graphs hold the same number of nodes and relationships */
  sameGraph: boolean;
  /** set when these results were carried over from an earlier run (ISO date of that run) */
  carriedFrom?: string;
}

export const BATCH_SIZES = [1, 10, 100];

export async function runIngestBench(
  driver: Driver,
  docs: Doc[],
  warmup: Doc[],
  opts: { naiveDocs: number; batchSizes?: number[]; log?: (line: string) => void },
): Promise<IngestResult> {
  const log = opts.log ?? (() => {});
  const arms: Array<{ writer: IngestWriter; batchSize: number; docs: Doc[] }> = [
    { writer: productWriter, batchSize: 1, docs },
    ...(opts.batchSizes ?? BATCH_SIZES).map((b) => ({ writer: rawWriter(b), batchSize: b, docs })),
    { writer: naiveWriter, batchSize: 1, docs: docs.slice(0, opts.naiveDocs) },
  ];
  const results: IngestArmResult[] = [];
  for (const { writer, batchSize, docs: set } of arms) {
    await wipeDatabase(driver);
    await writer.write(driver, warmup);
    await wipeDatabase(driver);
    const started = process.hrtime.bigint();
    const stats = await writer.write(driver, set);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const counts = await graphCounts(driver);
    const facts = set.reduce((n, d) => n + factsOf(d), 0);
    const r: IngestArmResult = {
      arm: writer.name,
      batchSize,
      docs: set.length,
      facts,
      seconds,
      docsPerSec: set.length / seconds,
      factsPerSec: facts / seconds,
      statementsPerDoc: stats.statements / set.length,
      transactions: stats.transactions,
      rejected: stats.rejected,
      nodes: counts.nodes,
      relationships: counts.relationships,
    };
    if (stats.timings?.size) {
      r.costliest = [...stats.timings.entries()]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 8)
        .map(([statement, t]) => ({ statement, count: t.count, msPerDoc: t.ms / set.length, share: t.ms / (seconds * 1000) }));
    }
    results.push(r);
    log(`[ingest] ${r.arm}: ${r.docs} docs in ${seconds.toFixed(1)} s = ${r.docsPerSec.toFixed(1)} docs/s, ${r.factsPerSec.toFixed(0)} facts/s, ${r.statementsPerDoc.toFixed(1)} statements/doc`);
  }
  await wipeDatabase(driver);
  const product = results[0];
  const raws = results.filter((r) => r.arm.startsWith('raw'));
  const naive = results[results.length - 1];
  return {
    docs: docs.length,
    naiveDocs: naive.docs,
    arms: results,
    ratioToRawSameBatch: product.docsPerSec / raws.find((r) => r.batchSize === 1)!.docsPerSec,
    ratioToRawBest: product.docsPerSec / Math.max(...raws.map((r) => r.docsPerSec)),
    ratioToNaive: product.docsPerSec / naive.docsPerSec,
    sameGraph: raws.every((r) => r.nodes === product.nodes && r.relationships === product.relationships),
  };
}
