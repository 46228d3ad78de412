/**
 * `npm run eval -- --duplicates --size S`: duplicate candidates against planted duplicates. Starts an embedded
 * Neo4j in a fresh directory under $TMPDIR (or uses `--uri bolt://…`, which is WIPED), loads the benchmark
 * archive of the size and then the overlay of planted duplicates (bench/data/duplicates.ts) with the product's
 * ingester, lists the candidates with the product's scoring, and writes precision and recall per threshold,
 * recall per planted kind and the time `duplicates(minScore, first: 20)` takes through the product's schema to
 * bench/results/duplicates-<size>.{md,json} (`--name x`: x.{md,json}). Options: `--threshold 0.8`, `--seed N`, `--keep`
 * (leave the store). The candidates are those the load stored (src/search/candidates.ts), read as `duplicates` reads them.
 * `--from /tmp/kg-bench-M`: instead of loading the archive, start from a copy of the benchmark's graph of that archive
 * (copyBenchGraph.ts; the original is never opened), let the product derive its keys and candidates again, and load
 * only the overlay: the way to measure M, whose load takes too long to repeat.
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { buildApiSchema, createCompiledExecutor, createContext } from '../../src/api';
import { duplicatesPage } from '../../src/api/cypher/duplicates';
import { ingestAll } from '../../src/ingest';
import { type DuplicateOverlay, plantDuplicates } from '../data/duplicates';
import { type Archive, DEFAULT_SEED, generateArchive, SIZE_NAMES, type SizeName } from '../data/generate';
import { openBenchDatabase, wipeDatabase } from '../lib/neo4j';
import { copyBenchGraph, rederiveCandidates } from './copyBenchGraph';
import { type BlockSizes, blockSizes } from './blockSizes';
import { CHOSEN_THRESHOLD, duplicatesMarkdown, evaluateDuplicates, THRESHOLDS, type DuplicatesEvaluation } from './duplicatesEval';

const ROOT = path.join(__dirname, '..', '..');
const LISTINGS = 9;

/** Every candidate pair scoring at least `minScore`, with the product's blocking and scoring (one statement). */
export async function allCandidates(driver: Driver, minScore: number, database?: string) {
  const ctx = createContext({ driver, database, transactionTimeoutMs: 600_000 }, 'reader');
  return (await duplicatesPage(ctx, null, minScore, 0, Number.MAX_SAFE_INTEGER)).rows;
}

/** Milliseconds `duplicates(minScore, first: 20)` takes through the product's schema and executor, each call. */
export async function timeListing(driver: Driver, minScore: number, times = LISTINGS, database?: string): Promise<number[]> {
  const execute = createCompiledExecutor(await buildApiSchema());
  const document = parse('query($m: Float!) { duplicates(minScore: $m, first: 20) { totalCount edges { node { score reasons a { id name } b { id name } } } } }');
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = process.hrtime.bigint();
    const result = await execute({ document, variableValues: { m: minScore }, contextValue: createContext({ driver, database, transactionTimeoutMs: 600_000 }, 'reader') });
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.errors?.length) throw new Error(`duplicates: ${result.errors[0].message}`);
  }
  return ms;
}

/** Entity names by id, for the report's examples. */
async function namesOf(driver: Driver, ids: string[], database?: string): Promise<Map<string, string>> {
  const { records } = await driver.executeQuery('UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id, e.name AS name', { ids }, { database });
  return new Map(records.map((r) => [r.get('id') as string, r.get('name') as string]));
}

export interface DuplicatesRun extends DuplicatesEvaluation {
  size: SizeName;
  seed: number;
  articles: number;
  overlayArticles: number;
  /** how the archive got into the graph: loaded here by the product, or a copy of the benchmark's graph (`--from`) */
  archiveSource: string;
  /** seconds to prepare a copied graph (copy, start-up, search keys and candidates re-derived by the product); 0 for a load */
  prepareSeconds: number;
  loadSeconds: number;
  rejected: number;
  /** planted ids that are not entities of the graph (should be none) */
  missingIds: string[];
  listingMs: { median: number; max: number; all: number[] };
  blocks: BlockSizes;
}

