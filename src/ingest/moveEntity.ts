import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R, RELATION_TYPE_NAMES } from '../model';
import { BLOCK_LEFT } from '../search';
import { CLAIM_LISTS, DERIVE_RELATION } from './relationClaims';

const BOTH = `MATCH (m:${L.Entity} {id: $merge}), (k:${L.Entity} {id: $keep})`;
const CONCAT_CLAIMS = CLAIM_LISTS.map((l) => `r.${l} = coalesce(r.${l}, []) + old.${l}`).join(', ');

/**
 * Statements that move everything of entity `m` to entity `k` (parameters `keep`, `merge`: entity ids). A
 * domain relation `k` already has (same type, other end and key) receives `m`'s claims appended to its own,
 * then is re-derived; a relation between the two entities would become a self-relation and is dropped with
 * `m`. Figures keep their ids (`reidentifyFigures` gives them `k`'s) and `k` its derivation (the caller
 * re-derives it).
 */
const MOVES: string[] = [
  `${BOTH} MATCH (a:${L.Article})-[old:${R.MENTIONS}]->(m)
   CREATE (a)-[new:${R.MENTIONS}]->(k) SET new = properties(old) DELETE old`,
  ...RELATION_TYPE_NAMES.flatMap((type) => [
    `${BOTH} MATCH (m)-[old:${type}]->(x:${L.Entity}) WHERE x <> k AND x <> m
     MERGE (k)-[r:${type} {key: old.key}]->(x)
     SET ${CONCAT_CLAIMS}
     DELETE old ${DERIVE_RELATION}`,
    `${BOTH} MATCH (x:${L.Entity})-[old:${type}]->(m) WHERE x <> k AND x <> m
     MERGE (x)-[r:${type} {key: old.key}]->(k)
     SET ${CONCAT_CLAIMS}
     DELETE old ${DERIVE_RELATION}`,
  ]),
  // An event names each participant once per role, and belongs to one article: a role both had is kept once.
  `${BOTH} MATCH (m)-[old:${R.PARTICIPATED_IN}]->(ev:${L.Event})
   MERGE (k)-[p:${R.PARTICIPATED_IN} {role: old.role}]->(ev)
     ON CREATE SET p.sourceArticles = old.sourceArticles, p.sourceEvidence = old.sourceEvidence
   DELETE old`,
  `${BOTH} MATCH (ev:${L.Event})-[old:${R.OCCURRED_AT}]->(m) MERGE (ev)-[:${R.OCCURRED_AT}]->(k) DELETE old`,
  `${BOTH} MATCH (f:${L.Figure})-[old:${R.ABOUT}]->(m) MERGE (f)-[:${R.ABOUT}]->(k) DELETE old`,
  `${BOTH} MATCH (n:${L.NameKey})-[old:${R.IDENTIFIES}]->(m) MERGE (n)-[:${R.IDENTIFIES}]->(k) DELETE old`,
  `${BOTH} MATCH (x:${L.MergedId})-[old:${R.MERGED_INTO}]->(m) MERGE (x)-[:${R.MERGED_INTO}]->(k) DELETE old`,
  // an entity some document gave an id stays one that has an id (src/ingest/README.md, "Identity")
  `${BOTH} WITH k, m WHERE m.nameOnly IS NULL REMOVE k.nameOnly`,
  // a block over the cap that \`m\` leaves may fall back under it (the others' keys are re-derived with \`k\`)
  `${BOTH} MATCH (b:${L.OversizedBlock})-[old:${R.BLOCKS}]->(m) DELETE old WITH DISTINCT b ${BLOCK_LEFT('b')}`,
];

/**
 * `m` itself, its id then resolving to `k` (a merge someone asked for: `mergeEntities`); `k` counts as having
 * an id from then on, so its id stays what was asked for.
 */
const DELETE_LEAVING_MERGED_ID = `${BOTH} MERGE (x:${L.MergedId} {id: $merge}) MERGE (x)-[:${R.MERGED_INTO}]->(k)
  REMOVE k.nameOnly
  DETACH DELETE m`;
/**
 * A merge someone asked for claims `m`'s id as a merged id in its unique index before anything moves: a load
 * that names `m` by its id alone shares no name key with the merge's locks, but looks the id up in that index
 * (a locking seek), so it waits for the merge, or the merge for it, instead of meeting it half-way (its mention
 * of `m` written after the move and deleted with `m`).
 */
const CLAIM_MERGED_ID = `MERGE (:${L.MergedId} {id: $merge})`;
/** `m` itself, leaving no trace (identity resolution joining entities that were one all along). */
const DELETE = `MATCH (m:${L.Entity} {id: $merge}) DETACH DELETE m`;

/**
 * Moves everything of entity `merge` to entity `keep` and deletes `merge`, inside the caller's transaction;
 * with `leaveMergedId`, `merge`'s id resolves to `keep` from then on.
 */
export async function moveEntity(tx: WriteTx, merge: string, keep: string, { leaveMergedId }: { leaveMergedId: boolean }): Promise<void> {
  if (leaveMergedId) await tx.run(CLAIM_MERGED_ID, { merge });
  for (const statement of MOVES) await tx.run(statement, { keep, merge });
  await tx.run(leaveMergedId ? DELETE_LEAVING_MERGED_ID : DELETE, { keep, merge });
}
