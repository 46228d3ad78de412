import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { entityMap, type EntityExtras, relationMap } from './fragments';
import { byKey, where } from './group';
import { DOMAIN_RELATIONS, L } from './labels';
import { entityRow, relationRow, type ClaimsOption, type Direction, type RelationRow } from './rows';

export interface RelationsOptions extends ClaimsOption {
  types: readonly string[] | null;
  direction: Direction | null;
  /** what the rows of the other ends carry */
  other: EntityExtras;
}

/** The domain relations of each entity, seen from it, by type then the other end's name. */
export async function relationsOfEntities(
  ctx: Context,
  ids: readonly string[],
  o: RelationsOptions,
): Promise<Map<string, RelationRow[]>> {
  const conditions = [
    ...(o.types ? ['type(r) IN $types'] : []),
    ...(o.direction === 'OUTGOING' ? ['startNode(r) = e'] : o.direction === 'INCOMING' ? ['endNode(r) = e'] : []),
  ];
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (e:${L.Entity} {id: id})-[r:${DOMAIN_RELATIONS}]-(other:${L.Entity})
     ${where(conditions)}
     WITH id, e, r, other ORDER BY type(r), other.name, other.id, r.key
     RETURN id, collect({relation: ${relationMap('r', 'e', o.withClaims)}, other: ${entityMap('other', o.other)}}) AS rows`,
    { ids: [...ids], types: o.types },
  );
  return byKey(ids, rows, (r: Row) => relationRow(r.relation as Row, entityRow(r.other as Row)));
}
