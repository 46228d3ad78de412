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
import { buildCompiledProduct } from '../lib/compiledProduct';
import { compileShare, cpuBetween, type JvmCpu, readJvmCpu } from '../lib/jvmCpu';
import { graphCounts, wipeDatabase } from '../lib/neo4j';
import { armResult, type IngestArmResult, type IngestResult, ingestResult, type MeasuredRound } from './ingestResult';
import { DEFAULT_WARMUP, settled, type WarmupPass, type WarmupPolicy } from './warmup';
import { type IngestWriter, naiveWriter, productBatchWriter, rawWriter, recordProductStatements, replayWriter } from './writers';

export type { IngestArmResult, IngestResult, IngestSweepRow } from './ingestResult';
export { DEFAULT_WARMUP, settled, type WarmupPass, type WarmupPolicy } from './warmup';

type Doc = Record<string, any>;

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

type Arm = { writer: IngestWriter; batchSize: number; docs: Doc[] };
type Log = (line: string) => void;
type ReadJvm = () => JvmCpu | undefined;

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
  const arms: Arm[] = [
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
  const passes = await warmUp(driver, arms, policy, jvm, log);
  const { runs, counts } = await measureRounds(driver, arms, warmup, opts.minRoundSeconds ?? MIN_ROUND_SECONDS, jvm, log);
  const results: IngestArmResult[] = [];
  for (const { writer, batchSize, docs: set } of arms) {
    const r = armResult(writer, batchSize, set, runs.get(writer)!, counts.get(writer)!);
    results.push(r);
    log(
      `[ingest] ${r.arm}, all ${runs.get(writer)!.length} rounds: ${r.docsPerSec.toFixed(1)} docs/s, ${r.factsPerSec.toFixed(0)} facts/s, ` +
        `${r.statementsPerDoc.toFixed(2)} statements/doc, ${r.transactions} transactions${r.retries ? ` (${r.retries} batches retried one by one)` : ''}`,
    );
    for (const c of r.costliest?.slice(0, 4) ?? []) {
      log(`[ingest]     ${(c.share * 100).toFixed(0).padStart(3)}%  ${c.msPerDoc.toFixed(1).padStart(6)} ms/doc  ${c.count}×  ${c.statement}`);
    }
  }
  await wipeDatabase(driver);
  return ingestResult(docs, sizes, results, replay.name, passes, policy, log);
}

/** Every arm writes its documents, unmeasured, in passes until Neo4j's JIT has settled (`settled`). */
async function warmUp(driver: Driver, arms: Arm[], policy: WarmupPolicy, jvm: ReadJvm, log: Log): Promise<WarmupPass[]> {
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
  return passes;
}

/**
 * The measured rounds, alternately in reverse order (A B … N, then N … B A), as the query bench does: a drift in
 * the shared machine's load, and whatever running first or last does, weighs on every arm alike.
 */
async function measureRounds(driver: Driver, arms: Arm[], warmup: Doc[], minRoundSeconds: number, jvm: ReadJvm, log: Log) {
  const runs = new Map<IngestWriter, MeasuredRound[]>();
  const counts = new Map<IngestWriter, { nodes: number; relationships: number }>();
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
  return { runs, counts };
}
