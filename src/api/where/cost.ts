import { ARG_LIMITS, overLimit } from '../args/limits';
import { tooComplex } from '../errors';
import { STRING_OPERATORS } from './operators';

/**
 * What one `where` may ask of the database, checked before it is compiled (so before any statement runs). A filter
 * costs the database per candidate row: each condition, each relationship it follows (nested ones multiply), each
 * value of an `in` list, each `contains`/`startsWith` (no index serves them). These bound what a single
 * argument can ask for; the server's cost limit bounds how many lists an operation asks for.
 */
export const WHERE_LIMITS = {
  /** relationships followed inside one another (relation.other, position.at, participatedIn.event, …) */
  hops: 4,
  /** AND/OR/NOT and relationship filters inside one another */
  nesting: 8,
  /** conditions in all (every operator and every field given counts one) */
  conditions: 40,
  /** values in all `in` / `ids` / `types` lists */
  listValues: 200,
  /** `contains`, `startsWith` and `nameContains` in all */
  scans: 10,
} as const;

export type WhereLimit = keyof typeof WHERE_LIMITS;

/** Fields whose value is a filter on something the filtered row is linked to. */
const HOPS = new Set(['other', 'at', 'event', 'entity', 'subject', 'partOf']);
const SCANS = new Set([...Object.entries(STRING_OPERATORS).filter(([, op]) => op.folded).map(([name]) => name), 'nameContains']);

export interface WhereMeasure {
  hops: number;
  nesting: number;
  conditions: number;
  listValues: number;
  scans: number;
}

export function measureWhere(where: unknown): WhereMeasure {
  const m: WhereMeasure = { hops: 0, nesting: 0, conditions: 0, listValues: 0, scans: 0 };
  const walk = (value: object, hops: number, nesting: number): void => {
    m.hops = Math.max(m.hops, hops);
    m.nesting = Math.max(m.nesting, nesting);
    for (const [key, v] of Object.entries(value)) {
      if (v === null || v === undefined || key === 'dateMatch') continue;
      if (Array.isArray(v)) {
        if (v.length > 0 && typeof v[0] === 'object') v.forEach((x) => walk(x as object, hops, nesting + 1));
        else {
          m.listValues += v.length;
          m.conditions += 1;
        }
      } else if (typeof v === 'object') {
        walk(v as object, HOPS.has(key) ? hops + 1 : hops, nesting + 1);
      } else {
        m.conditions += 1;
        if (SCANS.has(key)) m.scans += 1;
      }
    }
  };
  if (where && typeof where === 'object') walk(where, 0, 0);
  return m;
}

const WHAT: Record<WhereLimit, string> = {
  hops: 'relationships followed one inside another',
  nesting: 'levels of nested filters',
  conditions: 'conditions',
  listValues: 'values in lists',
  scans: 'contains/startsWith conditions',
};

/** The path of the first `ids` list longer than an id list argument may be, or null. */
function longIdList(value: unknown, path: string): { path: string; length: number } | null {
  if (!value || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = longIdList(v, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key === 'ids' && Array.isArray(v) && v.length > ARG_LIMITS.ids) return { path: `${path}.ids`, length: v.length };
    const found = longIdList(v, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/**
 * An `ids` list over its own bound is BAD_USER_INPUT wherever it is (as `checkIds` says it), whatever else the
 * filter holds; then QUERY_TOO_COMPLEX naming the first limit of the filter as a whole that it breaks (`argument`
 * says which one: `where`).
 */
export function checkWhereCost(where: unknown, argument = 'where'): void {
  const long = longIdList(where, argument);
  if (long) throw overLimit(`${long.path} holds more than ${ARG_LIMITS.ids} ids`, long.path, 'ids', ARG_LIMITS.ids);
  const m = measureWhere(where);
  for (const limit of Object.keys(WHERE_LIMITS) as WhereLimit[]) {
    if (m[limit] > WHERE_LIMITS[limit]) {
      throw tooComplex(`${argument} has ${m[limit]} ${WHAT[limit]}; at most ${WHERE_LIMITS[limit]} are allowed (limit where.${limit})`, {
        limit: `where.${limit}`,
        value: m[limit],
        max: WHERE_LIMITS[limit],
        argumentName: argument,
        http: { status: 400 },
      });
    }
  }
}
