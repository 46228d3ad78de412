import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R } from '../model';
import { type Judge, type JudgementRecord, JudgementRefused, markUndone, readJudgement } from './judgements';
import { quote } from './problem';
import { rebuildEntity } from './rebuildEntity';

/**
 * Undoes a judgement inside the caller's transaction and returns it, marked undone. A DISTINCT judgement only stops
 * counting. A MERGE is reverted by replaying history without it (`unmerge`), a SPLIT likewise (`unsplit`). An unknown id, a judgement undone
 * already, or a merge that cannot be replayed: `JudgementRefused` (the caller's transaction rolls back).
 */
export async function undoJudgement(tx: WriteTx, id: string, judge: Judge): Promise<JudgementRecord> {
  const judgement = await readJudgement(tx, id);
  if (!judgement) throw new JudgementRefused('invalid', `no judgement has the id ${quote(id)}`);
  if (judgement.undoneAt !== null) throw new JudgementRefused('invalid', `judgement ${quote(id)} was undone already, at ${judgement.undoneAt}`);
  const undone = await markUndone(tx, id, judge);
  if (judgement.kind === 'MERGE') await unmerge(tx, judgement);
  if (judgement.kind === 'SPLIT') await unsplit(tx, judgement);
  return undone;
}

/** Each id as the entity it is now (its own, or the one it was merged into); ids of no entity are left out. */
const RESOLVE_ALL = `
  UNWIND $ids AS id
  OPTIONAL MATCH (:${L.MergedId} {id: id})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
  OPTIONAL MATCH (own:${L.Entity} {id: id})
  WITH coalesce(kept, own).id AS resolved WHERE resolved IS NOT NULL
  RETURN collect(DISTINCT resolved) AS roots`;

/**
 * Reverts a split: both entities are rebuilt together from their articles without it, so the mentions it listed
 * resolve by their names again (to the entity they named before the split, or as the loads now decide).
 */
async function unsplit(tx: WriteTx, judgement: JudgementRecord): Promise<void> {
  const roots = (await tx.run(RESOLVE_ALL, { ids: [judgement.a, judgement.b] })).records[0].get('roots') as string[];
  if (roots.length === 0) return;
  await rebuildEntity(tx, roots).catch((error: unknown) => {
    throw error instanceof JudgementRefused ? new JudgementRefused('invalid', `cannot undo the split: ${error.message}`) : error;
  });
}

/** The entity a merged id resolves to. Parameter `id`. */
const ROOT = `MATCH (:${L.MergedId} {id: $id})-[:${R.MERGED_INTO}]->(root:${L.Entity}) RETURN root.id AS root`;
const DELETE_MERGED_ID = `MATCH (m:${L.MergedId} {id: $id}) DETACH DELETE m`;

/**
 * Reverts a merge: the entity its merged id resolves to is rebuilt from its articles without it (`rebuildEntity`),
 * which restores the merged entity with what its own articles say, and the articles loaded since the merge too.
 */
async function unmerge(tx: WriteTx, judgement: JudgementRecord): Promise<void> {
  const found = await tx.run(ROOT, { id: judgement.b });
  if (found.records.length === 0) {
    // nothing names the merged entities any more: only the redirect may be left
    await tx.run(DELETE_MERGED_ID, { id: judgement.b });
    return;
  }
  await rebuildEntity(tx, found.records[0].get('root') as string, judgement.b).catch((error: unknown) => {
    throw error instanceof JudgementRefused ? new JudgementRefused('invalid', `cannot undo the merge: ${error.message}`) : error;
  });
}
