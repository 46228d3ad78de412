import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import type { NestedPage, PageWindow } from './mentions';
import { claimSources, type ClaimKey, type SourceRow } from './rows';

/** Cypher's list slice takes a 32-bit-safe end: "the whole list" is a window this long. */
const WHOLE = 2 ** 31 - 2;

/**
 * The claims (article and evidence of every statement) of relationships named by claim keys (claimKeyOf in
 * fragments.ts), a page of each (`w`; null: the whole list, for a caller that merges several before paging): the
 * claim lists are cut and counted in the statement, so a fact stated by a thousand articles ships one page. A key
 * is looked up by element id and kept only while that id still joins the same two nodes: Neo4j reuses the id of a
 * deleted relationship, and a relationship deleted between two round trips of one request has no sources rather
 * than another relationship's.
 */
export async function claimsByKeys(ctx: Context, keys: readonly ClaimKey[], w: PageWindow | null): Promise<Map<ClaimKey, NestedPage<SourceRow>>> {
  const refs = keys.map((key) => {
    const [rel, from, to] = key.split('\n');
    return { key, rel, from, to };
  });
  const skip = w?.skip ?? 0;
  const end = w ? skip + w.first + 1 : WHOLE;
  const rows = await readQuery(
    ctx,
    `UNWIND $refs AS x
     MATCH ()-[r]->()
     WHERE elementId(r) = x.rel AND startNode(r).id = x.from AND endNode(r).id = x.to
     WITH x, coalesce(r.sourceArticles, []) AS articles, coalesce(r.sourceEvidence, []) AS evidence
     RETURN x.key AS key, size(articles) AS total, articles[$skip..$end] AS sourceArticles, evidence[$skip..$end] AS sourceEvidence`,
    { refs, skip: int(skip), end: int(end) },
  );
  const first = w ? w.first : WHOLE;
  return new Map(
    rows.map((r: Row) => {
      const page = claimSources(r);
      return [r.key as string, { rows: page.slice(0, first), total: Number(r.total), hasMore: page.length > first }];
    }),
  );
}
