import { PARTICIPANT_ROLES } from '../../model';
import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { dateConditions, type DateWindow } from './eventDates';
import { claimKeyOf, eventMap, type EventExtras } from './fragments';
import { where } from './group';
import { L, R } from './labels';
import { pagesByKey, type NestedPage, type PageWindow } from './mentions';
import { eventRow, type ClaimsOption, type EntityEventRow } from './rows';
import type { Subquery } from './subquery';

const roleRank = (role: string): number => PARTICIPANT_ROLES.indexOf(role as (typeof PARTICIPANT_ROLES)[number]);

export interface EntityEventsOptions extends DateWindow, ClaimsOption, PageWindow {
  types: readonly string[] | null;
  roles: readonly string[] | null;
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
 * A subquery binding `eventsByEntity` ([{id, total, rows}], one per entity id of the list variable `idsVar`): a
 * page of the events each entity took part in, one row per event with all its roles there, earliest first
 * (undated last: ASC puts nulls last; ties by id), `first` + 1 rows from `skip` (the extra one tells whether more
 * follow), and how many there are in all.
 *
 * A hub takes part in hundreds of events: each entity's events are ordered and counted inside its own subquery,
 * and only the page is projected (event map, claim keys), not every event then sliced.
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
        WITH collect({ev: ev, ps: ps}) AS entityEvents
        CALL (entityEvents) {
          UNWIND entityEvents[$entityEventsSkip..$entityEventsEnd] AS f
          WITH f.ev AS ev, f.ps AS ps
          RETURN collect(${participationMap(o)}) AS rows
        }
        RETURN size(entityEvents) AS total, rows
      }
      RETURN collect({id: id, total: total, rows: rows}) AS eventsByEntity
    }`,
    params: {
      entityEventTypes: o.types,
      entityEventRoles: o.roles,
      from: o.from,
      to: o.to,
      entityEventsSkip: int(o.skip),
      entityEventsEnd: int(o.skip + o.first + 1),
    },
  };
}

/** What `entityEventsSubquery` bound, as a page by entity id. */
export function entityEventsIn(r: Row, o: EntityEventsOptions): Map<string, NestedPage<EntityEventRow>> {
  const entries = (r.eventsByEntity as Row[] | null) ?? [];
  return pagesByKey(entries.map((e) => e.id as string), entries, entityEventRow, o.first);
}

/** A page of the events each entity took part in (see entityEventsSubquery). */
export async function eventsOfEntities(
  ctx: Context,
  ids: readonly string[],
  o: EntityEventsOptions,
): Promise<Map<string, NestedPage<EntityEventRow>>> {
  const sub = entityEventsSubquery('ids', o);
  const rows = await readQuery(ctx, `WITH $ids AS ids ${sub.cypher} RETURN eventsByEntity`, { ids: [...ids], ...sub.params });
  return entityEventsIn(rows[0], o);
}
