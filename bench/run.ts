/**
 * `npm run bench -- --size tiny|S|M|L [--only ingest|query] [options]`
 *
 *   --size S              archive size (tiny, S ≈ 10k entities, M ≈ 100k, L ≈ 320k entities / 1.3M nodes)
 *   --only ingest|query|profile   run one half only (or only the PROFILE pass); the other parts of an
 *                         earlier run of the same size are kept in the result files
 *   --duration 10         seconds of autocannon per query and arm (plus a 2 s warm-up)
 *   --warmup 2            seconds of unmeasured load per arm before any arm of a query is measured
 *   --connections 8       autocannon connections
 *   --queries a,b         only these queries of the mix (names as in bench/query/readMix.ts, graphMix.ts, searchMix.ts, analystMix.ts)
 *   --ingest-docs 300     documents per ingest arm (the first ones of the archive)
 *   --naive-docs 100      documents for the naive writer (it is slow)
 *   --warmup-passes 3,30  the ingest warm-up's fewest and most passes (every arm writes its documents, unmeasured;
 *                         it stops between them once Neo4j's JIT compilers used at most 5% of its CPU in a pass,
 *                         or, with --uri, once a pass is less than 5% faster than the one before)
 *   --loader raw|product  what loads the query graph (default: product for tiny, raw UNWIND batches otherwise)
 *   --fresh               reload the query graph even when /tmp/kg-bench-<size> already holds this archive
 *   --uri bolt://…        use this Neo4j instead of starting an embedded one (it is WIPED)
 *   --out bench/results   where the result files go
 *   --seed N              generator seed
 *   --no-diagnostic       skip the diagnostic arm (the product's schema on bare Apollo standalone)
 *   --no-profile          skip the PROFILE pass (each arm's statements for each query, with db hits)
 *   --generate-only       only generate the archive and print its statistics (e.g. to size L)
 *
 * Writes <out>/<size>.json, <out>/<size>.md, <out>/summary.md and <out>/ratios.svg and prints the tables.
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type Archive, DEFAULT_SEED, generateArchive, poolSize, SIZE_NAMES, statsOf, type SizeName } from './data/generate';
import { DEFAULT_WARMUP, runIngestBench, type WarmupPolicy } from './ingest/ingestBench';
import { productWriter, rawWriter } from './ingest/writers';
import { benchDataDir, graphCounts, MEMORY, openBenchDatabase, wipeDatabase, type BenchDatabase } from './lib/neo4j';
import { chooseProbes } from './query/probes';
import { profileDerive, profileMix } from './query/profile';
import { runQueryBench } from './query/queryBench';
import { type BenchResults, checkTargets, markdownFor, writeResults } from './report/report';

export interface BenchOptions {
  size: SizeName;
  only?: 'ingest' | 'query' | 'profile';
  durationSec?: number;
  connections?: number;
  queries?: string[];
  ingestDocs?: number;
  naiveDocs?: number;
  loader?: 'raw' | 'product';
  fresh?: boolean;
  uri?: string;
  outDir?: string;
  seed?: number;
  /** unmeasured documents each ingest arm writes first (default 20) */
  warmupDocs?: number;
  /** the ingest arms' warm-up passes before any is measured (default `DEFAULT_WARMUP`) */
  ingestWarmup?: WarmupPolicy;
  /** the least timed seconds of an ingest arm in a measured round (default `MIN_ROUND_SECONDS`) */
  ingestMinRoundSeconds?: number;
  /** unmeasured autocannon seconds before each measured run (default 2) */
  warmupSec?: number;
  /** probes per query (default 12) */
  probesPerQuery?: number;
  /** skip the PROFILE pass */
  noProfile?: boolean;
  /** skip the diagnostic arm (product schema on Apollo standalone) */
  noDiagnostic?: boolean;
  log?: (line: string) => void;
}

const DEFAULT_INGEST_DOCS: Record<SizeName, number> = { tiny: 30, S: 300, M: 300, L: 300 };
const DEFAULT_NAIVE_DOCS: Record<SizeName, number> = { tiny: 10, S: 60, M: 60, L: 60 };
const LOAD_BATCH = 250;

async function neo4jVersion(db: BenchDatabase): Promise<string> {
  const r = await db.driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN versions[0] + " " + edition AS v');
  return r.records[0]?.get('v') ?? 'unknown';
}

type Log = (line: string) => void;

