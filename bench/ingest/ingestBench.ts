/**
 * The ingest benchmark: the same documents (the first `docs` of the archive) written into an empty graph by
 * each arm in turn (the graph is wiped between arms): for each batch size B, the product's ingester with B
 * documents per transaction and then the raw UNWIND baseline with B (side by side, so that both see the same
 * machine load), and the naive one-statement-per-fact writer (on fewer documents: it is slow).
 * Before any arm is measured, the arms warm Neo4j up: in passes, every arm writes its documents, unmeasured, until
 * Neo4j's JIT has settled (`settled`). Its JVM keeps JIT-compiling long after the first documents: in a probe at M
 * (product and naive in turns, 200 and 30 documents a pass), its C2 compiler thread used 10 ms of CPU per product
 * document in the third pass, against the Bolt worker's 6, and the product went from 14 to 7.1-7.8 ms per document
 * by the twelfth pass, when the compiler's share had fallen to a few per cent. Measured on a JVM still compiling,
 * the arms compete with the compiler for the two cores. So, with the embedded Neo4j (whose process /proc can
 * read), a pass counts as settled when the compiler threads used at most `compileShare` of the JVM's CPU during
 * it; with another server, when a pass is less than `settle` faster than the one before (a noisier reading: the
 * committed M run of 2026-11-27 stopped after 5 passes by it, with the product still far from its steady rate).
 * The arms run with source-mapped stack traces off, as the product does in production (`npm start` runs
 * compiled JavaScript): the driver reads a stack trace per statement, which with source maps cost the naive
 * writer, at some 90 statements per document, several ms of Node CPU per document. The product's arms run its
 * compiled JavaScript too (built first, as the query arms do).
 * Then each arm writes a few documents unmeasured (its plans cached again) and is measured, in `MEASURED_ROUNDS`
 * rounds, every other one in reverse order; an arm's rate is over all of them (documents written ÷ seconds
 * taken). In a round, an arm that writes its documents in less than `MIN_ROUND_SECONDS` writes them again. On
 * these shared two-core machines one round of product(1) can be 40% faster than the one before.
 */
import type { Driver } from 'neo4j-driver';
import { factsOf } from '../data/generate';
import { buildCompiledProduct } from '../lib/compiledProduct';
import { compileShare, cpuBetween, type JvmCpu, readJvmCpu } from '../lib/jvmCpu';
import { graphCounts, wipeDatabase } from '../lib/neo4j';
import { type IngestWriter, naiveWriter, productBatchWriter, rawWriter, recordProductStatements, replayWriter, type WriterStats } from './writers';

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

/**
 * Warm-up passes: at least `min`, at most `max`. Done once a pass's JIT compiler threads used at most
 * `compileShare` of the JVM's CPU, or, where that cannot be read, once a pass is less than `settle` faster than
 * the one before.
 */
export interface WarmupPolicy {
  min: number;
  max: number;
  settle: number;
  compileShare: number;
}

export const DEFAULT_WARMUP: WarmupPolicy = { min: 3, max: 30, settle: 0.05, compileShare: 0.05 };

/** One warm-up pass: its seconds, and its JIT compiler share when the JVM could be read. */
export interface WarmupPass {
  seconds: number;
  compileShare?: number;
}

/** Whether the warm-up passes so far are enough under `policy`, and whether by its rule (not by reaching `max`). */
export function settled(passes: WarmupPass[], policy: WarmupPolicy): { done: boolean; byRule: boolean } {
  const byRule = ((): boolean => {
    if (passes.length < Math.max(policy.min, 1)) return false;
    const last = passes[passes.length - 1];
    if (last.compileShare !== undefined) return last.compileShare <= policy.compileShare;
    if (passes.length < 2) return false;
    return last.seconds > passes[passes.length - 2].seconds * (1 - policy.settle);
  })();
  return { done: byRule || passes.length >= policy.max, byRule };
}

export const BATCH_SIZES = [1, 10, 100];

/** Measured rounds: A B … N, then N … B A, and again. */
export const MEASURED_ROUNDS = 4;

/**
 * The least time an arm is measured for in a round: an arm that writes its documents faster writes them again
 * (into a wiped graph) until its writes add up to this, at most `MAX_WRITES_PER_ROUND` times. At S, product(100)
 * and raw(100) write 300 documents in three transactions and about a second: with one write per round, a single
 * slow transaction moved a round's product(100) ÷ raw(100) anywhere from 0.62 to 1.13.
 */
export const MIN_ROUND_SECONDS = 4;
export const MAX_WRITES_PER_ROUND = 10;

/** One arm's measured round: the timed seconds of its writes (the wipes between them untimed) and each write's stats. */
interface MeasuredRound {
  seconds: number;
  writes: WriterStats[];
  cpu?: JvmCpu;
}

/** The CPU of several writes together; unknown when any of them is. */
function sumCpu(parts: Array<JvmCpu | undefined>): JvmCpu | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.reduce<JvmCpu>((a, p) => ({ totalMs: a.totalMs + p!.totalMs, compilerMs: a.compilerMs + p!.compilerMs }), { totalMs: 0, compilerMs: 0 });
}

