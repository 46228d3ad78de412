import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { articleMap, entityMap, eventMap } from './fragments';
import { byKey } from './group';
import { L, R } from './labels';
import { articleRow, entityRow, eventRow, type ArticleRow, type EntityRow, type EventRow } from './rows';

/** The articles that mention each entity, by id. */
export async function articlesMentioning(ctx: Context, ids: readonly string[]): Promise<Map<string, ArticleRow[]>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (a:${L.Article})-[:${R.MENTIONS}]->(:${L.Entity} {id: id})
     WITH DISTINCT id, a ORDER BY a.id
     RETURN id, collect(${articleMap('a')}) AS rows`,
    { ids: [...ids] },
  );
  return byKey(ids, rows, (r: Row) => articleRow(r));
}

/** The entities each article mentions, by name, at most `first`. */
export async function entitiesMentionedIn(ctx: Context, ids: readonly string[], first: number): Promise<Map<string, EntityRow[]>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (:${L.Article} {id: id})-[:${R.MENTIONS}]->(e:${L.Entity})
     WITH DISTINCT id, e ORDER BY e.name, e.id
     WITH id, collect(${entityMap('e')}) AS rows
     RETURN id, rows[0..$first] AS rows`,
    { ids: [...ids], first: int(first) },
  );
  return byKey(ids, rows, (r: Row) => entityRow(r));
}

/** The events each article reports, earliest first, at most `first`. */
export async function eventsReportedIn(ctx: Context, ids: readonly string[], first: number): Promise<Map<string, EventRow[]>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (:${L.Article} {id: id})-[:${R.REPORTS}]->(ev:${L.Event})
     WITH id, ev ORDER BY ev.dateStart, ev.id
     WITH id, collect(${eventMap('ev')}) AS rows
     RETURN id, rows[0..$first] AS rows`,
    { ids: [...ids], first: int(first) },
  );
  return byKey(ids, rows, (r: Row) => eventRow(r));
}
