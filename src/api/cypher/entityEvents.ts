import { PARTICIPANT_ROLES } from '../../model';
import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { dateConditions, type DateWindow } from './eventDates';
import { claimKeyOf, eventMap, type EventExtras } from './fragments';
import { where } from './group';
import { L, R } from './labels';
import { eventRow, type ClaimsOption, type EntityEventRow } from './rows';
import { listByKey, type Subquery } from './subquery';

const roleRank = (role: string): number => PARTICIPANT_ROLES.indexOf(role as (typeof PARTICIPANT_ROLES)[number]);

export interface EntityEventsOptions extends DateWindow, ClaimsOption {
  types: readonly string[] | null;
  roles: readonly string[] | null;
  first: number;
  /** what the event rows carry */
  event: EventExtras;
}

/** Event `ev` with the roles (and, with claims, the claim keys) of its participations `ps`. */
const participationMap = ({ withClaims, event }: EntityEventsOptions): string =>
  `{event: ${eventMap('ev', event)}, roles: [x IN ps | x.role]${withClaims ? `, claimKeys: [x IN ps | ${claimKeyOf('x')}]` : ''}}`;

const entityEventRow = (r: Row): EntityEventRow => ({
  event: eventRow(r.event as Row),
  roles: [...new Set(r.roles as string[])].sort((a, b) => roleRank(a) - roleRank(b)),
  claimKeys: (r.claimKeys as string[] | undefined) ?? null,
});

/**
 * A subquery binding `eventsByEntity` ([{id, rows}], one per entity id of the list variable `idsVar`): the events
 * each entity took part in, one row per event with all its roles there, earliest first (undated last: ASC puts
 * nulls last), at most `first` per entity.
 *
 * A hub takes part in hundreds of events: each entity's events are ordered and cut to `first` inside its own
 * subquery, and only the events kept are projected (event map, claim keys), not every one then sliced.
 */
export function entityEventsSubquery(idsVar: string, o: EntityEventsOptions): Subquery {
  const conditions = [
    ...(o.types ? ['ev.type IN $entityEventTypes'] : []),
    ...(o.roles ? ['p.role IN $entityEventRoles'] : []),
    ...dateConditions('ev', o),
  ];
  return {
    cypher: `CALL (${idsVar}) {
      UNWIND ${idsVar} AS id
      CALL (id) {
        MATCH (:${L.Entity} {id: id})-[p:${R.PARTICIPATED_IN}]->(ev:${L.Event})
        ${where(conditions)}
        WITH ev, collect(p) AS ps
        ORDER BY ev.dateStart, ev.id
        LIMIT $entityEventsFirst
        RETURN collect(${participationMap(o)}) AS rows
      }
      RETURN collect({id: id, rows: rows}) AS eventsByEntity
    }`,
    params: { entityEventTypes: o.types, entityEventRoles: o.roles, from: o.from, to: o.to, entityEventsFirst: int(o.first) },
  };
}

/** What `entityEventsSubquery` bound, as rows by entity id. */
export function entityEventsIn(r: Row): Map<string, EntityEventRow[]> {
  const entries = (r.eventsByEntity as Row[] | null) ?? [];
  return listByKey(entries.map((e) => e.id as string), entries, entityEventRow);
}

/** The events each entity took part in (see entityEventsSubquery). */
export async function eventsOfEntities(
  ctx: Context,
  ids: readonly string[],
  o: EntityEventsOptions,
): Promise<Map<string, EntityEventRow[]>> {
  const sub = entityEventsSubquery('ids', o);
  const rows = await readQuery(ctx, `WITH $ids AS ids ${sub.cypher} RETURN eventsByEntity`, { ids: [...ids], ...sub.params });
  return entityEventsIn(rows[0]);
}
