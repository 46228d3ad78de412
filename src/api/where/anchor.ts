import { ENTITY_TYPE_NAMES } from '../../model';
import { nameKeyOf } from '../../ingest';
import { L, R, relType } from '../cypher/labels';
import { WITHIN_HOPS, type Scope } from './compile';
import type { EntityWhere, RelationWhere } from './inputs';

/**
 * Where a filtered list of entities can start instead of scanning every entity: an id, a name key or a place the
 * filter requires, reached from an index and followed back through the relationship filters that lead to it
 * ("invests in a project located in X": start at X, walk LOCATED_IN and INVESTS_IN backwards). The anchor binds
 * `v` to a superset of the matches; the compiled conditions are still applied to every row, so it changes the
 * plan, never the answer. Only conditions that must hold count (not inside OR or NOT). Null when none applies.
 *
 * The values it reads are checked by the compiler, which runs on the same filter.
 */
export function entityAnchor(w: EntityWhere, v: string, s: Scope): string | null {
  if (w.ids && w.ids.length > 0) return byIds(w.ids, v, s);
  if (w.name != null && w.name.trim() !== '') {
    const k = s.variable('key');
    const keys = (w.types ?? ENTITY_TYPE_NAMES).map((t) => nameKeyOf(t, w.name!));
    return `MATCH (${k}:${L.NameKey})-[:${R.IDENTIFIES}]->(${v}:${L.Entity}) WHERE ${k}.key IN ${s.param(keys)}`;
  }
  if (w.relation?.other) {
    const chain = relationAnchor(w.relation, v, s);
    if (chain) return chain;
  }
  if (w.position?.at) {
    const o = s.variable('org');
    const at = entityAnchor(w.position.at, o, s);
    if (at) return `${at} WITH DISTINCT ${o} MATCH (${v}:${L.Entity})-[:${relType('HOLDS_POSITION')}]->(${o})`;
  }
  if (w.within != null && w.within.trim() !== '') {
    const a = s.variable('place');
    return `${byIds([w.within], a, s)} WITH DISTINCT ${a} MATCH (${v}:${L.Entity})-[:${relType('LOCATED_IN')}|${relType('PART_OF')}*1..${WITHIN_HOPS}]->(${a})`;
  }
  for (const x of w.AND ?? []) {
    const chain = entityAnchor(x, v, s);
    if (chain) return chain;
  }
  return null;
}

function relationAnchor(w: RelationWhere, v: string, s: Scope): string | null {
  const o = s.variable('other');
  const other = entityAnchor(w.other!, o, s);
  if (!other) return null;
  const types = w.types && w.types.length > 0 ? w.types.map(relType).join('|') : null;
  const edge = `-[${types ? `:${types}` : ''}]-`;
  const pattern = w.direction === 'OUTGOING' ? `(${v}:${L.Entity})${edge}>(${o})` : w.direction === 'INCOMING' ? `(${v}:${L.Entity})<${edge}(${o})` : `(${v}:${L.Entity})${edge}(${o})`;
  // without types, any relationship of the other end is walked; the compiled condition keeps the domain ones
  return `${other} WITH DISTINCT ${o} MATCH ${pattern}`;
}

/** The entities with these ids, or that they were merged into. */
function byIds(ids: readonly string[], v: string, s: Scope): string {
  const id = s.variable('id');
  const kept = s.variable('kept');
  const own = s.variable('own');
  return `UNWIND ${s.param([...ids])} AS ${id}
    OPTIONAL MATCH (:${L.MergedId} {id: ${id}})-[:${R.MERGED_INTO}]->(${kept}:${L.Entity})
    OPTIONAL MATCH (${own}:${L.Entity} {id: ${id}})
    WITH coalesce(${kept}, ${own}) AS ${v} WHERE ${v} IS NOT NULL`;
}
