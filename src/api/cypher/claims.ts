import type { Context } from '../context';
import { readQuery } from '../db/run';
import { claimSources, type ClaimKey, type SourceRow } from './rows';

/**
 * The claims (article and evidence of every statement) of relationships named by claim keys (claimKeyOf in
 * fragments.ts). A key is looked up by element id and kept only while that id still joins the same two nodes:
 * Neo4j reuses the id of a deleted relationship, and a relationship deleted between two round trips of one
 * request has no sources rather than another relationship's.
 */
export async function claimsByKeys(ctx: Context, keys: readonly ClaimKey[]): Promise<Map<ClaimKey, SourceRow[]>> {
  const refs = keys.map((key) => {
    const [rel, from, to] = key.split('\n');
    return { key, rel, from, to };
  });
  const rows = await readQuery(
    ctx,
    `UNWIND $refs AS x
     MATCH ()-[r]->()
     WHERE elementId(r) = x.rel AND startNode(r).id = x.from AND endNode(r).id = x.to
     RETURN x.key AS key, r.sourceArticles AS sourceArticles, r.sourceEvidence AS sourceEvidence`,
    { refs },
  );
  return new Map(rows.map((r) => [r.key as string, claimSources(r)]));
}
