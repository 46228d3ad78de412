/**
 * The ingest benchmark: the same documents (the first `docs` of the archive) written into an empty graph by
 * each arm in turn (the graph is wiped between arms): for each batch size B, the product's ingester with B
 * documents per transaction and then the raw UNWIND baseline with B (side by side, so that both see the same
 * machine load), and the naive one-statement-per-fact writer (on fewer documents: it is slow).
 * Before any arm is measured, the arms warm Neo4j up: in passes, every arm writes its documents, unmeasured, until
 * a pass is no longer clearly faster than the one before (`settled`). Neo4j's JVM keeps JIT-compiling long after
 * the first documents: in a probe at S, its C2 compiler threads used more CPU than the Bolt worker running the
 * statements (13-21 against 6-11 ms per document) after one and even eight passes of 120 documents, and the product
 * at one document per transaction went from 25 ms per document (second pass) to 9 ms (twentieth), with Neo4j's
 * CPU per document from 25 to 6.5 ms. Measured on a JVM still compiling, the arms compete with the compiler for
 * the two cores, and whichever code path is hot sooner (the naive writer's 89 small statements per document) is
 * favoured. A single warm-up pass left the product at 11.7 ms per document in the full S run of 2026-11-27.
 * Then each arm writes a few documents unmeasured (its plans cached again) and is measured, in two rounds, the
 * second in reverse order; an arm's rate is over both (documents written ÷ seconds taken).
 */
import type { Driver } from 'neo4j-driver';
import { factsOf } from '../data/generate';
import { graphCounts, wipeDatabase } from '../lib/neo4j';
import { type IngestWriter, naiveWriter, productBatchWriter, rawWriter, type WriterStats } from './writers';

type Doc = Record<string, any>;

export interface IngestArmResult {
  arm: string;
  batchSize: number;
  docs: number;
  facts: number;
  /** per measured round (the mean of the two) */
  seconds: number;
  docsPerSec: number;
  factsPerSec: number;
  statementsPerDoc: number;
  transactions: number;
  rejected: number;
  /** product: batches rolled back and written again one document per transaction */
  retries?: number;
  nodes: number;
  relationships: number;
  /** product: the statements that took the most time, with their share of the arm's time */
  costliest?: Array<{ statement: string; count: number; msPerDoc: number; share: number }>;
}

/** The product and the raw baseline at one batch size. */
export interface IngestSweepRow {
  batchSize: number;
  productDocsPerSec: number;
  rawDocsPerSec: number;
  productStatementsPerDoc: number;
  rawStatementsPerDoc: number;
  /** product(B) ÷ raw(B) */
  productToRaw: number;
  /** product(B) ÷ naive */
  productToNaive: number;
}

export interface IngestResult {
  docs: number;
  naiveDocs: number;
  /** product (1 document per transaction), raw(batch=B) for each B, naive */
  arms: IngestArmResult[];
  /** the product at the other batch sizes: product(batch=B), B > 1 */
  productBatches: IngestArmResult[];
  /** product(B) next to raw(B), for each batch size */
  sweep: IngestSweepRow[];
  /** product ÷ raw at one document per transaction (the product's granularity) */
  ratioToRawSameBatch: number;
  /** product ÷ the fastest raw batch size */
  ratioToRawBest: number;
  ratioToNaive: number;
  /** the product's and the raw baseline's graphs hold the same number of nodes and relationships */
  sameGraph: boolean;
  /** seconds each warm-up pass took (every arm writing its documents once), in order */
  warmupPasses?: number[];
  /** the last warm-up pass was less than `settle` faster than the one before (else the most passes were reached) */
  warmupSettled?: boolean;
  /** set when these results were carried over from an earlier run (ISO date of that run) */
  carriedFrom?: string;
}

/** Warm-up passes: at least `min`, at most `max`; done once a pass is less than `settle` faster than the one before. */
export interface WarmupPolicy {
  min: number;
  max: number;
  settle: number;
}

export const DEFAULT_WARMUP: WarmupPolicy = { min: 5, max: 12, settle: 0.05 };

/** Whether the warm-up passes so far (seconds each) are enough under `policy`. */
export function settled(passes: number[], policy: WarmupPolicy): boolean {
  if (passes.length >= policy.max) return true;
  if (passes.length < policy.min) return false;
  const [before, last] = passes.slice(-2);
  return last > before * (1 - policy.settle);
}

export const BATCH_SIZES = [1, 10, 100];

