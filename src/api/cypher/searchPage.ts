import { FULLTEXT_INDEX } from '../../graph/schemaStatements';
import { ENTITY_TYPE_NAMES, EVENT_TYPES } from '../../model';
import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { type Page, pageOf } from './entityPage';
import { type EntityExtras, entityOrEventMap, type EventExtras } from './fragments';
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
 * Full-text hits over names and aliases of entities and events, best first (ties by id): one page, and the total
 * when asked. Without it, reading stops one past the page (`LIMIT`).
 */
export async function searchPage(
  ctx: Context,
  text: string,
  f: SearchFilter,
  skip: number,
  take: number,
  withTotal: boolean,
  extras: { entity: EntityExtras; event: EventExtras },
): Promise<Page<SearchHitRow>> {
  const onlyEvents = f.types === null && f.eventTypes !== null;
  const onlyEntities = f.types !== null && f.eventTypes === null;
  // a list of every type filters nothing, and would read the type of each of thousands of hits for nothing
  const entityTypes = f.types && !ENTITY_TYPE_NAMES.every((t) => f.types!.includes(t)) ? 'AND node.type IN $types' : '';
  const eventTypes = f.eventTypes && !EVENT_TYPES.every((t) => f.eventTypes!.includes(t)) ? 'AND node.type IN $eventTypes' : '';
  const kinds = [
    ...(onlyEvents ? [] : [`node:${L.Entity} ${entityTypes}`]),
    ...(onlyEntities ? [] : [`node:${L.Event} ${eventTypes}`]),
  ];
  const matches = `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
     ${where([kinds.map((k) => `(${k})`).join(' OR ')])}`;
  // With a total, every hit is read anyway, but only a page's worth is ordered by id: sorted by score alone (no
  // property reads), the hits that can reach the page are those scoring at least the page's last (one past
  // it); only these are ordered by score and id. A common name has thousands of hits, and reading the id of
  // each cost a third of the db hits. Counting in a second read of the index instead (with a top-N page) was
  // measured too: more db hits, and slower at sizes S and M, since the index read is most of the time.
  const rows = await readQuery(
    ctx,
    `${matches}
     ${
       withTotal
         ? `WITH node, score ORDER BY score DESC
     WITH collect({node: node, score: score}) AS hits
     WITH size(hits) AS total, hits, hits[$skip + $take].score AS cut
     CALL (hits, cut) {
       UNWIND [h IN hits WHERE cut IS NULL OR h.score >= cut] AS h
       WITH h ORDER BY h.score DESC, h.node.id ASC LIMIT $skip + $take + 1
       RETURN collect(h)[$skip..] AS page
     }`
         : `WITH node, score ORDER BY score DESC, node.id ASC LIMIT $skip + $take + 1
     WITH null AS total, collect({node: node, score: score})[$skip..] AS page`
     }
     CALL (page) {
       UNWIND page AS h
       WITH h.node AS n, h.score AS score
       RETURN collect({
         score: score,
         label: CASE WHEN n:${L.Entity} THEN 'Entity' ELSE 'Event' END,
         node: ${entityOrEventMap('n', extras.entity, extras.event)}
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