/** Loads the archive and its overlay into `driver`'s (wiped) database and evaluates the candidates. */
export async function runDuplicates(driver: Driver, size: SizeName, seed = DEFAULT_SEED, threshold = CHOSEN_THRESHOLD, log: (l: string) => void = () => {}): Promise<DuplicatesRun> {
  await wipeDatabase(driver);
  const archive = generateArchive(size, seed);
  const overlay = plantDuplicates(archive);
  const started = Date.now();
  function* sourced() {
    for (const d of archive.documents()) yield { source: d.article.id as string, document: d };
    for (const d of overlay.documents) yield { source: d.article.id as string, document: d };
  }
  const summary = await ingestAll(driver, sourced(), { batch: 100 });
  const loadSeconds = (Date.now() - started) / 1000;
  log(`[duplicates] loaded ${archive.spec.articles} + ${overlay.documents.length} articles in ${loadSeconds.toFixed(0)} s (${summary.totals.rejected} rejected)`);
  return evaluateLoaded(driver, archive, overlay, { archiveSource: 'loaded by the product', prepareSeconds: 0, loadSeconds, rejected: summary.totals.rejected }, threshold);
}

/** Loads only the overlay (the archive is in the graph already) with the product's ingester, and evaluates. */
export async function runOverlayOnly(driver: Driver, size: SizeName, seed: number, threshold: number, source: { archiveSource: string; prepareSeconds: number }, log: (l: string) => void = () => {}): Promise<DuplicatesRun> {
  const archive = generateArchive(size, seed);
  for (const _ of archive.documents()); // the ids of entities named by name come from their first mention
  const overlay = plantDuplicates(archive);
  const started = Date.now();
  const summary = await ingestAll(
    driver,
    overlay.documents.map((d) => ({ source: d.article.id as string, document: d })),
    { batch: 100 },
  );
  const loadSeconds = (Date.now() - started) / 1000;
  log(`[duplicates] loaded the overlay's ${overlay.documents.length} articles in ${loadSeconds.toFixed(0)} s (${summary.totals.rejected} rejected)`);
  return evaluateLoaded(driver, archive, overlay, { ...source, loadSeconds, rejected: summary.totals.rejected }, threshold);
}

/** The candidates of a graph holding the archive and its overlay, against the planted truth, and the listing's time. */
async function evaluateLoaded(
  driver: Driver,
  archive: Archive,
  overlay: DuplicateOverlay,
  load: { archiveSource: string; prepareSeconds: number; loadSeconds: number; rejected: number },
  threshold: number,
): Promise<DuplicatesRun> {
  const truth = overlay.truth();
  const ids = [...new Set(truth.flatMap((t) => [t.originalId, t.variantId]))];
  const candidates = await allCandidates(driver, Math.min(...THRESHOLDS));
  const names = await namesOf(driver, [...new Set([...ids, ...candidates.flatMap((c) => [c.aId, c.bId])])]);
  const evaluation = evaluateDuplicates(candidates, truth, names, threshold);
  const listing = await timeListing(driver, threshold);
  const sorted = [...listing].sort((a, b) => a - b);
  return {
    size: archive.size,
    seed: archive.seed,
    articles: archive.spec.articles,
    overlayArticles: overlay.documents.length,
    ...load,
    missingIds: ids.filter((id) => !names.has(id)),
    listingMs: { median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1], all: listing.map((x) => Math.round(x)) },
    blocks: await blockSizes(driver),
    ...evaluation,
  };
}

