import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { badInput } from '../errors';
import { L, R } from './labels';
import type { Compiled } from '../where';

export interface GroupCountRow {
  key: string | null;
  label: string | null;
  count: number;
  subgroups: GroupCountRow[] | null;
}

/**
 * How a grouping reads a group off a matched row (`ev`, `e` or `f`): an optional clause reaching what it groups by,
 * the key and label expressions, and whether a row can fall in several groups (then rows are counted distinct).
 * Groups are ordered by count (largest first) unless they are periods, which are ordered in time (the group
 * without one last); ties by key.
 */
export interface Grouping {
  row: 'ev' | 'e' | 'f';
  reach?: string;
  key: string;
  label?: string;
  byKey?: boolean;
  /** a row can be in several groups (an event has several participants) */
  many?: boolean;
}

/** `YYYY-MM` or `YYYY` of the first day; null for an undated event (toString and substring pass null through). */
const part = (v: string, n: number): string => `substring(toString(${v}.dateStart), 0, ${n})`;

export const EVENT_GROUPINGS: Record<'TYPE' | 'MONTH' | 'YEAR' | 'LOCATION' | 'PARTICIPANT', Grouping> = {
  TYPE: { row: 'ev', key: 'ev.type' },
  MONTH: { row: 'ev', key: part('ev', 7), byKey: true },
  YEAR: { row: 'ev', key: part('ev', 4), byKey: true },
  LOCATION: { row: 'ev', reach: `OPTIONAL MATCH (ev)-[:${R.OCCURRED_AT}]->(place:${L.Entity})`, key: 'place.id', label: 'place.name', many: true },
  PARTICIPANT: { row: 'ev', reach: `MATCH (who:${L.Entity})-[:${R.PARTICIPATED_IN}]->(ev)`, key: 'who.id', label: 'who.name', many: true },
};

export const ENTITY_GROUPINGS: Record<'TYPE' | 'KIND', Grouping> = {
  TYPE: { row: 'e', key: 'e.type' },
  KIND: { row: 'e', key: `e.type + ':' + coalesce(e.kind, '')`, label: 'e.kind' },
};

export const FIGURE_GROUPINGS: Record<'METRIC' | 'PERIOD' | 'SUBJECT', Grouping> = {
  METRIC: { row: 'f', key: 'f.metric' },
  PERIOD: { row: 'f', key: 'f.period', byKey: true },
  SUBJECT: { row: 'f', reach: `MATCH (f)-[:${R.ABOUT}]->(about:${L.Entity})`, key: 'about.id', label: 'about.name', many: true },
};

const orderOf = (g: Grouping, key = 'key', count = 'count'): string =>
  g.byKey ? `${key} IS NULL, ${key} ASC` : `${count} DESC, ${key} IS NULL, ${key} ASC`;

/**
 * One statement: the rows `match` finds under `where`, grouped, at most `first` groups; with `then`, each group
 * counted again by `then` (whose groups must not overlap, so that they add up to the group: not PARTICIPANT).
 */
export async function groupCounts(
  ctx: Context,
  match: string,
  where: Compiled | null,
  g: Grouping,
  first: number,
  then: Grouping | null = null,
): Promise<GroupCountRow[]> {
  if (then?.many && then.reach?.startsWith('MATCH')) throw badInput('then: a grouping where one row falls in several groups (PARTICIPANT, SUBJECT) cannot subdivide a group', 'then');
  const head = `${match} ${where ? `WHERE ${where.cypher}` : ''}
     ${g.reach ?? ''}`;
  const label = g.label ?? 'null';
  // rows are made distinct only when a grouping can repeat them (a participant's events, a location's)
  const statement = then
    ? `${head}
       ${g.many || then.reach
         ? `WITH ${g.many ? 'DISTINCT ' : ''}${g.row}, ${g.key} AS key, ${label} AS label
            ${then.reach ?? ''}
            WITH key, label, ${then.key} AS key2, ${then.label ?? 'null'} AS label2, count(${g.many || then.many ? `DISTINCT ${g.row}` : '*'}) AS c`
         : `WITH ${g.key} AS key, ${label} AS label, ${then.key} AS key2, ${then.label ?? 'null'} AS label2, count(*) AS c`}
       ORDER BY ${orderOf(then, 'key2', 'c')}
       WITH key, label, sum(c) AS count, collect({key: key2, label: label2, count: c}) AS subgroups
       RETURN key, label, count, subgroups ORDER BY ${orderOf(g)} LIMIT $first`
    : `${head}
       WITH ${g.key} AS key, ${label} AS label, count(${g.many ? `DISTINCT ${g.row}` : '*'}) AS count
       RETURN key, label, count, null AS subgroups ORDER BY ${orderOf(g)} LIMIT $first`;
  const rows = await readQuery(ctx, statement, { ...where?.params, first: int(first) });
  return rows.map(groupRow);
}

function groupRow(r: Row): GroupCountRow {
  return {
    key: (r.key as string | null) ?? null,
    label: (r.label as string | null) ?? null,
    count: r.count as number,
    subgroups: r.subgroups ? (r.subgroups as Row[]).map(groupRow) : null,
  };
}

export const EVENT_MATCH = `MATCH (ev:${L.Event})`;
export const ENTITY_MATCH = `MATCH (e:${L.Entity})`;
export const FIGURE_MATCH = `MATCH (f:${L.Figure})`;
