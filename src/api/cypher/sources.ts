import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { articleMap } from './fragments';
import { byKey } from './group';
import { L, R } from './labels';
import { articleRow, type SourceRow } from './rows';

const source = (r: Row): SourceRow => ({
  articleId: (r.article as Row).id as string,
  evidence: (r.evidence as string | null) ?? null,
  article: articleRow(r.article as Row),
});

/** Provenance of entities: the articles that mention them, with what each quoted. */
export async function entitySources(ctx: Context, ids: readonly string[]): Promise<Map<string, SourceRow[]>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (a:${L.Article})-[m:${R.MENTIONS}]->(:${L.Entity} {id: id})
     WITH id, a, m ORDER BY a.id
     RETURN id, collect({article: ${articleMap('a')}, evidence: m.evidence}) AS rows`,
    { ids: [...ids] },
  );
  return byKey(ids, rows, source);
}

/** Provenance of events or figures (the label says which, so the lookup is an index seek): the articles that report them. */
export async function reportSources(
  ctx: Context,
  label: typeof L.Event | typeof L.Figure,
  ids: readonly string[],
): Promise<Map<string, SourceRow[]>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (a:${L.Article})-[rep:${R.REPORTS}]->(:${label} {id: id})
     WITH id, a, rep ORDER BY a.id
     RETURN id, collect({article: ${articleMap('a')}, evidence: rep.evidence}) AS rows`,
    { ids: [...ids] },
  );
  return byKey(ids, rows, source);
}
