import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { entityMap, type EntityExtras } from './fragments';
import { where } from './group';
import { L, R } from './labels';
import { entityRow, type EntityRow } from './rows';
import type { Compiled } from '../where';

export interface EntityFilterValues {
  types: readonly string[] | null;
  kinds: readonly string[] | null;
  /** ids as given; merged ids are resolved in the query */
  ids: readonly string[] | null;
  /** NameKey keys (`<Type>|<normalised name>`) of the exact name asked for */
  nameKeys: readonly string[] | null;
  /** lower-cased fragment of a name or alias */
  nameContains: string | null;
  /** the rest of the `where`, compiled (where/compile.ts) over `e` */
  extra: Compiled | null;
  /** where to start instead of every entity (where/anchor.ts), reading `startParams` */
  start: string | null;
  startParams: Record<string, unknown>;
}

export type EntityOrderValue = 'NAME_ASC' | 'NAME_DESC' | 'ID_ASC' | 'EVENTS_DESC' | 'EVENTS_ASC' | 'MENTIONS_DESC' | 'MENTIONS_ASC';

/** An entity's degree: the distinct events it took part in (two roles at one event count once). */
const EVENTS = `size(COLLECT { MATCH (e)-[:${R.PARTICIPATED_IN}]->(x:${L.Event}) RETURN DISTINCT x })`;
const MENTIONS = `COUNT { (:${L.Article})-[:${R.MENTIONS}]->(e) }`;

const ORDER: Record<EntityOrderValue, string> = {
  NAME_ASC: 'e.name ASC, e.id ASC',
  NAME_DESC: 'e.name DESC, e.id ASC',
  ID_ASC: 'e.id ASC',
  EVENTS_DESC: `${EVENTS} DESC, e.name ASC, e.id ASC`,
  EVENTS_ASC: `${EVENTS} ASC, e.name ASC, e.id ASC`,
  MENTIONS_DESC: `${MENTIONS} DESC, e.name ASC, e.id ASC`,
  MENTIONS_ASC: `${MENTIONS} ASC, e.name ASC, e.id ASC`,
};

/**
 * One page of a result. `total` is counted only when the client asked for it (null otherwise): counting every
 * match of a broad filter costs more than the page itself. `hasMore` comes from reading one row past the page.
 */
export interface Page<T> {
  total: number | null;
  rows: T[];
  hasMore: boolean;
}

/** The page of `take` rows out of `take + 1` read, and whether there was more. */
export function pageOf<T>(rows: T[], take: number, total: number | null): Page<T> {
  return { rows: rows.slice(0, take), hasMore: rows.length > take, total };
}

/** One page of entities (and, when asked, the total count), in one statement. */
export async function entityPage(
  ctx: Context,
  f: EntityFilterValues,
  order: EntityOrderValue,
  skip: number,
  take: number,
  withTotal: boolean,
  extras: EntityExtras,
): Promise<Page<EntityRow>> {
  const conditions = [
    ...(f.types ? ['e.type IN $types'] : []),
    ...(f.kinds ? ['e.kind IN $kinds'] : []),
    ...(f.ids ? ['e.id IN ids'] : []),
    ...(f.nameKeys ? [`EXISTS { MATCH (k:${L.NameKey})-[:${R.IDENTIFIES}]->(e) WHERE k.key IN $nameKeys }`] : []),
    ...(f.nameContains !== null
      ? ['toLower(e.name) CONTAINS $nameContains OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS $nameContains)']
      : []),
    ...(f.extra ? [f.extra.cypher] : []),
  ];
  const imports = f.ids ? 'ids' : '';
  const match = f.start ? `${f.start} WITH DISTINCT e` : `MATCH (e:${L.Entity})`;
  const rows = await readQuery(
    ctx,
    `${f.ids
      ? `CALL () {
           UNWIND $ids AS rid
           OPTIONAL MATCH (:${L.MergedId} {id: rid})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
           RETURN collect(coalesce(kept.id, rid)) AS ids
         }`
      : ''}
     ${withTotal && f.start
       ? // from an anchor the matches are few: one pass keeps them, counts them and pages them
         `CALL (${imports}) {
            ${match} ${where(conditions)}
            WITH e ORDER BY ${ORDER[order]}
            WITH collect(e) AS matched
            RETURN size(matched) AS total, [x IN matched[$skip..($skip + $take + 1)] | ${entityMap('x', extras)}] AS rows
          }`
       : `${withTotal
           ? `CALL (${imports}) {
                ${match} ${where(conditions)}
                RETURN count(e) AS total
              }`
           : 'WITH *, null AS total'}
          CALL (${imports}) {
            ${match} ${where(conditions)}
            WITH e ORDER BY ${ORDER[order]} SKIP $skip LIMIT $take + 1
            RETURN collect(${entityMap('e', extras)}) AS rows
          }`}
     RETURN total, rows`,
    { ...f, ...f.startParams, extra: null, start: null, startParams: null, skip: int(skip), take: int(take) },
  );
  return pageOf((rows[0].rows as Row[]).map(entityRow), take, rows[0].total as number | null);
}