function markdownOf(run: DuplicatesRun, command: string, totalSeconds: number): string {
  const b = run.blocks;
  const archive =
    run.prepareSeconds > 0
      ? `The archive of size ${run.size} (seed ${run.seed}, ${run.articles} articles) from a copy of the benchmark's graph (${run.archiveSource}), ` +
        `its entities' search and blocking keys and the candidates derived again by the product (${run.prepareSeconds.toFixed(0)} s with the copy and the start-up), then an overlay of ${run.overlayArticles} articles, each ` +
        `naming one pool entity another way (bench/data/duplicates.ts), loaded with the product's ingester in ${run.loadSeconds.toFixed(0)} s`
      : `The archive of size ${run.size} (seed ${run.seed}, ${run.articles} articles) and an overlay of ${run.overlayArticles} articles, each ` +
        `naming one pool entity another way (bench/data/duplicates.ts), loaded with the product's ingester in ${run.loadSeconds.toFixed(0)} s`;
  return [
    `# Duplicate candidates at size ${run.size} (\`${command}\`)`,
    '',
    `${archive} (${run.rejected} rejected; planted ids not in the graph: ${run.missingIds.length}). Candidates are every pair the product lists ` +
      `(\`duplicates\`' blocking and scoring, stored as the articles load); a candidate is true when it is a planted pair. Targets at the chosen threshold ${run.threshold}: ` +
      `precision and recall ≥ 0.9. The whole run took ${(totalSeconds / 60).toFixed(1)} minutes.`,
    '',
    `\`duplicates(minScore: ${run.threshold}, first: 20)\` through the product's schema: median ${run.listingMs.median.toFixed(0)} ms, ` +
      `slowest ${run.listingMs.max.toFixed(0)} ms of ${run.listingMs.all.length} calls (${run.listingMs.all.join(', ')}).`,
    '',
    `Blocks: ${b.keys} blocking keys, ${b.shared} shared by two entities or more; ${b.overCap} over the cap of ${b.cap} entities ` +
      `(not compared pairwise)${b.largest.length ? `; the largest: ${b.largest.map((x) => `${x.key} ${x.entities}`).join(', ')}` : ''}.`,
    '',
    duplicatesMarkdown(run),
    '',
  ].join('\n');
}

/** `--from <dir>`: the benchmark graph copied from `dir` into `homeDir`, started, and its candidates derived again. */
async function openCopy(from: string, homeDir: string, size: SizeName, seed: number, log: (l: string) => void) {
  const started = Date.now();
  fs.rmSync(homeDir, { recursive: true, force: true });
  const { loader } = copyBenchGraph(from, homeDir, size, seed);
  log(`[duplicates] copied ${from} (written by the ${loader} writer) to ${homeDir} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const db = await openBenchDatabase({ homeDir, size, fresh: false, log });
  await rederiveCandidates(db.driver, log);
  return { db, source: { archiveSource: `${from}, written by the ${loader} writer`, prepareSeconds: (Date.now() - started) / 1000 } };
}

export async function main(): Promise<void> {
  const started = Date.now();
  const arg = (name: string): string | undefined => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const size = (arg('size') ?? 'S') as SizeName;
  if (!SIZE_NAMES.includes(size)) throw new Error(`--size must be one of ${SIZE_NAMES.join(', ')}`);
  const [uri, from] = [arg('uri'), arg('from')];
  if (uri && from) throw new Error('--uri and --from exclude each other');
  const seed = Number(arg('seed') ?? DEFAULT_SEED);
  const threshold = Number(arg('threshold') ?? CHOSEN_THRESHOLD);
  const homeDir = fs.mkdtempSync(path.join(os.tmpdir(), `kg-duplicates-${size}-`));
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const copy = from ? await openCopy(path.resolve(from), homeDir, size, seed, log) : undefined;
  const db = copy?.db ?? (await openBenchDatabase({ homeDir, size, fresh: true, uri, log }));
  try {
    const run = copy
      ? await runOverlayOnly(db.driver, size, seed, threshold, copy.source, log)
      : await runDuplicates(db.driver, size, seed, threshold, log);
    const out = path.join(ROOT, 'bench', 'results');
    const name = arg('name') ?? `duplicates-${size}`;
    const totalSeconds = (Date.now() - started) / 1000;
    fs.writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify({ ...run, totalSeconds }, null, 2)}\n`);
    const md = markdownOf(run, `npm run eval -- ${process.argv.slice(2).join(' ')}`, totalSeconds);
    fs.writeFileSync(path.join(out, `${name}.md`), md);
    process.stdout.write(md);
  } finally {
    await db.close();
    if (!uri && !process.argv.includes('--keep')) fs.rmSync(homeDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
