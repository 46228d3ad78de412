import { FULLTEXT_INDEX } from '../../graph/schemaStatements';
import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { type Page, pageOf } from './entityPage';
import { where } from './group';
import { L } from './labels';
import { entityRow, eventRow, type EntityRow, type EventRow } from './rows';

export interface SearchHitRow {
  score: number;
  node: EntityRow | EventRow;
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
}

/**
 * Full-text hits over names and aliases of entities and events, best first: one page, and the total when asked
 * (then every hit is read; without it, reading stops one past the page).
 */
export async function searchPage(
  ctx: Context,
  text: string,
  f: SearchFilter,
  skip: number,
  take: number,
  withTotal: boolean,
): Promise<Page<SearchHitRow>> {
  const onlyEvents = f.types === null && f.eventTypes !== null;
  const onlyEntities = f.types !== null && f.eventTypes === null;
  const kinds = [
    ...(onlyEvents ? [] : [f.types ? `node:${L.Entity} AND node.type IN $types` : `node:${L.Entity}`]),
    ...(onlyEntities ? [] : [f.eventTypes ? `node:${L.Event} AND node.type IN $eventTypes` : `node:${L.Event}`]),
  ];
  const rows = await readQuery(
    ctx,
    `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
     ${where([kinds.map((k) => `(${k})`).join(' OR ')])}
     WITH node, score ORDER BY score DESC, node.id ASC
     ${withTotal ? '' : 'LIMIT $skip + $take + 1'}
     WITH collect({node: node, score: score}) AS hits
     WITH ${withTotal ? 'size(hits)' : 'null'} AS total, hits[$skip..($skip + $take + 1)] AS page
     CALL (page) {
       UNWIND page AS h
       WITH h.node AS n, h.score AS score
       RETURN collect({
         score: score,
         label: CASE WHEN n:${L.Entity} THEN 'Entity' ELSE 'Event' END,
         node: n {.id, .type, .name, .aliases, .kind, .attributes, .date, .endDate, .evidence, .article}
       }) AS rows
     }
     RETURN total, rows`,
    { index: FULLTEXT_INDEX, query: luceneLiteral(text), types: f.types, eventTypes: f.eventTypes, skip: int(skip), take: int(take) },
  );
  const hits = (rows[0].rows as Row[]).map((r) => ({
    score: r.score as number,
    node: r.label === 'Entity' ? entityRow(r.node as Row) : eventRow(r.node as Row),
  }));
  return pageOf(hits, take, rows[0].total as number | null);
}
