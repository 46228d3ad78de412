import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { eventMap } from './fragments';
import { pageParams, pagesByKey, type NestedPage, type PageWindow } from './mentions';
import { L, R } from './labels';
import { eventRow, type EventRow } from './rows';

/** The event each event took place during (its `partOf`), for the events that have one. */
export async function occasionsOfEvents(ctx: Context, ids: readonly string[]): Promise<Map<string, EventRow>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (:${L.Event} {id: id})-[:${R.PART_OF_EVENT}]->(occasion:${L.Event})
     RETURN id, ${eventMap('occasion')} AS occasion`,
    { ids: [...ids] },
  );
  return new Map(rows.map((r) => [r.id as string, eventRow(r.occasion as Row)]));
}

/** A page of the events that took place during each event, by date then name then id, and how many there are. */
export async function partsOfEvents(ctx: Context, ids: readonly string[], w: PageWindow): Promise<Map<string, NestedPage<EventRow>>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     CALL (id) {
       MATCH (part:${L.Event})-[:${R.PART_OF_EVENT}]->(:${L.Event} {id: id})
       WITH part ORDER BY part.dateStart, part.name, part.id
       RETURN collect(part) AS found
     }
     RETURN id, size(found) AS total, [x IN found[$skip..$end] | ${eventMap('x')}] AS rows`,
    { ids: [...ids], ...pageParams(w) },
  );
  return pagesByKey(ids, rows, eventRow, w.first);
}