export async function runIngestBench(
  driver: Driver,
  docs: Doc[],
  warmup: Doc[],
  opts: { naiveDocs: number; batchSizes?: number[]; warmup?: WarmupPolicy; log?: (line: string) => void },
): Promise<IngestResult> {
  const log = opts.log ?? (() => {});
  const sizes = opts.batchSizes ?? BATCH_SIZES;
  const arms: Array<{ writer: IngestWriter; batchSize: number; docs: Doc[] }> = [
    ...sizes.flatMap((b) => [
      { writer: productBatchWriter(b), batchSize: b, docs },
      { writer: rawWriter(b), batchSize: b, docs },
    ]),
    { writer: naiveWriter, batchSize: 1, docs: docs.slice(0, opts.naiveDocs) },
  ];
  const policy = opts.warmup ?? DEFAULT_WARMUP;
  const warmupPasses: number[] = [];
  while (!settled(warmupPasses, policy)) {
    const started = process.hrtime.bigint();
    for (const { writer, docs: set } of arms) {
      await wipeDatabase(driver);
      await writer.write(driver, set);
    }
    warmupPasses.push(Number(process.hrtime.bigint() - started) / 1e9);
    log(`[ingest] warm-up pass ${warmupPasses.length} (every arm writes its documents, unmeasured): ${warmupPasses.at(-1)!.toFixed(1)} s`);
  }
  // two measured rounds, the second in reverse order (A B … N, then N … B A), as the query bench does: a drift in
  // the shared machine's load, and whatever running first or last does, weighs on every arm alike
  const runs = new Map<IngestWriter, Array<{ seconds: number; stats: WriterStats }>>();
  const counts = new Map<IngestWriter, { nodes: number; relationships: number }>();
  for (const round of [arms, [...arms].reverse()]) {
    for (const { writer, docs: set } of round) {
      await wipeDatabase(driver);
      await writer.write(driver, warmup);
      await wipeDatabase(driver);
      const started = process.hrtime.bigint();
      const stats = await writer.write(driver, set);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      counts.set(writer, await graphCounts(driver));
      runs.set(writer, [...(runs.get(writer) ?? []), { seconds, stats }]);
      log(`[ingest] ${writer.name}: ${set.length} docs in ${seconds.toFixed(1)} s = ${(set.length / seconds).toFixed(1)} docs/s`);
    }
  }
  const results: IngestArmResult[] = [];
  for (const { writer, batchSize, docs: set } of arms) {
    const measured = runs.get(writer)!;
    const seconds = measured.reduce((a, m) => a + m.seconds, 0);
    const docsWritten = set.length * measured.length;
    const stats = measured[0].stats;
    const timings = new Map<string, { count: number; ms: number }>();
    for (const m of measured) {
      for (const [statement, t] of m.stats.timings ?? []) {
        const sum = timings.get(statement) ?? { count: 0, ms: 0 };
        timings.set(statement, { count: sum.count + t.count, ms: sum.ms + t.ms });
      }
    }
    const facts = set.reduce((n, d) => n + factsOf(d), 0);
    const r: IngestArmResult = {
      arm: writer.name,
      batchSize,
      docs: set.length,
      facts,
      seconds: seconds / measured.length,
      docsPerSec: docsWritten / seconds,
      factsPerSec: (facts * measured.length) / seconds,
      statementsPerDoc: stats.statements / set.length,
      transactions: stats.transactions,
      rejected: stats.rejected,
      ...(stats.retries !== undefined ? { retries: stats.retries } : {}),
      nodes: counts.get(writer)!.nodes,
      relationships: counts.get(writer)!.relationships,
    };
    if (timings.size) {
      r.costliest = [...timings.entries()]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 8)
        .map(([statement, t]) => ({ statement, count: t.count / measured.length, msPerDoc: t.ms / docsWritten, share: t.ms / (seconds * 1000) }));
    }
    results.push(r);
    log(
      `[ingest] ${r.arm}, both rounds: ${r.docsPerSec.toFixed(1)} docs/s, ${r.factsPerSec.toFixed(0)} facts/s, ` +
        `${r.statementsPerDoc.toFixed(2)} statements/doc, ${r.transactions} transactions${r.retries ? ` (${r.retries} batches retried one by one)` : ''}`,
    );
    for (const c of r.costliest?.slice(0, 4) ?? []) {
      log(`[ingest]     ${(c.share * 100).toFixed(0).padStart(3)}%  ${c.msPerDoc.toFixed(1).padStart(6)} ms/doc  ${c.count}×  ${c.statement}`);
    }
  }
  await wipeDatabase(driver);
  const products = results.filter((r) => r.arm.startsWith('product'));
  const product = products.find((r) => r.batchSize === 1) ?? products[0];
  const raws = results.filter((r) => r.arm.startsWith('raw'));
  const naive = results[results.length - 1];
  const sweep: IngestSweepRow[] = sizes.map((b) => {
    const p = products.find((r) => r.batchSize === b)!;
    const raw = raws.find((r) => r.batchSize === b)!;
    return {
      batchSize: b,
      productDocsPerSec: p.docsPerSec,
      rawDocsPerSec: raw.docsPerSec,
      productStatementsPerDoc: p.statementsPerDoc,
      rawStatementsPerDoc: raw.statementsPerDoc,
      productToRaw: p.docsPerSec / raw.docsPerSec,
      productToNaive: p.docsPerSec / naive.docsPerSec,
    };
  });
  log('[ingest] batch size | product docs/s | raw docs/s | product ÷ raw | product ÷ naive | statements/doc product / raw');
  for (const r of sweep) {
    log(
      `[ingest] ${String(r.batchSize).padStart(10)} | ${r.productDocsPerSec.toFixed(1).padStart(14)} | ${r.rawDocsPerSec.toFixed(1).padStart(10)} | ` +
        `${r.productToRaw.toFixed(2).padStart(13)} | ${r.productToNaive.toFixed(1).padStart(15)} | ${r.productStatementsPerDoc.toFixed(2)} / ${r.rawStatementsPerDoc.toFixed(2)}`,
    );
  }
  return {
    docs: docs.length,
    naiveDocs: naive.docs,
    arms: [product, ...raws, naive],
    productBatches: products.filter((r) => r !== product),
    sweep,
    ratioToRawSameBatch: product.docsPerSec / raws.find((r) => r.batchSize === 1)!.docsPerSec,
    ratioToRawBest: product.docsPerSec / Math.max(...raws.map((r) => r.docsPerSec)),
    ratioToNaive: product.docsPerSec / naive.docsPerSec,
    sameGraph: [...products, ...raws].every((r) => r.nodes === product.nodes && r.relationships === product.relationships),
    warmupPasses,
    warmupSettled: settled(warmupPasses, { ...policy, max: Infinity }),
  };
}
