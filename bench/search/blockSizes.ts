/**
 * How big the duplicate candidates' blocks are in a graph (src/search/blockingKeys.ts): a block's pairs grow with
 * the square of its members, and a block over the cap (`BLOCK_CAP`) is not compared pairwise, so the evaluation
 * says how many there are and which.
 */
import type { Driver } from 'neo4j-driver';
import { int } from 'neo4j-driver';
import { BLOCK_CAP } from '../../src/search';

export interface BlockSizes {
  /** blocking keys, and those blocking two entities or more */
  keys: number;
  shared: number;
  cap: number;
  /** blocks over the cap: not compared pairwise */
  overCap: number;
  /** the largest blocks, largest first */
  largest: Array<{ key: string; entities: number }>;
}

const COUNTS = `
  MATCH (k:BlockingKey)
  WITH COUNT { (k)-[:BLOCKS]->() } AS n
  RETURN count(*) AS keys, sum(CASE WHEN n > 1 THEN 1 ELSE 0 END) AS shared, sum(CASE WHEN n > $cap THEN 1 ELSE 0 END) AS overCap`;
const LARGEST = `
  MATCH (k:BlockingKey)
  WITH k.key AS key, COUNT { (k)-[:BLOCKS]->() } AS n WHERE n > 1
  RETURN key, n ORDER BY n DESC, key LIMIT $top`;

export async function blockSizes(driver: Driver, top = 10, database?: string): Promise<BlockSizes> {
  const [r] = (await driver.executeQuery(COUNTS, { cap: int(BLOCK_CAP) }, { database })).records;
  const largest = (await driver.executeQuery(LARGEST, { top: int(top) }, { database })).records;
  return {
    keys: Number(r.get('keys')),
    shared: Number(r.get('shared')),
    cap: BLOCK_CAP,
    overCap: Number(r.get('overCap')),
    largest: largest.map((b) => ({ key: b.get('key') as string, entities: Number(b.get('n')) })),
  };
}
