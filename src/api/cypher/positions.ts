import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { claimKeyEntry, entityMap, type EntityExtras } from './fragments';
import { byKey } from './group';
import { entityLabel, relType } from './labels';
import { claimKeyIn, entityRow, type ClaimsOption, type PositionRow } from './rows';
import { listByKey, type Subquery } from './subquery';

const PERSON = entityLabel('Person');
const ORGANIZATION = entityLabel('Organization');
const HOLDS_POSITION = relType('HOLDS_POSITION');

const position = (r: Row): PositionRow => ({
  title: r.title as string,
  since: (r.since as string | null) ?? null,
  until: (r.until as string | null) ?? null,
  claimKey: claimKeyIn(r),
  person: r.person ? entityRow(r.person as Row) : null,
  organization: entityRow(r.organization as Row),
});

export interface PositionsOptions extends ClaimsOption {
  /** what the rows of the person and of the organisation carry; null: the person is not selected, not read */
  person: EntityExtras | null;
  organization: EntityExtras;
  /** `since` or `until` selected */
  dates: boolean;
}

/** A position `h` of person `p` in organisation `o`, as every query over positions projects it. */
const positionMap = (o: PositionsOptions): string =>
  '{title: h.key' +
  (o.dates ? ', since: h.since, until: h.until' : '') +
  (o.person ? `, person: ${entityMap('p', o.person)}` : '') +
  `, organization: ${entityMap('o', o.organization)}` +
  `${claimKeyEntry('h', o.withClaims)}}`;

/**
 * A subquery binding `positionsByPerson` ([{id, rows}], one per person id of the list variable `idsVar`): every
 * position each person holds, by organisation name then title.
 */
export function positionsSubquery(idsVar: string, o: PositionsOptions): Subquery {
  return {
    cypher: `CALL (${idsVar}) {
      UNWIND ${idsVar} AS id
      CALL (id) {
        MATCH (p:${PERSON} {id: id})-[h:${HOLDS_POSITION}]->(o:${ORGANIZATION})
        WITH p, h, o ORDER BY o.name, o.id, h.key
        RETURN collect(${positionMap(o)}) AS rows
      }
      RETURN collect({id: id, rows: rows}) AS positionsByPerson
    }`,
    params: {},
  };
}

/** What `positionsSubquery` bound, as rows by person id. */
export function positionsIn(r: Row): Map<string, PositionRow[]> {
  const entries = (r.positionsByPerson as Row[] | null) ?? [];
  return listByKey(entries.map((e) => e.id as string), entries, position);
}

/** Every position each person holds, by organisation name then title. */
export async function positionsOfPeople(
  ctx: Context,
  ids: readonly string[],
  o: PositionsOptions,
): Promise<Map<string, PositionRow[]>> {
  const sub = positionsSubquery('ids', o);
  const rows = await readQuery(ctx, `WITH $ids AS ids ${sub.cypher} RETURN positionsByPerson`, { ids: [...ids], ...sub.params });
  return positionsIn(rows[0]);
}

/** Everyone holding a position in each organisation, by person name then title. */
export async function officialsOfOrganizations(
  ctx: Context,
  ids: readonly string[],
  o: PositionsOptions,
): Promise<Map<string, PositionRow[]>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (p:${PERSON})-[h:${HOLDS_POSITION}]->(o:${ORGANIZATION} {id: id})
     WITH id, p, h, o ORDER BY p.name, p.id, h.key
     RETURN id, collect(${positionMap(o)}) AS rows`,
    { ids: [...ids] },
  );
  return byKey(ids, rows, position);
}
