import type { Context } from '../context';
import { readQuery } from '../db/run';
import { articleMap } from './fragments';
import { L } from './labels';
import { articleRow, type ArticleRow } from './rows';

export async function articlesByIds(ctx: Context, ids: readonly string[]): Promise<Map<string, ArticleRow>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (a:${L.Article} {id: id})
     RETURN id, ${articleMap('a')} AS article`,
    { ids: [...ids] },
  );
  return new Map(rows.map((r) => [r.id as string, articleRow(r.article as Record<string, unknown>)]));
}

/** The full text, kept out of every other projection because it can be megabytes long. */
export async function articleTexts(ctx: Context, ids: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (a:${L.Article} {id: id})
     RETURN id, a.text AS text`,
    { ids: [...ids] },
  );
  return new Map(rows.map((r) => [r.id as string, (r.text as string | null) ?? null]));
}
