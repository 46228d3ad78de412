import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R } from '../model';
import { CLAIM_LISTS, DERIVE_RELATION, RELATION_PATTERN } from './relationClaims';

/** Deletes the article's mentions; returns `touched`, the ids of the entities they named. Parameter `aid`. */
const FORGET_MENTIONS = `
  OPTIONAL MATCH (a:${L.Article} {id: $aid})-[m:${R.MENTIONS}]->(e:${L.Entity})
  WITH collect(DISTINCT e.id) AS touched, collect(m) AS mentions
  FOREACH (m IN mentions | DELETE m)
  RETURN touched`;

/**
 * Removes the article's claim from each relation of the entities it named (all claim lists together); a
 * relation left without claims is deleted, the others re-derived. Parameters `aid`, `ids` (those entities).
 */
const FORGET_CLAIMS = `
  UNWIND $ids AS id
  MATCH (:${L.Entity} {id: id})-[r:${RELATION_PATTERN}]->(:${L.Entity})
  WHERE $aid IN r.sourceArticles
  WITH DISTINCT r, [i IN range(0, size(r.sourceArticles) - 1) WHERE r.sourceArticles[i] <> $aid] AS keep
  SET ${CLAIM_LISTS.map((l) => `r.${l} = [i IN keep | r.${l}[i]]`).join(', ')}
  WITH r, size(keep) AS remaining
  FOREACH (_ IN CASE WHEN remaining = 0 THEN [1] ELSE [] END | DELETE r)
  WITH r, remaining WHERE remaining > 0 ${DERIVE_RELATION}`;

/** Deletes the article's events with their participations and locations. Parameter `aid`. */
const FORGET_EVENTS = `
  OPTIONAL MATCH (:${L.Article} {id: $aid})-[:${R.REPORTS}]->(ev:${L.Event})
  DETACH DELETE ev`;

/** Deletes the article's figure reports, and the figures nobody else reports. Parameter `aid`. */
const FORGET_FIGURES = `
  OPTIONAL MATCH (:${L.Article} {id: $aid})-[r:${R.REPORTS}]->(f:${L.Figure})
  DELETE r
  WITH DISTINCT f WHERE f IS NOT NULL AND NOT (f)<-[:${R.REPORTS}]-()
  DETACH DELETE f`;

/**
 * Removes what an article said, inside the caller's transaction: its mentions, its claims on relations (a
 * relation with no claim left goes), its events (with their participations), and its figure reports (a
 * figure nobody else reports goes). Returns the ids of the entities it mentioned: the caller re-derives
 * them (`deriveEntities`), which also deletes those no article mentions any more. Loading and deleting
 * an article both start here, so they cannot disagree about what an article supported.
 */
export async function forgetArticle(tx: WriteTx, aid: string): Promise<Set<string>> {
  const old = await tx.run(FORGET_MENTIONS, { aid });
  const touched = new Set<string>(old.records[0].get('touched'));
  await tx.run(FORGET_CLAIMS, { aid, ids: [...touched] });
  await tx.run(FORGET_EVENTS, { aid });
  await tx.run(FORGET_FIGURES, { aid });
  return touched;
}
