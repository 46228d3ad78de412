/**
 * The benchmark's own Neo4j: an embedded server in a data dir under /tmp (never the test database, never
 * the dev one), sized per benchmark size, plus helpers to wipe it and count what it holds.
 */
import * as fs from 'fs';
import neo4j, { type Driver } from 'neo4j-driver';
import * as os from 'os';
import * as path from 'path';
import { applySchema } from '../../src/graph/applySchema';
import { createDriver } from '../../src/graph/driver';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/graph/embedded';
import type { SizeName } from '../data/generate';
import { GRAPH_LABELS } from '../../src/model';

export const MEMORY: Record<SizeName, { heap: string; pageCache: string }> = {
  tiny: { heap: '1g', pageCache: '256m' },
  S: { heap: '2g', pageCache: '1g' },
  M: { heap: '4g', pageCache: '2g' },
  L: { heap: '6g', pageCache: '6g' },
};

export interface BenchDatabase {
  uri: string;
  driver: Driver;
  homeDir: string;
  embedded?: EmbeddedNeo4j;
  close(): Promise<void>;
}

export function benchDataDir(name: string): string {
  return path.join(os.tmpdir(), `kg-bench-${name}`);
}

/**
 * Starts an embedded Neo4j in `homeDir` (kept between runs unless `fresh`), or connects to `uri` when given
 * (the caller's own server: it will be wiped). Applies the product's schema either way.
 */
export async function openBenchDatabase(opts: {
  homeDir: string;
  size: SizeName;
  fresh?: boolean;
  uri?: string;
  log?: (line: string) => void;
}): Promise<BenchDatabase> {
  let embedded: EmbeddedNeo4j | undefined;
  let uri = opts.uri;
  if (!uri) {
    if (opts.fresh) fs.rmSync(opts.homeDir, { recursive: true, force: true });
    embedded = await startEmbeddedNeo4j({
      homeDir: opts.homeDir,
      heap: MEMORY[opts.size].heap,
      pageCache: MEMORY[opts.size].pageCache,
      readyTimeoutMs: 600_000,
      log: opts.log && ((l) => (l.startsWith('[embedded') ? opts.log!(l) : undefined)),
    });
    uri = embedded.uri;
  }
  const driver = createDriver({ uri });
  await applySchema(driver);
  return {
    uri,
    driver,
    homeDir: opts.homeDir,
    embedded,
    async close() {
      await driver.close();
      await embedded?.stop();
    },
  };
}

/** Deletes every node and relationship in batches (keeps the schema). */
export async function wipeDatabase(driver: Driver): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

export interface GraphCounts {
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}

/** Node and relationship counts (from the count store: instant at any size). */
export async function graphCounts(driver: Driver): Promise<GraphCounts> {
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  for (const l of ['Entity', 'Person', 'Organization', 'Village', 'Place', 'Project', 'Event', 'Article', 'Figure', 'NameKey', GRAPH_LABELS.BlockingKey]) {
    const r = await driver.executeQuery(`MATCH (n:${l}) RETURN count(n) AS n`);
    labels[l] = r.records[0].get('n') as number;
  }
  // the product's record of which name-key rules the graph was written with, which the baseline writers do not keep
  const { GraphMeta } = GRAPH_LABELS;
  const nodes = (await driver.executeQuery(`MATCH (n) WHERE NOT n:${GraphMeta} RETURN count(n) AS n`)).records[0].get('n') as number;
  const rels = (await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS n')).records[0].get('n') as number;
  const typeNames = (await driver.executeQuery('CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS t')).records.map(
    (r) => r.get('t') as string,
  );
  for (const t of typeNames) {
    const r = await driver.executeQuery(`MATCH ()-[r:\`${t.replace(/`/g, '')}\`]->() RETURN count(r) AS n`);
    types[t] = r.records[0].get('n') as number;
  }
  return { nodes, relationships: rels, labels, types };
}
