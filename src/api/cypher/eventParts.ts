import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { eventMap } from './fragments';
import { byKey } from './group';
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

/** The events that took place during each event, by date then name then id. */
export async function partsOfEvents(ctx: Context, ids: readonly string[]): Promise<Map<string, EventRow[]>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (part:${L.Event})-[:${R.PART_OF_EVENT}]->(:${L.Event} {id: id})
     WITH id, part ORDER BY part.dateStart, part.name, part.id
     RETURN id, collect(${eventMap('part')}) AS rows`,
    { ids: [...ids] },
  );
  return byKey(ids, rows, eventRow);
}