export async function runBench(o: BenchOptions): Promise<{ results: BenchResults; files: string[] }> {
  const log = o.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const seed = o.seed ?? DEFAULT_SEED;
  const startedAt = new Date().toISOString();
  const loadStart = os.loadavg();
  const archive = generateArchive(o.size, seed);
  const stats = statsOf(archive.documents(), poolSize(archive));
  log(`[bench] size ${o.size}: ${stats.articles} articles, ${stats.entities} entities, ${stats.mentions} mentions, ${stats.events} events, ${stats.participations} participations`);
  const results: BenchResults = {
    size: o.size,
    seed,
    startedAt,
    finishedAt: '',
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      neo4j: 'unknown',
      neo4jHeap: o.uri ? 'external' : MEMORY[o.size].heap,
      neo4jPageCache: o.uri ? 'external' : MEMORY[o.size].pageCache,
      loadAverageStart: loadStart,
      loadAverageEnd: [],
    },
    archive: stats,
  };

  if (o.only !== 'query' && o.only !== 'profile') await runIngestPart(o, archive, results, log);
  if (o.only !== 'ingest') await runQueryPart(o, archive, results, log);

  results.machine.loadAverageEnd = os.loadavg();
  results.finishedAt = new Date().toISOString();
  const outDir = o.outDir ?? path.join(__dirname, 'results');
  keepEarlierHalf(o, path.join(outDir, `${o.size}.json`), results);
  const files = writeResults(outDir, results);
  return { results, files };
}

/** The ingest benchmark on the first documents of the archive, in a fresh database of its own. */
async function runIngestPart(o: BenchOptions, archive: Archive, results: BenchResults, log: Log): Promise<void> {
  const n = o.ingestDocs ?? DEFAULT_INGEST_DOCS[o.size];
  const measured: Record<string, any>[] = [];
  for (const d of archive.documents()) {
    measured.push(d);
    if (measured.length >= n) break;
  }
  // warm-up: the first documents themselves (the graph is wiped before the measured run); later documents
  // written into an empty graph would lack the earlier mentions that give their entities an id
  const warmup = measured.slice(0, o.warmupDocs ?? 20);
  const db = await openBenchDatabase({ homeDir: benchDataDir(`${o.size}-ingest`), size: o.size, fresh: true, uri: o.uri, log });
  try {
    results.machine.neo4j = await neo4jVersion(db);
    results.ingest = await runIngestBench(db.driver, measured, warmup, {
      naiveDocs: Math.min(o.naiveDocs ?? DEFAULT_NAIVE_DOCS[o.size], measured.length),
      warmup: o.ingestWarmup,
      minRoundSeconds: o.ingestMinRoundSeconds,
      jvmPid: db.embedded?.pid,
      log,
    });
  } finally {
    await db.close();
    if (!o.uri) fs.rmSync(db.homeDir, { recursive: true, force: true });
  }
}

