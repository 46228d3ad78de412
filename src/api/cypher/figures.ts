import type { FigureQualifier } from '../../model';
import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { figureMap, resolveEntity } from './fragments';
import { where } from './group';
import { pageParams, pagesByKey, type NestedPage, type PageWindow } from './mentions';
import { L, R } from './labels';
import { figureRow, type FigureRow } from './rows';
import type { Compiled } from '../where';

export type FigureOrderValue = 'SUBJECT' | 'VALUE_DESC' | 'VALUE_ASC';
const ROOT_ORDER: Record<FigureOrderValue, string> = {
  SUBJECT: `s.name, s.id, f.metric, f.period, f.id`,
  VALUE_DESC: `f.value DESC, s.name, s.id, f.metric, f.period, f.id`,
  VALUE_ASC: `f.value ASC, s.name, s.id, f.metric, f.period, f.id`,
};

export interface FigureFilter {
  metric: string | null;
  period: string | null;
  qualifiers: readonly FigureQualifier[] | null;
  hedged: boolean | null;
}

/** The WHERE conditions of a filter on figure `f` (values are parameters named after the filter's fields). */
function filterConditions(o: FigureFilter): string[] {
  return [
    ...(o.metric !== null ? ['f.metric = $metric'] : []),
    ...(o.period !== null ? ['f.period = $period'] : []),
    ...(o.qualifiers !== null ? ['f.qualifier IN $qualifiers'] : []),
    ...(o.hedged === true ? ['f.qualifier IS NOT NULL'] : o.hedged === false ? ['f.qualifier IS NULL'] : []),
  ];
}

const filterParams = (o: FigureFilter) => ({ metric: o.metric, period: o.period, qualifiers: o.qualifiers });

const ORDER = 'f.metric, f.period, f.id';

/**
 * A page of the figures about each entity, by metric then period (then id), and how many there are: ordered,
 * counted and cut in the statement; only the page is projected (a figure's map reads its statement and subject).
 */
export async function figuresAbout(ctx: Context, ids: readonly string[], o: FigureFilter, w: PageWindow): Promise<Map<string, NestedPage<FigureRow>>> {
  const conditions = filterConditions(o);
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     CALL (id) {
       MATCH (f:${L.Figure})-[:${R.ABOUT}]->(:${L.Entity} {id: id})
       ${where(conditions)}
       WITH f ORDER BY ${ORDER}
       RETURN collect(f) AS found
     }
     RETURN id, size(found) AS total, [x IN found[$skip..$end] | ${figureMap('x')}] AS rows`,
    { ids: [...ids], ...filterParams(o), ...pageParams(w) },
  );
  return pagesByKey(ids, rows, (r: Row) => figureRow(r), w.first);
}

/**
 * Figures by subject (a merged id resolves to the kept entity; an unknown one matches nothing), metric,
 * period and hedge, each optional; by subject name, metric, period; at most `first`.
 */
export async function findFigures(
  ctx: Context,
  o: FigureFilter & { subject: string | null; first: number; extra: Compiled | null; order: FigureOrderValue },
): Promise<FigureRow[]> {
  const conditions = [...(o.subject !== null ? ['s = subject'] : []), ...filterConditions(o), ...(o.extra ? [o.extra.cypher] : [])];
  const rows = await readQuery(
    ctx,
    `${o.subject !== null ? resolveEntity('$subject', 'subject') : 'WITH null AS subject'}
     MATCH (f:${L.Figure})-[:${R.ABOUT}]->(s:${L.Entity})
     ${where(conditions)}
     WITH f, s ORDER BY ${ROOT_ORDER[o.order]}
     LIMIT $first
     RETURN ${figureMap('f')} AS figure`,
    { ...o.extra?.params, subject: o.subject, ...filterParams(o), first: int(o.first) },
  );
  return rows.map((r) => figureRow(r.figure as Row));
}
