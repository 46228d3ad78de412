import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { type Page, pageOf } from './entityPage';
import { dateConditions, type DateWindow } from './eventDates';
import { eventMap, resolveEntity } from './fragments';
import { where } from './group';
import { L, R } from './labels';
import { eventRow, type EventRow } from './rows';

export interface EventFilterValues extends DateWindow {
  types: readonly string[] | null;
  /** an entity id (merged ids resolve); unknown: no events */
  participant: string | null;
  location: string | null;
  article: string | null;
}

export type EventOrderValue = 'DATE_ASC' | 'DATE_DESC' | 'NAME_ASC';

/** Undated events always come last. */
const ORDER: Record<EventOrderValue, string> = {
  DATE_ASC: 'ev.dateStart IS NULL, ev.dateStart ASC, ev.id ASC',
  DATE_DESC: 'ev.dateStart IS NULL, ev.dateStart DESC, ev.id ASC',
  NAME_ASC: 'ev.name ASC, ev.id ASC',
};

/** The same orders as a range-indexed property (schema: event_date_start, event_name) and a direction. */
const INDEXED_ORDER: Record<EventOrderValue, { key: 'dateStart' | 'name'; direction: 'ASC' | 'DESC' }> = {
  DATE_ASC: { key: 'dateStart', direction: 'ASC' },
  DATE_DESC: { key: 'dateStart', direction: 'DESC' },
  NAME_ASC: { key: 'name', direction: 'ASC' },
};

/**
 * A page of ALL events in index order. A sort key like `ev.dateStart IS NULL` cannot come from an index, so
 * sorting every event for one page (7k at size S, 72k at M) is replaced by a walk of the range index, which
 * stops after the page; events without the key (not in the index) follow by id, and are read only when the
 * indexed ones do not fill the page (the UNWIND yields no row otherwise, so its MATCH never runs).
 */
function indexedPageOfAllEvents(order: EventOrderValue): string {
  const { key, direction } = INDEXED_ORDER[order];
  return `CALL () {
      MATCH (ev:${L.Event}) WHERE ev.${key} IS NOT NULL
      WITH ev ORDER BY ev.${key} ${direction}, ev.id ASC LIMIT $skip + $take + 1
      RETURN collect(ev) AS keyed
    }
    CALL (keyed) {
      UNWIND CASE WHEN size(keyed) < $skip + $take + 1 THEN [true] ELSE [] END AS short
      MATCH (ev:${L.Event}) WHERE ev.${key} IS NULL
      WITH ev ORDER BY ev.id ASC LIMIT $skip + $take + 1
      RETURN collect(ev) AS unkeyed
    }
    WITH keyed + unkeyed AS ordered
    RETURN [ev IN ordered[$skip..($skip + $take + 1)] | ${eventMap('ev')}] AS rows`;
}

/**
 * One page of events (and, when asked, the total count), in one statement; it starts from the participant when
 * there is one. The filter sits on the MATCH itself (not after `WITH DISTINCT`) so that the planner can seek
 * the type and date indexes instead of scanning every event. Only a participant can reach an event twice (in
 * two roles), so only then are events made distinct.
 */
export async function eventPage(
  ctx: Context,
  f: EventFilterValues,
  order: EventOrderValue,
  skip: number,
  take: number,
  withTotal: boolean,
): Promise<Page<EventRow>> {
  const start =
    f.participant !== null
      ? `MATCH (participant)-[:${R.PARTICIPATED_IN}]->(ev:${L.Event})`
      : f.location !== null
        ? `MATCH (ev:${L.Event})-[:${R.OCCURRED_AT}]->(location)`
        : `MATCH (ev:${L.Event})`;
  const conditions = [
    ...(f.types ? ['ev.type IN $types'] : []),
    ...(f.article !== null ? ['ev.article = $article'] : []),
    ...(f.participant !== null && f.location !== null ? [`EXISTS { (ev)-[:${R.OCCURRED_AT}]->(location) }`] : []),
    ...dateConditions('ev', f),
  ];
  const distinct = f.participant !== null ? 'WITH DISTINCT ev' : '';
  const imports = [...(f.participant !== null ? ['participant'] : []), ...(f.location !== null ? ['location'] : [])].join(', ');
  const resolve = `${f.participant !== null ? resolveEntity('$participant', 'participant') : ''}
     ${f.location !== null ? resolveEntity('$location', 'location') : ''}`;
  const match = `${start} ${where(conditions)} ${distinct}`;
  // Counting every event uses Neo4j's count store and paging every event the index order, so then two parts
  // are cheapest; a filtered count has to read every match anyway, so then one pass keeps them and pages them.
  const unfiltered = conditions.length === 0 && imports === '';
  const statement = unfiltered
    ? `${withTotal ? `CALL () { MATCH (ev:${L.Event}) RETURN count(ev) AS total }` : 'WITH null AS total'}
       CALL () { ${indexedPageOfAllEvents(order)} }
       RETURN total, rows`
    : !withTotal
      ? `${resolve}
         CALL (${imports}) {
           ${match}
           WITH ev ORDER BY ${ORDER[order]} SKIP $skip LIMIT $take + 1
           RETURN collect(${eventMap('ev')}) AS rows
         }
         RETURN null AS total, rows`
      : `${resolve}
         CALL (${imports}) {
           ${match}
           WITH ev ORDER BY ${ORDER[order]}
           WITH collect(ev) AS matched
           RETURN size(matched) AS total, [ev IN matched[$skip..($skip + $take + 1)] | ${eventMap('ev')}] AS rows
         }
         RETURN total, rows`;
  const rows = await readQuery(ctx, statement, { ...f, skip: int(skip), take: int(take) });
  return pageOf((rows[0].rows as Row[]).map(eventRow), take, rows[0].total as number | null);
}