/** Writes the whole archive into the query graph, `LOAD_BATCH` documents at a time; returns the seconds it took. */
async function loadQueryGraph(db: BenchDatabase, archive: Archive, loader: 'raw' | 'product', articles: number, log: Log): Promise<number> {
  log(`[bench] loading the query graph with the ${loader} writer…`);
  const started = Date.now();
  let batch: Record<string, any>[] = [];
  let done = 0;
  const writer = loader === 'product' ? productWriter : rawWriter(LOAD_BATCH);
  for (const d of archive.documents()) {
    batch.push(d);
    if (batch.length >= LOAD_BATCH) {
      const s = await writer.write(db.driver, batch);
      if (s.rejected) throw new Error(`${s.rejected} documents rejected while loading`);
      done += batch.length;
      batch = [];
      if (done % 5000 === 0) log(`[bench] loaded ${done}/${articles} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  if (batch.length) await writer.write(db.driver, batch);
  await db.driver.executeQuery('CALL db.awaitIndexes(600)');
  return (Date.now() - started) / 1000;
}

/**
 * The query benchmark and the PROFILE pass on the whole archive, in /tmp/kg-bench-<size> (reused when it holds
 * this archive, loaded by the same loader).
 */
async function runQueryPart(o: BenchOptions, archive: Archive, results: BenchResults, log: Log): Promise<void> {
  const stats = results.archive;
  const homeDir = benchDataDir(o.size);
  const loader = o.loader ?? (o.size === 'tiny' ? 'product' : 'raw');
  const manifestFile = path.join(homeDir, 'bench-manifest.json');
  const identity = { size: o.size, seed: results.seed, loader, stats };
  const reusable =
    !o.uri && !o.fresh && fs.existsSync(manifestFile) && JSON.stringify(JSON.parse(fs.readFileSync(manifestFile, 'utf8')).identity) === JSON.stringify(identity);
  const db = await openBenchDatabase({ homeDir, size: o.size, fresh: !reusable, uri: o.uri, log });
  try {
    results.machine.neo4j = await neo4jVersion(db);
    let seconds = reusable ? Number(JSON.parse(fs.readFileSync(manifestFile, 'utf8')).seconds ?? 0) : 0;
    if (!reusable) {
      if (o.uri) await wipeDatabase(db.driver);
      seconds = await loadQueryGraph(db, archive, loader, stats.articles, log);
    }
    const graph = await graphCounts(db.driver);
    results.load = { loader, seconds, docsPerSec: seconds ? stats.articles / seconds : 0, reused: reusable, graph };
    if (!reusable && !o.uri) fs.writeFileSync(manifestFile, JSON.stringify({ identity, graph, seconds }, null, 2));
    log(`[bench] graph: ${graph.nodes} nodes, ${graph.relationships} relationships${reusable ? ' (reused)' : `, loaded in ${seconds.toFixed(0)} s`}`);
    const probes = await chooseProbes(db.driver, o.probesPerQuery);
    const durationSec = o.durationSec ?? 10;
    const connections = o.connections ?? 8;
    const queryResults = o.only === 'profile' ? [] : await runQueryBench({ boltUri: db.uri, probes, durationSec, warmupSec: o.warmupSec, connections, only: o.queries, log, diagnostic: !o.noDiagnostic });
    if (o.only !== 'profile') results.query = { durationSec, warmupSec: o.warmupSec, connections, results: queryResults };
    if (!o.noProfile) {
      log('[bench] PROFILE pass…');
      results.profile = await profileMix(db.driver, probes, o.queries);
      const hubs = (probes.hubNeighborhood ?? []).map((p) => String(p.id));
      const typical = (probes.entityById ?? []).slice(0, 2).map((p) => String(p.id));
      results.deriveProfile = await profileDerive(db.driver, [...hubs, ...typical]);
    }
  } finally {
    await db.close();
  }
}

/** A half run keeps the other half of an earlier run of the same size and seed (marked with its date). */
function keepEarlierHalf(o: BenchOptions, previousFile: string, results: BenchResults): void {
  if (!(o.only && fs.existsSync(previousFile))) return;
  const previous = JSON.parse(fs.readFileSync(previousFile, 'utf8')) as BenchResults;
  if (previous.seed !== results.seed) return;
  if (o.only === 'profile') {
    // the measurements are the earlier run's: keep its date and machine state, add this PROFILE pass
    results.ingest = previous.ingest;
    results.query = previous.query;
    results.startedAt = previous.startedAt;
    results.finishedAt = previous.finishedAt;
    results.machine = { ...previous.machine, neo4j: results.machine.neo4j };
  }
  if (o.only === 'query' && previous.ingest) results.ingest = { ...previous.ingest, carriedFrom: previous.ingest.carriedFrom ?? previous.startedAt };
  if (o.only === 'ingest' && previous.query) {
    results.query = previous.query;
    results.load = previous.load;
    results.profile = previous.profile;
    results.deriveProfile = previous.deriveProfile;
    results.queryCarriedFrom = previous.queryCarriedFrom ?? previous.startedAt;
  }
}

/** A bad command line: its message is all the user needs (no stack trace). */
class UsageError extends Error {}

function parseArgs(argv: string[]): BenchOptions & { generateOnly?: boolean } {
  const o: BenchOptions & { generateOnly?: boolean } = { size: 'S' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--size': {
        const s = value();
        if (!(SIZE_NAMES as readonly string[]).includes(s)) throw new UsageError(`--size must be one of ${SIZE_NAMES.join(', ')}`);
        o.size = s as SizeName;
        break;
      }
      case '--only': {
        const v = value();
        if (v !== 'ingest' && v !== 'query' && v !== 'profile') throw new UsageError('--only must be ingest, query or profile');
        o.only = v;
        break;
      }
      case '--duration': o.durationSec = Number(value()); break;
      case '--warmup': o.warmupSec = Number(value()); break;
      case '--connections': o.connections = Number(value()); break;
      case '--queries': o.queries = value().split(','); break;
      case '--ingest-docs': o.ingestDocs = Number(value()); break;
      case '--naive-docs': o.naiveDocs = Number(value()); break;
      case '--warmup-passes': {
        const [min, max] = value().split(',').map(Number);
        if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min)) {
          throw new UsageError('--warmup-passes must be two whole numbers, fewest and most passes, e.g. 3,30 (1 ≤ fewest ≤ most)');
        }
        o.ingestWarmup = { ...DEFAULT_WARMUP, min, max };
        break;
      }
      case '--loader': o.loader = value() as 'raw' | 'product'; break;
      case '--fresh': o.fresh = true; break;
      case '--uri': o.uri = value(); break;
      case '--out': o.outDir = path.resolve(value()); break;
      case '--seed': o.seed = Number(value()); break;
      case '--generate-only': o.generateOnly = true; break;
      case '--no-profile': o.noProfile = true; break;
      case '--no-diagnostic': o.noDiagnostic = true; break;
      default: throw new UsageError(`unknown option ${a} (see bench/run.ts)`);
    }
  }
  return o;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.generateOnly) {
    const started = Date.now();
    const archive = generateArchive(o.size, o.seed ?? DEFAULT_SEED);
    const stats = statsOf(archive.documents(), poolSize(archive));
    process.stdout.write(`${JSON.stringify({ size: o.size, ...stats, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`);
    return;
  }
  const { results, files } = await runBench(o);
  process.stdout.write(`\n${markdownFor(results)}\n`);
  const missed = checkTargets(results).filter((c) => !c.met);
  process.stdout.write(`\n${missed.length ? `${missed.length} target(s) missed` : 'every target met'}. Files:\n${files.map((f) => `  ${path.relative(process.cwd(), f)}`).join('\n')}\n`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`bench: ${error instanceof UsageError ? error.message : ((error as Error).stack ?? error)}\n`);
      process.exit(1);
    },
  );
}
