import type { Context } from '../context';
import { int, readQuery } from '../db/run';
import { L, R } from './labels';
import type { Compiled } from '../where';

export interface GroupCountRow {
  key: string | null;
  label: string | null;
  count: number;
}

/**
 * How each grouping reads a group off a matched row: the part after the MATCH of the rows (`ev`, `e` or `f`),
 * ending in `WITH key, label, count`. Groups are ordered by count (largest first) unless they are periods, which
 * are ordered in time (the group without one last); ties by key.
 */
interface Grouping {
  cypher: string;
  byKey?: boolean;
}

const month = (v: string): string => `CASE WHEN ${v}.dateStart IS NULL THEN null ELSE substring(toString(${v}.dateStart), 0, 7) END`;
const year = (v: string): string => `CASE WHEN ${v}.dateStart IS NULL THEN null ELSE substring(toString(${v}.dateStart), 0, 4) END`;

export const EVENT_GROUPINGS: Record<'TYPE' | 'MONTH' | 'YEAR' | 'LOCATION' | 'PARTICIPANT', Grouping> = {
  TYPE: { cypher: 'WITH ev.type AS key, null AS label, count(*) AS count' },
  MONTH: { cypher: `WITH ${month('ev')} AS key, null AS label, count(*) AS count`, byKey: true },
  YEAR: { cypher: `WITH ${year('ev')} AS key, null AS label, count(*) AS count`, byKey: true },
  LOCATION: {
    cypher: `OPTIONAL MATCH (ev)-[:${R.OCCURRED_AT}]->(place:${L.Entity})
             WITH place.id AS key, place.name AS label, count(DISTINCT ev) AS count`,
  },
  PARTICIPANT: {
    cypher: `MATCH (who:${L.Entity})-[:${R.PARTICIPATED_IN}]->(ev)
             WITH who.id AS key, who.name AS label, count(DISTINCT ev) AS count`,
  },
};

export const ENTITY_GROUPINGS: Record<'TYPE' | 'KIND', Grouping> = {
  TYPE: { cypher: 'WITH e.type AS key, null AS label, count(*) AS count' },
  KIND: { cypher: `WITH e.type + ':' + coalesce(e.kind, '') AS key, e.kind AS label, count(*) AS count` },
};

export const FIGURE_GROUPINGS: Record<'METRIC' | 'PERIOD' | 'SUBJECT', Grouping> = {
  METRIC: { cypher: 'WITH f.metric AS key, null AS label, count(*) AS count' },
  PERIOD: { cypher: 'WITH f.period AS key, null AS label, count(*) AS count', byKey: true },
  SUBJECT: {
    cypher: `MATCH (f)-[:${R.ABOUT}]->(about:${L.Entity})
             WITH about.id AS key, about.name AS label, count(DISTINCT f) AS count`,
  },
};

/** The groups of the rows `match` finds under `where`, at most `first` of them, in one statement. */
export async function groupCounts(
  ctx: Context,
  match: string,
  where: Compiled | null,
  grouping: Grouping,
  first: number,
): Promise<GroupCountRow[]> {
  const order = grouping.byKey ? 'key IS NULL, key ASC' : 'count DESC, key IS NULL, key ASC';
  const rows = await readQuery(
    ctx,
    `${match} ${where ? `WHERE ${where.cypher}` : ''}
     ${grouping.cypher}
     RETURN key, label, count ORDER BY ${order} LIMIT $first`,
    { ...where?.params, first: int(first) },
  );
  return rows.map((r) => ({ key: (r.key as string | null) ?? null, label: (r.label as string | null) ?? null, count: r.count as number }));
}

export const EVENT_MATCH = `MATCH (ev:${L.Event})`;
export const ENTITY_MATCH = `MATCH (e:${L.Entity})`;
export const FIGURE_MATCH = `MATCH (f:${L.Figure})`;
