import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { claimKeyEntry, eachBound, entityMap, entityMapWith, type EntityExtras } from './fragments';
import { entityLabel, relType } from './labels';
import { claimKeyIn, entityRow, entityRowOfType, type ClaimsOption, type PositionRow } from './rows';
import { pageParams, pagesByKey, type NestedPage, type PageWindow } from './mentions';
import type { Subquery } from './subquery';

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

export interface PositionsOptions extends ClaimsOption, PageWindow {
  /** what the rows of the person and of the organisation carry; null: the person is not selected, not read */
  person: EntityExtras | null;
  organization: EntityExtras;
  /** `since` or `until` selected */
  dates: boolean;
}

/**
 * A position `h` of person `p` in organisation `o`, as every query over positions projects it: the
 * organisation's map, with the position's entries (keys that are no entity property). `h` may be any
 * expression for the relationship (`f.h`, an entry of a collected page).
 */
const positionMap = (o: PositionsOptions, h = 'h'): string =>
  entityMapWith(
    'o',
    o.organization,
    `, title: ${h}.key` +
      (o.dates ? `, since: ${h}.since, until: ${h}.until` : '') +
      (o.person ? `, person: ${entityMap('p', o.person)}` : '') +
      claimKeyEntry(h, o.withClaims),
    true,
  );

/**
 * A subquery binding `positionsByPerson` ([{id, total, rows}] for the person nodes of the list variable `peopleVar`
 * who hold positions; the others have none): a page of the positions each person holds, by organisation name (then
 * id, then title), `first` + 1 from `skip`, and how many there are. It takes nodes, which a page's statement
 * already holds (its participants), so that it needs no index seek per person, and sorts all positions once, not
 * once per person: on a page at size L, ~150 sorts of one to three rows were about a third of Neo4j's CPU for the
 * whole statement (bench/README). Only the page is projected.
 */
export function positionsSubquery(peopleVar: string, o: PositionsOptions): Subquery {
  return {
    cypher: `CALL (${peopleVar}) {
      UNWIND ${peopleVar} AS p
      MATCH (p)-[h:${HOLDS_POSITION}]->(o:${ORGANIZATION})
      WITH p, h, o ORDER BY o.name, o.id, h.key
      WITH p, collect({o: o, h: h}) AS found
      RETURN collect({id: p.id, total: size(found), rows: ${eachBound('found[$positionsSkip..$positionsEnd]', 'o', positionMap(o, 'f.h'))}}) AS positionsByPerson
    }`,
    params: pageParams(o, 'positions'),
  };
}

/** What `positionsSubquery` bound, as a page by person id, for each of `people` (none: an empty page). */
export function positionsIn(r: Row, people: readonly string[], o: PositionsOptions): Map<string, NestedPage<PositionRow>> {
  return pagesByKey(people, (r.positionsByPerson as Row[] | null) ?? [], position, o.first);
}

/** A page of the positions each person holds, by organisation name then title (see positionsSubquery). */
export async function positionsOfPeople(
  ctx: Context,
  ids: readonly string[],
  o: PositionsOptions,
): Promise<Map<string, NestedPage<PositionRow>>> {
  const sub = positionsSubquery('people', o);
  const rows = await readQuery(
    ctx,
    `WITH COLLECT { MATCH (p:${PERSON}) WHERE p.id IN $ids RETURN p } AS people ${sub.cypher} RETURN positionsByPerson`,
    { ids: [...ids], ...sub.params },
  );
  return positionsIn(rows[0], ids, o);
}

/**
 * A page of the people holding a position in each organisation, by person name (then id, then title), and how many
 * there are: a hub's officials are ordered and counted in its own subquery, and only the page is projected.
 */
export async function officialsOfOrganizations(
  ctx: Context,
  ids: readonly string[],
  o: PositionsOptions,
): Promise<Map<string, NestedPage<PositionRow>>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (o:${ORGANIZATION} {id: id})
     CALL (o) {
       MATCH (p:${PERSON})-[h:${HOLDS_POSITION}]->(o)
       WITH p, h ORDER BY p.name, p.id, h.key
       RETURN collect({p: p, h: h}) AS found
     }
     RETURN id, size(found) AS total, ${eachBound('found[$skip..$end]', 'p', positionMap(o, 'f.h'))} AS rows`,
    { ids: [...ids], ...pageParams(o) },
  );
  return pagesByKey(ids, rows, position, o.first);
}
