import { FULLTEXT_INDEX } from '../../graph/schemaStatements';
import { ENTITY_TYPE_NAMES, EVENT_TYPES } from '../../model';
import { highlightName, type MatchKind, type NameMatch } from '../../search';
import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { type Page, pageOf } from './entityPage';
import { dateConditions } from './eventDates';
import { type EntityExtras, entityOrEventMap, type EventExtras } from './fragments';
import { where } from './group';
import { L, R } from './labels';
import { entityRow, eventRow, type EntityRow, type EventRow } from './rows';

export interface SearchHitRow {
  score: number;
  node: EntityRow | EventRow;
  /** which name or alias matched, how, and where */
  match: NameMatch & { text: string; field: 'NAME' | 'ALIAS' };
}

/** Lucene query syntax characters; the user's text is matched literally, never parsed as operators. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/**
 * The user's text as a Lucene query matching it literally. Lower-casing too turns the operator words
 * (AND, OR, NOT) into plain words; the index's analyzer lower-cases Latin text anyway, and Han text has no case.
 */
export function luceneLiteral(text: string): string {
  return text.toLowerCase().replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

export interface SearchFilter {
  /** entity types to include; null: all (unless only eventTypes is given) */
  types: readonly string[] | null;
  /** event types to include; null: all (unless only types is given) */
  eventTypes: readonly string[] | null;
  /** first and last day (YYYY-MM-DD): events overlapping it, entities named by an article published in it */
  from: string | null;
  to: string | null;
}

/** The query in its forms: folded (names' search keys), simplified (event names), Lucene (the fuzzy tier). */
export interface SearchQuery {
  folded: string;
  /** `folded` in its short form (经开区 for 经济开发区) */
  short: string;
  simplified: string;
  lucene: string | null;
}

/**
 * Tiers, best first: a name or alias equal to the folded query, starting with it, containing it; its pinyin or
 * initials equal to it, starting with it, containing it; then (6) the full-text index's bigram matches, the
 * fuzzy tier. Per name the best tier counts, per entity its best name.
 */
const TIER: Record<number, MatchKind> = { 0: 'EXACT', 1: 'PREFIX', 2: 'CONTAINS', 6: 'FUZZY' };
const nameTiers = (qShort: string): string => `
  CASE WHEN n.searchNames[i] = $q OR n.searchShort[i] = ${qShort} THEN 0
       WHEN n.searchNames[i] STARTS WITH $q OR n.searchShort[i] STARTS WITH ${qShort} THEN 1
       WHEN n.searchNames[i] CONTAINS $q OR n.searchShort[i] CONTAINS ${qShort} THEN 2
       WHEN n.searchPinyin[i] = $q OR n.searchInitials[i] = $q THEN 3
       WHEN n.searchPinyin[i] STARTS WITH $q OR n.searchInitials[i] STARTS WITH $q THEN 4
       WHEN n.searchPinyin[i] CONTAINS $q OR n.searchInitials[i] CONTAINS $q THEN 5 ELSE 9 END`;
/** Within a tier, the better connected first: a fraction in [0, 1) growing with the degree. */
const CONNECTED = 'toFloat(COUNT { (n)--() }) / (COUNT { (n)--() } + 10)';

function branches(f: SearchFilter, shape: SearchShape): string[] {
  const onlyEvents = f.types === null && f.eventTypes !== null;
  const onlyEntities = f.types !== null && f.eventTypes === null;
  // a list of every type filters nothing
  const entityTypes = f.types && !ENTITY_TYPE_NAMES.every((t) => f.types!.includes(t)) ? ['n.type IN $types'] : [];
  const eventTypes = f.eventTypes && !EVENT_TYPES.every((t) => f.eventTypes!.includes(t)) ? ['n.type IN $eventTypes'] : [];
  // publishedOn is YYYY-MM-DD or YYYY-MM: a month reaches up to its last day, and '2023-06' <= '2023-06-01'
  const published = [
    ...(f.from ? ["a.publishedOn + CASE size(a.publishedOn) WHEN 7 THEN '-31' ELSE '' END >= $from"] : []),
    ...(f.to ? ['a.publishedOn <= $to'] : []),
  ];
  const entityDates = published.length ? [`EXISTS { MATCH (a:${L.Article})-[:${R.MENTIONS}]->(n) ${where(published)} }`] : [];
  const eventDates = dateConditions('n', { from: f.from, to: f.to, match: 'OVERLAPS' });
  const entityWhere = [...entityTypes, ...entityDates];
  const eventWhere = [...eventTypes, ...eventDates];
  // a short form equal to the query is not looked for twice: one TEXT index seek instead of two
  const qShort = shape.short ? '$qShort' : '$q';
  const named = shape.short ? ['n.searchText CONTAINS $q', 'n.searchText CONTAINS $qShort'] : ['n.searchText CONTAINS $q'];
  const out: string[] = [];
  if (!onlyEvents) {
    out.push(`MATCH (n:${L.Entity}) ${where([named.join(' OR '), ...entityWhere])}
      WITH n, reduce(b = [9, -1], t IN [i IN range(0, size(n.searchNames) - 1) | [${nameTiers(qShort)}, i]] |
                     CASE WHEN t[0] < b[0] THEN t ELSE b END) AS best
      WHERE best[0] < 9
      RETURN n, best[0] AS tier, best[1] AS at, 7 - best[0] + ${CONNECTED} AS score`);
  }
  if (!onlyEntities) {
    out.push(`MATCH (n:${L.Event}) ${where(['n.name CONTAINS $qs', ...eventWhere])}
      WITH n, CASE WHEN n.name = $qs THEN 0 WHEN n.name STARTS WITH $qs THEN 1 ELSE 2 END AS tier
      RETURN n, tier, 0 AS at, 7 - tier + ${CONNECTED} AS score`);
  }
  if (shape.fuzzy) {
    const kinds = [
      ...(onlyEvents ? [] : [`n:${L.Entity} ${[...named.map((c) => `NOT ${c}`), ...entityWhere].map((c) => `AND ${c}`).join(' ')}`]),
      ...(onlyEntities ? [] : [`n:${L.Event} AND NOT n.name CONTAINS $qs ${eventWhere.map((c) => `AND ${c}`).join(' ')}`]),
    ];
    out.push(`CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS n, score AS relevance
      WITH n, relevance ${where([kinds.map((k) => `(${k})`).join(' OR ')])}
      RETURN n, 6 AS tier, 0 AS at, relevance / (relevance + 1) AS score`);
  }
  return out;
}

/** What the statement is built for: the fuzzy tier, the total, and a short form that differs from the query. */
export interface SearchShape {
  fuzzy: boolean;
  withTotal: boolean;
  short: boolean;
}

/** The statement's shape for this query. */
export const searchShape = (query: SearchQuery, withTotal: boolean): SearchShape => ({
  fuzzy: query.lucene !== null,
  withTotal,
  short: query.short !== query.folded,
});

/**
 * The search statement: hits over the names and aliases of entities (their search keys: folded, short form,
 * pinyin, initials; a TEXT index seek for CONTAINS) and the names of events, with the full-text index's fuzzy
 * matches after them, best first (ties by id). All hits are read (CONTAINS has no order), but only those that can
 * reach the page (scoring at least its last, one past it) have their ids read and sorted. Returns `total` (null
 * unless `withTotal`) and `rows`. Its parameters are `searchParameters`'. The benchmark runs it as it is.
 */
export function searchStatement(f: SearchFilter, shape: SearchShape, extras: { entity: EntityExtras; event: EventExtras }): string {
  const withTotal = shape.withTotal;
  return `CALL () {
       ${branches(f, shape).join('\n       UNION ALL\n       ')}
     }
     WITH n, tier, at, score ORDER BY score DESC
     WITH collect({node: n, tier: tier, at: at, score: score}) AS hits
     WITH ${withTotal ? 'size(hits)' : 'null'} AS total, hits, hits[$skip + $take].score AS cut
     CALL (hits, cut) {
       UNWIND [h IN hits WHERE cut IS NULL OR h.score >= cut] AS h
       WITH h ORDER BY h.score DESC, h.node.id ASC LIMIT $skip + $take + 1
       RETURN collect(h)[$skip..] AS page
     }
     CALL (page) {
       UNWIND page AS h
       WITH h, h.node AS n
       RETURN collect({
         score: h.score, tier: h.tier, at: h.at,
         label: CASE WHEN n:${L.Entity} THEN 'Entity' ELSE 'Event' END,
         names: CASE WHEN n:${L.Entity} THEN [n.name] + coalesce(n.aliases, []) ELSE [n.name] END,
         node: ${entityOrEventMap('n', extras.entity, extras.event)}
       }) AS rows
     }
     RETURN total, rows`;
}

export function searchParameters(query: SearchQuery, f: SearchFilter, skip: number, take: number): Record<string, unknown> {
  return {
    index: FULLTEXT_INDEX,
    q: query.folded,
    qShort: query.short,
    qs: query.simplified,
    lucene: query.lucene,
    types: f.types,
    eventTypes: f.eventTypes,
    from: f.from,
    to: f.to,
    skip: int(skip),
    take: int(take),
  };
}

/** One page of `searchStatement`, and the total when asked. */
export async function searchPage(
  ctx: Context,
  query: SearchQuery,
  f: SearchFilter,
  skip: number,
  take: number,
  withTotal: boolean,
  extras: { entity: EntityExtras; event: EventExtras },
): Promise<Page<SearchHitRow>> {
  const rows = await readQuery(ctx, searchStatement(f, searchShape(query, withTotal), extras), searchParameters(query, f, skip, take));
  const hits = (rows[0].rows as Row[]).map((r): SearchHitRow => {
    const names = r.names as string[];
    const at = Number(r.at);
    const text = names[at] ?? names[0];
    return {
      score: r.score as number,
      node: r.label === 'Entity' ? entityRow(r.node as Row) : eventRow(r.node as Row),
      match: { ...matchIn(text, Number(r.tier), query), text, field: at > 0 ? 'ALIAS' : 'NAME' },
    };
  });
  return pageOf(hits, take, rows[0].total as number | null);
}

/** How the database's tier matched this name, with the ranges to highlight. */
function matchIn(text: string, tier: number, query: SearchQuery): NameMatch {
  return highlightName(text, query.folded, tier >= 3 && tier <= 5 ? 'SPELLED' : (TIER[tier] ?? 'FUZZY'));
}
