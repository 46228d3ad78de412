import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { articleMap, entityMap, eventMap } from './fragments';
import { L, R } from './labels';
import { articleRow, entityRow, eventRow, type ArticleRow, type EntityRow, type EventRow } from './rows';

/** One page of a nested list, for one parent: the rows from `skip`, how many there are in all, and whether more follow. */
export interface NestedPage<T> {
  rows: T[];
  total: number;
  hasMore: boolean;
}

/** Where a nested page starts and how long it is (`first` rows, one more read to tell whether more follow). */
export interface PageWindow {
  skip: number;
  first: number;
}

/**
 * The pages of a batch: each parent's ordered nodes `found` are counted and cut in the statement, and only the
 * page is projected (`[x IN found[$skip..$end] | map]`), so a hub's thousand mentions cost a count, not a thousand maps.
 */
const pageClause = (map: string): string => `RETURN id, size(found) AS total, [x IN found[$skip..$end] | ${map}] AS rows`;
/**
 * The parameters of a page's slice, `$skip` and `$end`; with a `prefix`, `$<prefix>Skip` and `$<prefix>End`, for a
 * subquery that a parent's statement embeds next to its own page (subquery.ts).
 */
export function pageParams(w: PageWindow, prefix = ''): Record<string, unknown> {
  const [skip, end] = prefix ? [`${prefix}Skip`, `${prefix}End`] : ['skip', 'end'];
  return { [skip]: int(w.skip), [end]: int(w.skip + w.first + 1) };
}

/** `RETURN id, total, rows` records (rows: up to `first` + 1) as a page per id; ids without a record get an empty page. */
export function pagesByKey<T>(ids: readonly string[], records: Row[], convert: (row: Row) => T, first: number): Map<string, NestedPage<T>> {
  const out = new Map<string, NestedPage<T>>(ids.map((id) => [id, { rows: [], total: 0, hasMore: false }]));
  for (const r of records) {
    const rows = ((r.rows as Row[] | null) ?? []).map(convert);
    out.set(r.id as string, { rows: rows.slice(0, first), total: Number(r.total), hasMore: rows.length > first });
  }
  return out;
}

/** The articles that mention each entity, by id, a page each. */
export async function articlesMentioning(ctx: Context, ids: readonly string[], w: PageWindow): Promise<Map<string, NestedPage<ArticleRow>>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (a:${L.Article})-[:${R.MENTIONS}]->(:${L.Entity} {id: id})
     WITH DISTINCT id, a ORDER BY a.id
     WITH id, collect(a) AS found
     ${pageClause(articleMap('x'))}`,
    { ids: [...ids], ...pageParams(w) },
  );
  return pagesByKey(ids, rows, (r: Row) => articleRow(r), w.first);
}

/** The entities each article mentions, by name, a page each. */
export async function entitiesMentionedIn(ctx: Context, ids: readonly string[], w: PageWindow): Promise<Map<string, NestedPage<EntityRow>>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (:${L.Article} {id: id})-[:${R.MENTIONS}]->(e:${L.Entity})
     WITH DISTINCT id, e ORDER BY e.name, e.id
     WITH id, collect(e) AS found
     ${pageClause(entityMap('x'))}`,
    { ids: [...ids], ...pageParams(w) },
  );
  return pagesByKey(ids, rows, (r: Row) => entityRow(r), w.first);
}

/** The events each article reports, earliest first, a page each. */
export async function eventsReportedIn(ctx: Context, ids: readonly string[], w: PageWindow): Promise<Map<string, NestedPage<EventRow>>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (:${L.Article} {id: id})-[:${R.REPORTS}]->(ev:${L.Event})
     WITH id, ev ORDER BY ev.dateStart, ev.id
     WITH id, collect(ev) AS found
     ${pageClause(eventMap('x'))}`,
    { ids: [...ids], ...pageParams(w) },
  );
  return pagesByKey(ids, rows, (r: Row) => eventRow(r), w.first);
}
