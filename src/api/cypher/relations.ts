import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { entityMap, type EntityExtras, relationMap } from './fragments';
import { where } from './group';
import { DOMAIN_RELATIONS, L } from './labels';
import { pageParams, pagesByKey, type NestedPage, type PageWindow } from './mentions';
import { entityRow, relationRow, type ClaimsOption, type Direction, type RelationRow } from './rows';

export interface RelationsOptions extends ClaimsOption, PageWindow {
  types: readonly string[] | null;
  direction: Direction | null;
  /** only relations this article states (an article id) */
  article: string | null;
  /** what the rows of the other ends carry */
  other: EntityExtras;
}

/**
 * A page of the domain relations of each entity, seen from it, by type then the other end's name (ties by the other
 * end's id, then the relation's key), and how many there are in all: a hub's relations are ordered and counted
 * in its own subquery, and only the page is projected.
 */
export async function relationsOfEntities(
  ctx: Context,
  ids: readonly string[],
  o: RelationsOptions,
): Promise<Map<string, NestedPage<RelationRow>>> {
  const conditions = [
    ...(o.types ? ['type(r) IN $types'] : []),
    ...(o.direction === 'OUTGOING' ? ['startNode(r) = e'] : o.direction === 'INCOMING' ? ['endNode(r) = e'] : []),
    ...(o.article !== null ? ['$article IN r.sourceArticles'] : []),
  ];
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     CALL (id) {
       MATCH (e:${L.Entity} {id: id})-[r:${DOMAIN_RELATIONS}]-(other:${L.Entity})
       ${where(conditions)}
       WITH e, r, other ORDER BY type(r), other.name, other.id, r.key
       WITH collect({e: e, r: r, other: other}) AS found
       CALL (found) {
         UNWIND found[$skip..$end] AS f
         WITH f.e AS e, f.r AS r, f.other AS other
         RETURN collect({relation: ${relationMap('r', 'e', o.withClaims)}, other: ${entityMap('other', o.other)}}) AS rows
       }
       RETURN size(found) AS total, rows
     }
     RETURN id, total, rows`,
    { ids: [...ids], types: o.types, article: o.article, ...pageParams(o) },
  );
  return pagesByKey(ids, rows, (r: Row) => relationRow(r.relation as Row, entityRow(r.other as Row)), o.first);
}