export async function runIngestBench(
  driver: Driver,
  docs: Doc[],
  warmup: Doc[],
  opts: {
    naiveDocs: number;
    batchSizes?: number[];
    warmup?: WarmupPolicy;
    /** the least timed seconds of an arm in a round (`MIN_ROUND_SECONDS` unless told) */
    minRoundSeconds?: number;
    /** the embedded Neo4j's process id: its JIT compiler share decides when the warm-up is done */
    jvmPid?: number;
    log?: (line: string) => void;
  },
): Promise<IngestResult> {
  buildCompiledProduct();
  const sourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    return await measureIngest(driver, docs, warmup, opts);
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
  }
}

async function measureIngest(
  driver: Driver,
  docs: Doc[],
  warmup: Doc[],
  opts: Parameters<typeof runIngestBench>[3],
): Promise<IngestResult> {
  const log = opts.log ?? (() => {});
  const sizes = opts.batchSizes ?? BATCH_SIZES;
  // the warm-up documents are the first of `docs`, so the recording of `docs` in order covers them too
  await wipeDatabase(driver);
  const replay = replayWriter(await recordProductStatements(driver, docs));
  const arms: Array<{ writer: IngestWriter; batchSize: number; docs: Doc[] }> = [
    ...sizes.flatMap((b) => [
      { writer: productBatchWriter(b), batchSize: b, docs },
      { writer: rawWriter(b), batchSize: b, docs },
    ]),
    // one transaction per document whatever the batch sizes swept, so it is always there to compare with naive
    { writer: replay, batchSize: 1, docs },
    { writer: naiveWriter, batchSize: 1, docs: docs.slice(0, opts.naiveDocs) },
  ];
  const policy = opts.warmup ?? DEFAULT_WARMUP;
  const jvm = () => (opts.jvmPid === undefined ? undefined : readJvmCpu(opts.jvmPid));
  const passes: WarmupPass[] = [];
  while (!settled(passes, policy).done) {
    const started = process.hrtime.bigint();
    const cpu = jvm();
    for (const { writer, docs: set } of arms) {
      await wipeDatabase(driver);
      await writer.write(driver, set);
    }
    const pass = { seconds: Number(process.hrtime.bigint() - started) / 1e9, compileShare: compileShare(cpuBetween(cpu, jvm())) };
    passes.push(pass);
    log(
      `[ingest] warm-up pass ${passes.length} (every arm writes its documents, unmeasured): ${pass.seconds.toFixed(1)} s` +
        (pass.compileShare === undefined ? '' : `, Neo4j's JIT compilers ${(pass.compileShare * 100).toFixed(1)}% of its CPU`),
    );
  }
  // measured rounds alternately in reverse order (A B … N, then N … B A), as the query bench does: a drift in the
  // shared machine's load, and whatever running first or last does, weighs on every arm alike
  const runs = new Map<IngestWriter, MeasuredRound[]>();
  const counts = new Map<IngestWriter, { nodes: number; relationships: number }>();
  const minRoundSeconds = opts.minRoundSeconds ?? MIN_ROUND_SECONDS;
  for (const round of Array.from({ length: MEASURED_ROUNDS }, (_, k) => (k % 2 === 0 ? arms : [...arms].reverse()))) {
    for (const { writer, docs: set } of round) {
      await wipeDatabase(driver);
      await writer.write(driver, warmup);
      const measured: MeasuredRound = { seconds: 0, writes: [] };
      const cpus: Array<JvmCpu | undefined> = [];
      // a fast arm writes its documents again (into a wiped graph, the wipe untimed) until the round is long enough
      while (measured.writes.length < MAX_WRITES_PER_ROUND && (measured.writes.length === 0 || measured.seconds < minRoundSeconds)) {
        await wipeDatabase(driver);
        const cpuBefore = jvm();
        const started = process.hrtime.bigint();
        const stats = await writer.write(driver, set);
        measured.seconds += Number(process.hrtime.bigint() - started) / 1e9;
        measured.writes.push(stats);
        cpus.push(cpuBetween(cpuBefore, jvm()));
      }
      measured.cpu = sumCpu(cpus);
      counts.set(writer, await graphCounts(driver));
      runs.set(writer, [...(runs.get(writer) ?? []), measured]);
      const share = compileShare(measured.cpu);
      const written = set.length * measured.writes.length;
      log(
        `[ingest] ${writer.name}: ${written} docs (${measured.writes.length} × ${set.length}) in ${measured.seconds.toFixed(1)} s = ` +
          `${(written / measured.seconds).toFixed(1)} docs/s` +
          (share === undefined ? '' : ` (Neo4j's JIT compilers ${(share * 100).toFixed(1)}% of its CPU)`),
      );
    }
  }
  const results: IngestArmResult[] = [];
  for (const { writer, batchSize, docs: set } of arms) {
    const measured = runs.get(writer)!;
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
      nodes: counts.get(writer)!.nodes,
      relationships: counts.get(writer)!.relationships,
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
    results.push(r);
    log(
      `[ingest] ${r.arm}, all ${measured.length} rounds: ${r.docsPerSec.toFixed(1)} docs/s, ${r.factsPerSec.toFixed(0)} facts/s, ` +
        `${r.statementsPerDoc.toFixed(2)} statements/doc, ${r.transactions} transactions${r.retries ? ` (${r.retries} batches retried one by one)` : ''}`,
    );
    for (const c of r.costliest?.slice(0, 4) ?? []) {
      log(`[ingest]     ${(c.share * 100).toFixed(0).padStart(3)}%  ${c.msPerDoc.toFixed(1).padStart(6)} ms/doc  ${c.count}×  ${c.statement}`);
    }
  }
  await wipeDatabase(driver);
  const replayed = results.find((r) => r.arm === replay.name)!;
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
