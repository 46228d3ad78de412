/**
 * `npm run eval -- --duplicates --size S`: duplicate candidates against planted duplicates. Starts an embedded
 * Neo4j in a fresh directory under $TMPDIR (or uses `--uri bolt://…`, which is WIPED), loads the benchmark
 * archive of the size and then the overlay of planted duplicates (bench/data/duplicates.ts) with the product's
 * ingester, lists the candidates with the product's scoring, and writes precision and recall per threshold,
 * recall per planted kind and the time `duplicates(minScore, first: 20)` takes through the product's schema to
 * bench/results/duplicates-<size>.{md,json} (`--name x`: x.{md,json}). Options: `--threshold 0.8`, `--seed N`, `--keep`
 * (leave the store). The candidates are those the load stored (src/search/candidates.ts), read as `duplicates` reads them.
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
import { plantDuplicates } from '../data/duplicates';
import { DEFAULT_SEED, generateArchive, SIZE_NAMES, type SizeName } from '../data/generate';
import { openBenchDatabase, wipeDatabase } from '../lib/neo4j';
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
  loadSeconds: number;
  rejected: number;
  /** planted ids that are not entities of the graph (should be none) */
  missingIds: string[];
  listingMs: { median: number; max: number; all: number[] };
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
  const truth = overlay.truth();
  const ids = [...new Set(truth.flatMap((t) => [t.originalId, t.variantId]))];
  const candidates = await allCandidates(driver, Math.min(...THRESHOLDS));
  const names = await namesOf(driver, [...new Set([...ids, ...candidates.flatMap((c) => [c.aId, c.bId])])]);
  const evaluation = evaluateDuplicates(candidates, truth, names, threshold);
  const listing = await timeListing(driver, threshold);
  const sorted = [...listing].sort((a, b) => a - b);
  return {
    size,
    seed,
    articles: archive.spec.articles,
    overlayArticles: overlay.documents.length,
    loadSeconds,
    rejected: summary.totals.rejected,
    missingIds: ids.filter((id) => !names.has(id)),
    listingMs: { median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1], all: listing.map((x) => Math.round(x)) },
    ...evaluation,
  };
}

function markdownOf(run: DuplicatesRun, command: string): string {
  return [
    `# Duplicate candidates at size ${run.size} (\`${command}\`)`,
    '',
    `The archive of size ${run.size} (seed ${run.seed}, ${run.articles} articles) and an overlay of ${run.overlayArticles} articles, each ` +
      `naming one pool entity another way (bench/data/duplicates.ts), loaded with the product's ingester in ${run.loadSeconds.toFixed(0)} s ` +
      `(${run.rejected} rejected; planted ids not in the graph: ${run.missingIds.length}). Candidates are every pair the product lists ` +
      `(\`duplicates\`' blocking and scoring, stored as the articles load); a candidate is true when it is a planted pair. Targets at the chosen threshold ${run.threshold}: ` +
      `precision and recall ≥ 0.9.`,
    '',
    `\`duplicates(minScore: ${run.threshold}, first: 20)\` through the product's schema: median ${run.listingMs.median.toFixed(0)} ms, ` +
      `slowest ${run.listingMs.max.toFixed(0)} ms of ${run.listingMs.all.length} calls (${run.listingMs.all.join(', ')}).`,
    '',
    duplicatesMarkdown(run),
    '',
  ].join('\n');
}

export async function main(): Promise<void> {
  const arg = (name: string): string | undefined => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const size = (arg('size') ?? 'S') as SizeName;
  if (!SIZE_NAMES.includes(size)) throw new Error(`--size must be one of ${SIZE_NAMES.join(', ')}`);
  const uri = arg('uri');
  const homeDir = fs.mkdtempSync(path.join(os.tmpdir(), `kg-duplicates-${size}-`));
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const db = await openBenchDatabase({ homeDir, size, fresh: true, uri, log });
  try {
    const run = await runDuplicates(db.driver, size, Number(arg('seed') ?? DEFAULT_SEED), Number(arg('threshold') ?? CHOSEN_THRESHOLD), log);
    const out = path.join(ROOT, 'bench', 'results');
    const name = arg('name') ?? `duplicates-${size}`;
    fs.writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(run, null, 2)}\n`);
    const md = markdownOf(run, `npm run eval -- ${process.argv.slice(2).join(' ')}`);
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
