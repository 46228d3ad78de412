import { type Driver, int } from 'neo4j-driver';
import { GRAPH_LABELS, GRAPH_RELATIONSHIPS } from '../model';
import { SEARCH_KEYS_VERSION, searchKeysOf } from './searchKeys';
import { refreshCandidates } from './candidates';
import { BLOCK_JOINED, BLOCK_LEFT } from './sharedBlocks';

const BATCH = 2000;

/**
 * Gives the entities of a graph written before search keys existed (or with keys of another version) their
 * keys, from their stored name and aliases (and their duplicate candidates anew). Idempotent: an entity with current keys is not touched, so at
 * start-up on a current graph this is one read. Each batch is its own transaction; the keys are derived data,
 * so a run stopped half-way is simply finished by the next.
 */
export async function ensureSearchKeys(driver: Driver, database?: string): Promise<number> {
  const session = driver.session({ database });
  let updated = 0;
  try {
    for (;;) {
      const n = await session.executeWrite(async (tx) => {
        const stale = await tx.run(
          `MATCH (e:${GRAPH_LABELS.Entity}) WHERE e.searchVersion IS NULL OR e.searchVersion <> $version
           RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases LIMIT $batch`,
          { version: SEARCH_KEYS_VERSION, batch: int(BATCH) },
        );
        const rows = stale.records.map((r) => ({ id: r.get('id') as string, ...searchKeysOf(r.get('type') as string, [r.get('name') as string, ...(r.get('aliases') as string[])]) }));
        if (rows.length === 0) return 0;
        await tx.run(
          `UNWIND $rows AS x
           MATCH (e:${GRAPH_LABELS.Entity} {id: x.id})
           SET e.searchNames = x.searchNames, e.searchShort = x.searchShort, e.searchPinyin = x.searchPinyin, e.searchInitials = x.searchInitials,
               e.searchText = x.searchText, e.searchVersion = x.searchVersion
           WITH e, x
           CALL (e, x) {
             OPTIONAL MATCH (k:${GRAPH_LABELS.BlockingKey})-[b:${GRAPH_RELATIONSHIPS.BLOCKS}]->(e) WHERE NOT k.key IN x.blockingKeys
             DELETE b
             WITH DISTINCT k WHERE k IS NOT NULL
             ${BLOCK_LEFT('k')}
           }
           CALL (e, x) {
             UNWIND x.blockingKeys AS key
             MERGE (k:${GRAPH_LABELS.BlockingKey} {key: key})
             MERGE (k)-[:${GRAPH_RELATIONSHIPS.BLOCKS}]->(e)
             WITH DISTINCT k
             ${BLOCK_JOINED('k')}
           }`,
          { rows },
        );
        await refreshCandidates(tx, rows.map((r) => r.id));
        return rows.length;
      });
      updated += n;
      if (n < BATCH) return updated;
    }
  } finally {
    await session.close();
  }
}
