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
 * For each `id` of `$ids`, a page of the articles `a` whose relationship `r` to it `match` finds (both bound by
 * `match`), by article id (ties by the quote `r.evidence`), and how many there are in all.
 */
async function sourcePages(ctx: Context, match: string, ids: readonly string[], w: PageWindow, params: Record<string, unknown> = {}) {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     CALL (id) {
       ${match}
       WITH a, r ORDER BY a.id, r.evidence
       WITH collect({a: a, r: r}) AS found
       CALL (found) {
         UNWIND found[$skip..$end] AS f
         WITH f.a AS a, f.r AS r
         RETURN collect({article: ${articleMap('a')}, evidence: r.evidence}) AS rows
       }
       RETURN size(found) AS total, rows
     }
     RETURN id, total, rows`,
    { ids: [...ids], ...params, ...pageParams(w) },
  );
  return pagesByKey(ids, rows, source, w.first);
}

/** Provenance of entities: the articles that mention each one, with what each quoted (`sourcePages`). */
export function entitySources(ctx: Context, ids: readonly string[], w: EntitySourcesOptions): Promise<Map<string, NestedPage<SourceRow>>> {
  const match = `MATCH (a:${L.Article})-[r:${R.MENTIONS}]->(:${L.Entity} {id: id})
       ${where(w.article !== null ? ['a.id = $article'] : [])}`;
  return sourcePages(ctx, match, ids, w, { article: w.article });
}

/**
 * Provenance of events or figures (the label says which, so the lookup is an index seek): the articles that report
 * each (`sourcePages`).
 */
export function reportSources(
  ctx: Context,
  label: typeof L.Event | typeof L.Figure,
  ids: readonly string[],
  w: PageWindow,
): Promise<Map<string, NestedPage<SourceRow>>> {
  return sourcePages(ctx, `MATCH (a:${L.Article})-[r:${R.REPORTS}]->(:${label} {id: id})`, ids, w);
}
