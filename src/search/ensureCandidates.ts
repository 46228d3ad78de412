import { type Driver, int } from 'neo4j-driver';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R } from '../model';
import { refreshCandidates } from './candidates';

/**
 * The version of the stored duplicate candidates (`GraphMeta.candidateVersion`): raise it when what is stored, or
 * how pairs are scored, changes, and the next start-up recomputes every candidate.
 */
export const CANDIDATE_VERSION = 1;
const PAGE = 1000;
const META = `MERGE (m:${L.GraphMeta} {id: 'graph'})`;

/**
 * Whether the stored candidates need computing: the graph records another `CANDIDATE_VERSION`, or records none and
 * has shared blocks but not one candidate (written before candidates were stored). A graph whose candidates were
 * written as it loaded records nothing (so that start-up leaves the graph as loading made it).
 */
const STALE = `
  OPTIONAL MATCH (m:${L.GraphMeta} {id: 'graph'})
  RETURN m.candidateVersion AS v,
         EXISTS { MATCH (:${L.SharedBlock}) } AS blocks,
         EXISTS { MATCH ()-[:${R.DUPLICATE_CANDIDATE}]->() } AS stored`;

/**
 * Gives a graph written before candidates were stored (or under another `CANDIDATE_VERSION`) its candidates: every
 * entity of a shared block has them recomputed (`refreshCandidates`), a page of entities per transaction, then the
 * version is recorded. Idempotent; on a current graph one read. A run stopped half-way is redone whole by the next.
 */
export async function ensureCandidates(driver: Driver, database?: string): Promise<number> {
  const [row] = (await driver.executeQuery(STALE, {}, { database })).records;
  const v = row.get('v');
  const recorded = v !== null && v !== undefined;
  const stale = recorded ? Number(v) !== CANDIDATE_VERSION : row.get('blocks') === true && row.get('stored') !== true;
  if (!stale) return 0;
  const session = driver.session({ database });
  let after = '';
  let refreshed = 0;
  try {
    // candidates of an older version may pair entities that no block pairs now
    await session.executeWrite((tx) => tx.run(`MATCH ()-[d:${R.DUPLICATE_CANDIDATE}]->() DELETE d`));
    for (;;) {
      const page = await session.executeRead((tx) =>
        tx.run(
          `MATCH (:${L.SharedBlock})-[:${R.BLOCKS}]->(e:${L.Entity}) WHERE e.id > $after
           RETURN DISTINCT e.id AS id ORDER BY id LIMIT $page`,
          { after, page: int(PAGE) },
        ),
      );
      const ids = page.records.map((r) => r.get('id') as string);
      if (ids.length === 0) break;
      await session.executeWrite((tx) => refreshCandidates(tx, ids));
      refreshed += ids.length;
      after = ids[ids.length - 1];
    }
    // a graph whose every shared pair is judged apart has nothing stored: left as it was (no version recorded)
    const stored = await session.executeRead((tx) => tx.run(`RETURN EXISTS { MATCH ()-[:${R.DUPLICATE_CANDIDATE}]->() } AS stored`));
    if (recorded || stored.records[0].get('stored') === true) {
      await session.executeWrite((tx) => tx.run(`${META} SET m.candidateVersion = $version`, { version: int(CANDIDATE_VERSION) }));
    }
  } finally {
    await session.close();
  }
  return refreshed;
}
