import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R } from '../model';
import { deriveEntities } from './deriveEntities';
import { lockNameKeysOf, reidentifyFigures } from './identityChanges';
import { distinctPairs, type Judge, type JudgementRecord, pairKey, recordJudgement } from './judgements';
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
  RETURN id, e.id AS resolved, e.type AS type, e.name AS name`;

/**
 * Merges entity `merge` into entity `keep` inside the caller's write transaction: every relationship moves
 * to `keep`, `keep` is re-derived from all the mentions it now has (so the merged name becomes an alias),
 * and `merge`'s id (and the ids merged into it before) resolve to `keep` from then on. Returns the kept id.
 * Both ids may themselves be merged ids. An unknown id, the same entity twice or different types: `MergeRefused`.
 */
export async function mergeEntities(tx: WriteTx, keep: string, merge: string): Promise<string> {
  const { keepId, mergeId } = await resolvePair(tx, keep, merge);
  await mergeResolved(tx, keepId, mergeId);
  return keepId;
}

/**
 * `mergeEntities`, recorded as a judgement (kind MERGE: `a` the kept entity's id, `b` the merged one's, as they
 * resolve now) with who and why. A pair a distinct judgement in force keeps apart is refused (`MergeRefused`
 * invalid): undo that judgement first.
 */
export async function judgeMerge(tx: WriteTx, keep: string, merge: string, judge: Judge): Promise<{ kept: string; judgement: JudgementRecord }> {
  const { keepId, mergeId, names } = await resolvePair(tx, keep, merge);
  if ((await distinctPairs(tx, [keepId, mergeId])).has(pairKey(keepId, mergeId))) {
    throw new MergeRefused(
      'invalid',
      `${JSON.stringify(keep)} and ${JSON.stringify(merge)} are marked distinct (a DISTINCT judgement in force): undo that judgement before merging them`,
    );
  }
  const assessed = judge.assess ? await judge.assess(tx, keepId, mergeId) : {};
  await mergeResolved(tx, keepId, mergeId);
  const judgement = await recordJudgement(tx, { kind: 'MERGE', a: keepId, b: mergeId, names, reason: judge.reason, by: judge.by, ...assessed });
  return { kept: keepId, judgement };
}

/** Moves `mergeId` into `keepId` (both entity ids), leaving a merged id; figures about it take `keepId`'s ids. */
export async function mergeResolved(tx: WriteTx, keepId: string, mergeId: string): Promise<void> {
  // a load naming either entity locks its name keys first: it waits, then sees the merged entity
  await lockNameKeysOf(tx, [keepId, mergeId]);
  await moveEntity(tx, mergeId, keepId, { leaveMergedId: true });
  // a figure's id depends on its subject's: as if the articles had named the kept entity from the start
  await reidentifyFigures(tx, [keepId]);
  await deriveEntities(tx, [keepId]);
}

/** Both ids as the entities they are now, with their names; `MergeRefused` unless they are two entities of one type. */
export async function resolvePair(tx: WriteTx, keep: string, merge: string, sameHint = ''): Promise<{ keepId: string; mergeId: string; names: string[] }> {
  const found = await tx.run(RESOLVE_BOTH, { ids: [keep, merge] });
  const [k, m] = [keep, merge].map((id) => found.records.find((r) => r.get('id') === id)!);
  if (!k.get('resolved')) throw new MergeRefused('not-found', `no entity has the id ${JSON.stringify(keep)}`);
  if (!m.get('resolved')) throw new MergeRefused('not-found', `no entity has the id ${JSON.stringify(merge)}`);
  const keepId = k.get('resolved') as string;
  const mergeId = m.get('resolved') as string;
  if (keepId === mergeId) throw new MergeRefused('invalid', `${JSON.stringify(keep)} and ${JSON.stringify(merge)} are already the same entity${sameHint}`);
  if (k.get('type') !== m.get('type')) {
    throw new MergeRefused('invalid', `${JSON.stringify(keep)} is a ${k.get('type')} and ${JSON.stringify(merge)} a ${m.get('type')}: both entities must have the same type`);
  }
  return { keepId, mergeId, names: [k.get('name') as string, m.get('name') as string] };
}
