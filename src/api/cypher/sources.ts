import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { articleMap } from './fragments';
import { where } from './group';
import { L, R } from './labels';
import { pageParams, pagesByKey, type NestedPage, type PageWindow } from './mentions';
import { articleRow, type SourceRow } from './rows';

const source = (r: Row): SourceRow => ({
  articleId: (r.article as Row).id as string,
  evidence: (r.evidence as string | null) ?? null,
  article: articleRow(r.article as Row),
});

export interface EntitySourcesOptions extends PageWindow {
  /** only this article's mentions (an article id) */
  article: string | null;
}

/**
 * Provenance of entities: a page of the articles that mention each one, with what each quoted, by article id (ties by
 * the quote), and how many there are in all.
 */
export async function entitySources(ctx: Context, ids: readonly string[], w: EntitySourcesOptions): Promise<Map<string, NestedPage<SourceRow>>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     CALL (id) {
       MATCH (a:${L.Article})-[m:${R.MENTIONS}]->(:${L.Entity} {id: id})
       ${where(w.article !== null ? ['a.id = $article'] : [])}
       WITH a, m ORDER BY a.id, m.evidence
       WITH collect({a: a, m: m}) AS found
       CALL (found) {
         UNWIND found[$skip..$end] AS f
         WITH f.a AS a, f.m AS m
         RETURN collect({article: ${articleMap('a')}, evidence: m.evidence}) AS rows
       }
       RETURN size(found) AS total, rows
     }
     RETURN id, total, rows`,
    { ids: [...ids], article: w.article, ...pageParams(w) },
  );
  return pagesByKey(ids, rows, source, w.first);
}

/**
 * Provenance of events or figures (the label says which, so the lookup is an index seek): a page of the articles that
 * report each, by article id (ties by the quote), and how many there are in all.
 */
export async function reportSources(
  ctx: Context,
  label: typeof L.Event | typeof L.Figure,
  ids: readonly string[],
  w: PageWindow,
): Promise<Map<string, NestedPage<SourceRow>>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     CALL (id) {
       MATCH (a:${L.Article})-[rep:${R.REPORTS}]->(:${label} {id: id})
       WITH a, rep ORDER BY a.id, rep.evidence
       WITH collect({a: a, rep: rep}) AS found
       CALL (found) {
         UNWIND found[$skip..$end] AS f
         WITH f.a AS a, f.rep AS rep
         RETURN collect({article: ${articleMap('a')}, evidence: rep.evidence}) AS rows
       }
       RETURN size(found) AS total, rows
     }
     RETURN id, total, rows`,
    { ids: [...ids], ...pageParams(w) },
  );
  return pagesByKey(ids, rows, source, w.first);
}
