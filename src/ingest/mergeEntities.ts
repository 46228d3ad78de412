import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R } from '../model';
import { deriveEntities } from './deriveEntities';
import { lockNameKeysOf } from './identityChanges';
import { moveEntity } from './moveEntity';

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

/** Both ids as entities, or a merged id as the entity it was merged into. Parameter `ids: [keep, merge]`. */
const RESOLVE_BOTH = `
  UNWIND $ids AS id
  OPTIONAL MATCH (:${L.MergedId} {id: id})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
  OPTIONAL MATCH (own:${L.Entity} {id: id})
  WITH id, coalesce(kept, own) AS e
  RETURN id, e.id AS resolved, e.type AS type`;

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
  // a load naming either entity locks its name keys first: it waits, then sees the merged entity
  await lockNameKeysOf(tx, [keepId, mergeId]);
  await moveEntity(tx, mergeId, keepId, { leaveMergedId: true });
  await deriveEntities(tx, [keepId]);
  return keepId;
}
