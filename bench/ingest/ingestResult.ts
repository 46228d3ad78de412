/** What the ingest benchmark reports: each arm's rates, and the arms side by side. */
import { factsOf } from '../data/generate';
import { compileShare, type JvmCpu } from '../lib/jvmCpu';
import { settled, type WarmupPass, type WarmupPolicy } from './warmup';
import type { IngestWriter, WriterStats } from './writers';

type Doc = Record<string, any>;

export interface IngestArmResult {
  arm: string;
  batchSize: number;
  docs: number;
  facts: number;
  /** per measured round (their mean) */
  seconds: number;
  /** documents per second in each measured round, in the order they ran */
  roundDocsPerSec?: number[];
  /** how many times the arm wrote its documents in each measured round (`MIN_ROUND_SECONDS`) */
  writesPerRound?: number[];
  docsPerSec: number;
  factsPerSec: number;
  statementsPerDoc: number;
  transactions: number;
  rejected: number;
  /** product: batches rolled back and written again one document per transaction */
  retries?: number;
  nodes: number;
  relationships: number;
  /** the share of the Neo4j JVM's CPU its JIT compiler threads used while this arm was measured (embedded Neo4j only) */
  compileShare?: number;
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
  /**
   * diagnostic: product(1)'s own statements, replayed one transaction per document without its client-side work
   * (`replayWriter`), measured in the same rounds; absent from results of runs before it existed
   */
  replay?: IngestArmResult;
  /** replay ÷ naive: how far above naive one transaction per document gets with the product's database work alone */
  replayToNaive?: number;
  /** replay ÷ naive in each measured round */
  replayToNaiveByRound?: number[];
  /** product(1) ÷ replay: what the product keeps of the replay's rate once its Node side runs too */
  productToReplay?: number;
  /** product ÷ the fastest raw batch size */
  ratioToRawBest: number;
  ratioToNaive: number;
  /** product(1) ÷ naive in each measured round (how far one round's reading can be from the rate over all) */
  ratioToNaiveByRound?: number[];
  /** the product's and the raw baseline's graphs hold the same number of nodes and relationships */
  sameGraph: boolean;
  /** seconds each warm-up pass took (every arm writing its documents once), in order */
  warmupPasses?: number[];
  /** the share of the Neo4j JVM's CPU its JIT compiler threads used in each warm-up pass (embedded Neo4j only) */
  warmupCompileShares?: number[];
  /** the warm-up ended by its rule (`settled`), not by reaching the most passes */
  warmupSettled?: boolean;
  /** set when these results were carried over from an earlier run (ISO date of that run) */
  carriedFrom?: string;
}

/** One arm's measured round: the timed seconds of its writes (the wipes between them untimed) and each write's stats. */
export interface MeasuredRound {
  seconds: number;
  writes: WriterStats[];
  cpu?: JvmCpu;
}

/** One arm's rates over all its measured rounds, and the statements that cost it most. */
export function armResult(
  writer: IngestWriter,
  batchSize: number,
  set: Doc[],
  measured: MeasuredRound[],
  count: { nodes: number; relationships: number },
): IngestArmResult {
  const seconds = measured.reduce((a, m) => a + m.seconds, 0);
  const writes = measured.flatMap((m) => m.writes);
  const docsWritten = set.length * writes.length;
  const stats = writes[0];
  const timings = new Map<string, { count: number; ms: number }>();
  for (const w of writes) {
    for (const [statement, t] of w.timings ?? []) {
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
    roundDocsPerSec: measured.map((m) => (set.length * m.writes.length) / m.seconds),
    writesPerRound: measured.map((m) => m.writes.length),
    factsPerSec: (facts * writes.length) / seconds,
    statementsPerDoc: stats.statements / set.length,
    transactions: stats.transactions,
    rejected: stats.rejected,
    ...(stats.retries !== undefined ? { retries: stats.retries } : {}),
    nodes: count.nodes,
    relationships: count.relationships,
  };
  if (measured.every((m) => m.cpu)) {
    r.compileShare = compileShare({
      totalMs: measured.reduce((a, m) => a + m.cpu!.totalMs, 0),
      compilerMs: measured.reduce((a, m) => a + m.cpu!.compilerMs, 0),
    });
  }
  if (timings.size) {
    r.costliest = [...timings.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 8)
      .map(([statement, t]) => ({ statement, count: t.count / writes.length, msPerDoc: t.ms / docsWritten, share: t.ms / (seconds * 1000) }));
  }
  return r;
}

/** The arms side by side: product(B) next to raw(B), and the product and its replay against naive (the last arm). */
export function ingestResult(
  docs: Doc[],
  sizes: number[],
  results: IngestArmResult[],
  replayName: string,
  passes: WarmupPass[],
  policy: WarmupPolicy,
  log: (line: string) => void,
): IngestResult {
  const replayed = results.find((r) => r.arm === replayName)!;
  const products = results.filter((r) => r.arm.startsWith('product') && r !== replayed);
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
    ratioToNaiveByRound: product.roundDocsPerSec!.map((x, k) => x / naive.roundDocsPerSec![k]),
    replay: replayed,
    replayToNaive: replayed.docsPerSec / naive.docsPerSec,
    replayToNaiveByRound: replayed.roundDocsPerSec!.map((x, k) => x / naive.roundDocsPerSec![k]),
    productToReplay: product.docsPerSec / replayed.docsPerSec,
    sameGraph: [...products, replayed, ...raws].every((r) => r.nodes === product.nodes && r.relationships === product.relationships),
    warmupPasses: passes.map((p) => p.seconds),
    ...(passes.every((p) => p.compileShare !== undefined) ? { warmupCompileShares: passes.map((p) => p.compileShare!) } : {}),
    warmupSettled: settled(passes, policy).byRule,
  };
}
