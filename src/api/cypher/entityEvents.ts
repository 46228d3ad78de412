import { PARTICIPANT_ROLES } from '../../model';
import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { dateConditions, type DateWindow } from './eventDates';
import { claimKeyOf, eventMap } from './fragments';
import { byKey, where } from './group';
import { L, R } from './labels';
import { eventRow, type EntityEventRow } from './rows';

const roleRank = (role: string): number => PARTICIPANT_ROLES.indexOf(role as (typeof PARTICIPANT_ROLES)[number]);

export interface EntityEventsOptions extends DateWindow {
  types: readonly string[] | null;
  roles: readonly string[] | null;
  first: number;
}

/**
 * The events each entity took part in, one row per event with all its roles there, earliest first
 * (undated last), at most `first` per entity.
 */
export async function eventsOfEntities(
  ctx: Context,
  ids: readonly string[],
  o: EntityEventsOptions,
): Promise<Map<string, EntityEventRow[]>> {
  const conditions = [
    ...(o.types ? ['ev.type IN $types'] : []),
    ...(o.roles ? ['p.role IN $roles'] : []),
    ...dateConditions('ev', o),
  ];
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (:${L.Entity} {id: id})-[p:${R.PARTICIPATED_IN}]->(ev:${L.Event})
     ${where(conditions)}
     WITH id, ev, collect(p) AS ps
     ORDER BY ev.dateStart, ev.id
     WITH id, collect({event: ${eventMap('ev')}, roles: [x IN ps | x.role], claimKeys: [x IN ps | ${claimKeyOf('x')}]}) AS rows
     RETURN id, rows[0..$first] AS rows`,
    { ids: [...ids], types: o.types, roles: o.roles, from: o.from, to: o.to, first: int(o.first) },
  );
  return byKey(ids, rows, (r: Row): EntityEventRow => ({
    event: eventRow(r.event as Row),
    roles: [...new Set(r.roles as string[])].sort((a, b) => roleRank(a) - roleRank(b)),
    claimKeys: r.claimKeys as string[],
  }));
}
