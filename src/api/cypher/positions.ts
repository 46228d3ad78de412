import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { claimKeyEntry, entityMap, entityMapWith, type EntityExtras } from './fragments';
import { byKey } from './group';
import { entityLabel, relType } from './labels';
import { claimKeyIn, entityRow, entityRowOfType, type ClaimsOption, type PositionRow } from './rows';
import { listByKey, type Subquery } from './subquery';

const PERSON = entityLabel('Person');
const ORGANIZATION = entityLabel('Organization');
const HOLDS_POSITION = relType('HOLDS_POSITION');

/** A row of `positionMap`: the organisation's map, with the position's entries. */
const position = (r: Row): PositionRow => ({
  title: r.title as string,
  since: (r.since as string | null) ?? null,
  until: (r.until as string | null) ?? null,
  claimKey: claimKeyIn(r),
  person: r.person ? entityRow(r.person as Row) : null,
  organization: entityRowOfType(r, ORGANIZATION),
});

export interface PositionsOptions extends ClaimsOption {
  /** what the rows of the person and of the organisation carry; null: the person is not selected, not read */
  person: EntityExtras | null;
  organization: EntityExtras;
  /** `since` or `until` selected */
  dates: boolean;
}

/**
 * A position `h` of person `p` in organisation `o`, as every query over positions projects it: the
 * organisation's map, with the position's entries (keys that are no entity property).
 */
const positionMap = (o: PositionsOptions): string =>
  entityMapWith(
    'o',
    o.organization,
    ', title: h.key' +
      (o.dates ? ', since: h.since, until: h.until' : '') +
      (o.person ? `, person: ${entityMap('p', o.person)}` : '') +
      claimKeyEntry('h', o.withClaims),
    true,
  );

/**
 * A subquery binding `positionsByPerson` ([{id, rows}] for the person nodes of the list variable `peopleVar` who
 * hold positions; the others have none): every position each person holds, by organisation name then title. It
 * takes nodes, which a page's statement already holds (its participants), so that it needs no index seek per
 * person, and sorts all positions once, not once per person: on a page at size L, ~150 sorts of one to three rows
 * were about a third of Neo4j's CPU for the whole statement (bench/README).
 */
export function positionsSubquery(peopleVar: string, o: PositionsOptions): Subquery {
  return {
    cypher: `CALL (${peopleVar}) {
      UNWIND ${peopleVar} AS p
      MATCH (p)-[h:${HOLDS_POSITION}]->(o:${ORGANIZATION})
      WITH p, h, o ORDER BY o.name, o.id, h.key
      WITH p, collect(${positionMap(o)}) AS rows
      RETURN collect({id: p.id, rows: rows}) AS positionsByPerson
    }`,
    params: {},
  };
}

/** What `positionsSubquery` bound, as rows by person id, for each of `people` (none: []). */
export function positionsIn(r: Row, people: readonly string[]): Map<string, PositionRow[]> {
  return listByKey(people, r.positionsByPerson as Row[] | null, position);
}

/** Every position each person holds, by organisation name then title. */
export async function positionsOfPeople(
  ctx: Context,
  ids: readonly string[],
  o: PositionsOptions,
): Promise<Map<string, PositionRow[]>> {
  const sub = positionsSubquery('people', o);
  const rows = await readQuery(
    ctx,
    `WITH COLLECT { MATCH (p:${PERSON}) WHERE p.id IN $ids RETURN p } AS people ${sub.cypher} RETURN positionsByPerson`,
    { ids: [...ids], ...sub.params },
  );
  return positionsIn(rows[0], ids);
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
