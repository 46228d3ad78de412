import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R } from '../model';
import { figureId } from './factRows';
import { APART_KINDS } from './judgements';
import { moveEntity } from './moveEntity';

/**
 * What identity resolution changes in the graph besides adding facts (src/ingest/README.md, "Identity when ids
 * and names meet"): name-only entities absorbed into the entity a document shows them to be, and name-only
 * entities renamed when an earlier article names them. Both keep figure ids what they would have been had
 * the entity had its final id from the start (`figureId` depends on the subject's id).
 */

/**
 * Locks every name key that identifies these entities (in key order): a concurrent load that names one of them
 * locks its name keys before reading which entity they identify, so it waits for this transaction and then
 * sees the entity's new id, instead of one that no longer exists.
 */
const LOCK_NAME_KEYS_OF = `
  UNWIND $ids AS id
  MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
  MATCH (k:${L.NameKey})-[:${R.IDENTIFIES}]->(e)
  WITH DISTINCT k ORDER BY k.key
  SET k.locked = true
  REMOVE k.locked`;

/** Renames entities whose new id is free (no entity and no merged id has it); returns the renamed. */
const RENAME = `
  UNWIND $renames AS x
  MATCH (e:${L.Entity} {id: x.from}) USING INDEX SEEK e:${L.Entity}(id)
  WHERE NOT EXISTS { MATCH (:${L.Entity} {id: x.to}) } AND NOT EXISTS { MATCH (:${L.MergedId} {id: x.to}) }
  SET e.id = x.to
  RETURN collect(x.to) AS renamed, collect(x) AS moves`;

/**
 * Distinct and split judgements (`apart`: `APART_KINDS`) follow their entities' ids (`moves`: {from, to}) when identity resolution renames an entity
 * or absorbs it into another: the entity is the same, under another id.
 */
const FOLLOW_JUDGED = `
  UNWIND $moves AS x
  CALL (x) { MATCH (j:${L.Judgement} {a: x.from}) USING INDEX j:${L.Judgement}(a) WHERE j.kind IN $apart SET j.a = x.to }
  CALL (x) { MATCH (j:${L.Judgement} {b: x.from}) USING INDEX j:${L.Judgement}(b) WHERE j.kind IN $apart SET j.b = x.to }`;

/** The figures about these entities, with what their ids are made of. Parameter `ids`. */
const FIGURES_ABOUT = `
  UNWIND $ids AS id
  MATCH (f:${L.Figure})-[:${R.ABOUT}]->(e:${L.Entity} {id: id})
  RETURN e.id AS subject, f.id AS id, f.metric AS metric, f.value AS value, f.unit AS unit, f.period AS period,
         f.change AS change, f.qualifier AS qualifier`;

/**
 * Gives figures their ids (`moves`: {from, to}); a figure whose new id is another's already becomes that one
 * (its reports move to it), as if both articles had reported the same figure from the start.
 */
const REIDENTIFY_FIGURES = `
  UNWIND $moves AS x
  MATCH (f:${L.Figure} {id: x.from}) USING INDEX SEEK f:${L.Figure}(id)
  OPTIONAL MATCH (same:${L.Figure} {id: x.to})
  CALL (f, same, x) {
    WITH f, x WHERE same IS NULL
    SET f.id = x.to
  }
  CALL (f, same) {
    WITH f, same WHERE same IS NOT NULL
    MATCH (a:${L.Article})-[r:${R.REPORTS}]->(f)
    MERGE (a)-[moved:${R.REPORTS}]->(same)
    SET moved.evidence = r.evidence
  }
  WITH f, same WHERE same IS NOT NULL
  DETACH DELETE f`;

export async function lockNameKeysOf(tx: WriteTx, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.run(LOCK_NAME_KEYS_OF, { ids: [...new Set(ids)].sort() });
}

/** Makes the ids of the figures about these entities what `figureId` gives for them. */
export async function reidentifyFigures(tx: WriteTx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx.run(FIGURES_ABOUT, { ids });
  const moves = found.records.flatMap((r) => {
    const to = figureId(r.get('subject'), {
      subject: '',
      metric: r.get('metric'),
      value: Number(r.get('value')),
      unit: r.get('unit') ?? undefined,
      period: r.get('period') ?? undefined,
      change: r.get('change') ?? undefined,
      qualifier: r.get('qualifier') ?? undefined,
    });
    return to === r.get('id') ? [] : [{ from: r.get('id') as string, to }];
  });
  if (moves.length > 0) await tx.run(REIDENTIFY_FIGURES, { moves });
}

/**
 * Moves each graph entity of `absorbed` (absorbed id → the id it is) into the entity it is, leaving no trace of
 * it. A target the graph does not have yet (an id given for the first time, created by the write that follows)
 * is made by renaming the first entity it absorbs. Returns the targets: their derivations must be read again.
 */
export async function absorbEntities(tx: WriteTx, absorbed: Map<string, string>, inGraph: (id: string) => boolean): Promise<string[]> {
  if (absorbed.size === 0) return [];
  const byTarget = new Map<string, string[]>();
  for (const [from, into] of absorbed) byTarget.set(into, [...(byTarget.get(into) ?? []), from]);
  await lockNameKeysOf(tx, [...absorbed.keys(), ...[...byTarget.keys()].filter(inGraph)]);
  const targets = [...byTarget.keys()].sort();
  for (const into of targets) {
    const sources = byTarget.get(into)!.sort();
    let first = 0;
    if (!inGraph(into)) {
      await tx.run(RENAME, { renames: [{ from: sources[0], to: into }] });
      first = 1;
    }
    for (const from of sources.slice(first)) await moveEntity(tx, from, into, { leaveMergedId: false });
  }
  await tx.run(FOLLOW_JUDGED, { moves: [...absorbed].map(([from, to]) => ({ from, to })), apart: APART_KINDS });
  await reidentifyFigures(tx, targets);
  return targets;
}

/**
 * Renames name-only entities to the id their earliest mention gives (`Derivations.renames`), where that id is
 * free; an id is only taken when a document gave it explicitly to another entity, and then the entity keeps
 * the id it has.
 */
export async function renameEntities(tx: WriteTx, renames: Array<{ from: string; to: string }>): Promise<void> {
  if (renames.length === 0) return;
  await lockNameKeysOf(tx, renames.map((r) => r.from));
  const result = await tx.run(RENAME, { renames });
  const moves = result.records[0].get('moves') as Array<{ from: string; to: string }>;
  if (moves.length > 0) await tx.run(FOLLOW_JUDGED, { moves, apart: APART_KINDS });
  await reidentifyFigures(tx, result.records[0].get('renamed') as string[]);
}
