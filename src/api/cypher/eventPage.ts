import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { type Page, pageOf } from './entityPage';
import { dateConditions, type DateWindow } from './eventDates';
import { eventMap, type EventExtras, resolveEntity } from './fragments';
import { where } from './group';
import { L, R } from './labels';
import { participantsIn, participantsSubquery, type ParticipantsOptions, type ParticipantsRead } from './participants';
import type { PositionsOptions } from './positions';
import { eventRow, type EventRow } from './rows';
import type { Compiled } from '../where';

export interface EventFilterValues extends DateWindow {
  types: readonly string[] | null;
  /** an entity id (merged ids resolve); unknown: no events */
  participant: string | null;
  location: string | null;
  article: string | null;
  /** the rest of the `where`, compiled (where/compile.ts) over `ev` */
  extra: Compiled | null;
}

/** A page, and the participants of its events when the page's statement read them ahead (prefetch). */
export interface EventPage extends Page<EventRow> {
  participants: ParticipantsRead | null;
}

/** Which participants a page reads ahead, with the options their field computes (args/prefetch.ts). */
export interface ParticipantsPlan {
  options: ParticipantsOptions;
  positions: PositionsOptions | null;
}

/** What a page reads besides its events: the total, the extras of the event rows, their participants. */
export interface EventPageParts {
  withTotal: boolean;
  event: EventExtras;
  participants: ParticipantsPlan | null;
}

export type EventOrderValue = 'DATE_ASC' | 'DATE_DESC' | 'NAME_ASC' | 'NAME_DESC' | 'PARTICIPANTS_DESC' | 'PARTICIPANTS_ASC';

const PARTICIPANTS = `size(COLLECT { MATCH (p:${L.Entity})-[:${R.PARTICIPATED_IN}]->(ev) RETURN DISTINCT p })`;

/** Undated events always come last. */
const ORDER: Record<EventOrderValue, string> = {
  DATE_ASC: 'ev.dateStart IS NULL, ev.dateStart ASC, ev.id ASC',
  DATE_DESC: 'ev.dateStart IS NULL, ev.dateStart DESC, ev.id ASC',
  NAME_ASC: 'ev.name ASC, ev.id ASC',
  NAME_DESC: 'ev.name DESC, ev.id ASC',
  PARTICIPANTS_DESC: `${PARTICIPANTS} DESC, ev.dateStart IS NULL, ev.dateStart ASC, ev.id ASC`,
  PARTICIPANTS_ASC: `${PARTICIPANTS} ASC, ev.dateStart IS NULL, ev.dateStart ASC, ev.id ASC`,
};

/** The orders an index serves, as a range-indexed property (schema: event_date_start, event_name) and a direction. */
const INDEXED_ORDER: Partial<Record<EventOrderValue, { key: 'dateStart' | 'name'; direction: 'ASC' | 'DESC' }>> = {
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
  const { key, direction } = INDEXED_ORDER[order]!;
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
    RETURN ordered[$skip..($skip + $take + 1)] AS pageNodes`;
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
  { withTotal, event, participants }: EventPageParts,
): Promise<EventPage> {
  // From all events with a type filter, the type index: a date window only bounds events on one side each
  // (`dateEnd >= from`, `dateStart <= to`), so a date index seek reads on average half of all events whatever the
  // window, where one type is a ninth. Left alone the planner picks either, plan by plan (at size L: 24k db hits
  // or 729k for the same question). A seek, not just the index: on a small graph the planner may scan all of it.
  const start =
    f.participant !== null
      ? `MATCH (participant)-[:${R.PARTICIPATED_IN}]->(ev:${L.Event})`
      : f.location !== null
        ? `MATCH (ev:${L.Event})-[:${R.OCCURRED_AT}]->(location)`
        : `MATCH (ev:${L.Event})${f.types ? ` USING INDEX SEEK ev:${L.Event}(type)` : ''}`;
  const conditions = [
    ...(f.types ? ['ev.type IN $types'] : []),
    ...(f.article !== null ? ['ev.article = $article'] : []),
    ...(f.participant !== null && f.location !== null ? [`EXISTS { (ev)-[:${R.OCCURRED_AT}]->(location) }`] : []),
    ...dateConditions('ev', f),
    ...(f.extra ? [f.extra.cypher] : []),
  ];
  const distinct = f.participant !== null ? 'WITH DISTINCT ev' : '';
  const imports = [...(f.participant !== null ? ['participant'] : []), ...(f.location !== null ? ['location'] : [])].join(', ');
  const resolve = `${f.participant !== null ? resolveEntity('$participant', 'participant') : ''}
     ${f.location !== null ? resolveEntity('$location', 'location') : ''}`;
  const match = `${start} ${where(conditions)} ${distinct}`;
  // Counting every event uses Neo4j's count store and paging every event the index order, so then two parts
  // are cheapest; a filtered count has to read every match anyway, so then one pass keeps them and pages them.
  const unfiltered = conditions.length === 0 && imports === '' && INDEXED_ORDER[order] !== undefined;
  const sub = participants ? participantsSubquery('page', participants.options, participants.positions) : null;
  // the node read past the page only tells whether there is more: its participants are never read; the page's
  // nodes, not their ids, go to the participants, which then need no index seek per event
  const rowsOfPage = `[ev IN pageNodes | ${eventMap('ev', event)}] AS rows`;
  const tail = sub
    ? `WITH total, pageNodes, pageNodes[0..$take] AS page
       ${sub.cypher}
       RETURN total, ${rowsOfPage}, participantsByEvent, positionsByPerson`
    : `RETURN total, ${rowsOfPage}`;
  const statement = unfiltered
    ? `${withTotal ? `CALL () { MATCH (ev:${L.Event}) RETURN count(ev) AS total }` : 'WITH null AS total'}
       CALL () { ${indexedPageOfAllEvents(order)} }
       ${tail}`
    : !withTotal
      ? `${resolve}
         CALL (${imports}) {
           ${match}
           WITH ev ORDER BY ${ORDER[order]} SKIP $skip LIMIT $take + 1
           RETURN collect(ev) AS pageNodes
         }
         WITH null AS total, pageNodes
         ${tail}`
      : `${resolve}
         CALL (${imports}) {
           ${match}
           WITH ev ORDER BY ${ORDER[order]}
           WITH collect(ev) AS matched
           RETURN size(matched) AS total, matched[$skip..($skip + $take + 1)] AS pageNodes
         }
         ${tail}`;
  const rows = await readQuery(ctx, statement, { ...f, ...f.extra?.params, extra: null, skip: int(skip), take: int(take), ...sub?.params });
  const page = pageOf((rows[0].rows as Row[]).map(eventRow), take, rows[0].total as number | null);
  return { ...page, participants: participants ? participantsIn(rows[0], page.rows.map((r) => r.id), participants.options, participants.positions) : null };
}
