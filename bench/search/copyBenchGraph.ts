/**
 * The duplicates evaluation at sizes whose load takes too long to repeat (M: 40 000 articles, about half an hour
 * with the raw writer on a quiet machine): it starts from a COPY of the benchmark's query graph
 * (`/tmp/kg-bench-<size>`, written by `npm run bench`), never from the graph itself, and has the product re-derive
 * what the duplicate candidates read before the overlay is loaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { ensureCandidates, ensureSearchKeys } from '../../src/search';
import { generateArchive, poolSize, type SizeName, statsOf } from '../data/generate';

/**
 * Copies the benchmark graph in `from` to `to` (which must not exist) after checking that it holds this archive: its
 * `bench-manifest.json` names the size and seed and the archive's counts as generated now. The graph must not be in
 * use (no Neo4j started on it): a store copied while a server writes to it may not open.
 */
export function copyBenchGraph(from: string, to: string, size: SizeName, seed: number): { loader: string } {
  const manifestFile = path.join(from, 'bench-manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${from} holds no bench-manifest.json: not a benchmark graph`);
  const identity = JSON.parse(fs.readFileSync(manifestFile, 'utf8')).identity as { size: string; seed: number; loader: string; stats: unknown };
  const archive = generateArchive(size, seed);
  const stats = statsOf(archive.documents(), poolSize(archive));
  if (identity.size !== size || identity.seed !== seed || JSON.stringify(identity.stats) !== JSON.stringify(stats)) {
    throw new Error(`${from} holds another archive (${JSON.stringify({ size: identity.size, seed: identity.seed, stats: identity.stats })}, want ${JSON.stringify({ size, seed, stats })})`);
  }
  if (fs.existsSync(to)) throw new Error(`${to} exists: the copy goes to a new directory`);
  fs.cpSync(path.join(from, 'data'), path.join(to, 'data'), { recursive: true });
  fs.copyFileSync(manifestFile, path.join(to, 'bench-manifest.json'));
  return { loader: identity.loader };
}

/**
 * Has the product derive the search and blocking keys of every entity again (from its stored name and aliases, as
 * the ingester derives them) and then the stored duplicate candidates, as a start-up does for a graph written before
 * they existed (`ensureSearchKeys`, `ensureCandidates`): a graph written by the raw baseline has keys from each
 * mention's names and no candidates. Returns how many entities were re-derived.
 */
export async function rederiveCandidates(driver: Driver, log: (l: string) => void): Promise<number> {
  const started = Date.now();
  const session = driver.session();
  try {
    // CALL … IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery
    await session.run('MATCH (e:Entity) CALL (e) { REMOVE e.searchVersion } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  const entities = await ensureSearchKeys(driver);
  log(`[duplicates] search and blocking keys of ${entities} entities derived again in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const refreshed = await ensureCandidates(driver);
  if (refreshed) log(`[duplicates] candidates of ${refreshed} entities computed`);
  return entities;
}
