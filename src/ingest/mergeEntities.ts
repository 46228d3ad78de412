import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R, RELATION_TYPE_NAMES } from '../model';
import { deriveEntities } from './deriveEntities';
import { CLAIM_LISTS, DERIVE_RELATION } from './relationClaims';

/** A merge that cannot be made: an id that is no entity (`not-found`), or two that cannot be one (`invalid`). */
export class MergeRefused extends Error {
  constructor(
    readonly reason: 'not-found' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'MergeRefused';
  }
}

const BOTH = `MATCH (m:${L.Entity} {id: $merge}), (k:${L.Entity} {id: $keep})`;
const CONCAT_CLAIMS = CLAIM_LISTS.map((l) => `r.${l} = coalesce(r.${l}, []) + old.${l}`).join(', ');

/** Both ids as entities, or a merged id as the entity it was merged into. Parameter `ids: [keep, merge]`. */
const RESOLVE_BOTH = `
  UNWIND $ids AS id
  OPTIONAL MATCH (:${L.MergedId} {id: id})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
  OPTIONAL MATCH (own:${L.Entity} {id: id})
  WITH id, coalesce(kept, own) AS e
  RETURN id, e.id AS resolved, e.type AS type`;

/**
 * Statements that move `m`'s relationships to `k` (parameters `keep`, `merge`: resolved entity ids). A domain relation `k` already has (same type, other end
 * and key) receives `m`'s claims appended to its own, then is re-derived; a relation between the two merged
 * entities would become a self-relation and is dropped with `m`.
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
  `${BOTH} MERGE (x:${L.MergedId} {id: $merge}) MERGE (x)-[:${R.MERGED_INTO}]->(k) DETACH DELETE m`,
];

/**
 * Merges entity `merge` into entity `keep` inside the caller's write transaction: every relationship moves
 * to `keep`, `keep` is re-derived from all the mentions it now has (so the merged name becomes an alias),
 * and `merge`'s id (and the ids merged into it before) resolve to `keep` from then on. Returns the kept id.
 * Both ids may themselves be merged ids. An unknown id, the same entity twice or different types: `MergeRefused`.
 */
export async function mergeEntities(tx: WriteTx, keep: string, merge: string): Promise<string> {
  const found = await tx.run(RESOLVE_BOTH, { ids: [keep, merge] });
  const [k, m] = [keep, merge].map((id) => found.records.find((r) => r.get('id') === id)!);
  if (!k.get('resolved')) throw new MergeRefused('not-found', `no entity has the id ${JSON.stringify(keep)}`);
  if (!m.get('resolved')) throw new MergeRefused('not-found', `no entity has the id ${JSON.stringify(merge)}`);
  const keepId = k.get('resolved') as string;
  const mergeId = m.get('resolved') as string;
  if (keepId === mergeId) throw new MergeRefused('invalid', `${JSON.stringify(keep)} and ${JSON.stringify(merge)} are already the same entity`);
  if (k.get('type') !== m.get('type')) {
    throw new MergeRefused('invalid', `cannot merge a ${m.get('type')} into a ${k.get('type')}: both entities must have the same type`);
  }
  for (const statement of MOVES) await tx.run(statement, { keep: keepId, merge: mergeId });
  await deriveEntities(tx, [keepId]);
  return keepId;
}
