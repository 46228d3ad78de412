import { L, R } from './labels';

/**
 * The properties of an entity (event) that a row carries only when a client selects the field of the same name
 * (projection by selection, args/selectedFields.ts). Id, type and name always come: they identify a row, pick its
 * GraphQL type and order lists. Every other stored property that a GraphQL field reads as it is must be listed
 * here (a test compares these lists with the types' fields), or a client selecting it would get its default.
 */
export const ENTITY_EXTRAS = ['aliases', 'kind', 'attributes'] as const;
export const EVENT_EXTRAS = ['date', 'endDate', 'attributes', 'evidence', 'article'] as const;
export type EntityExtras = readonly (typeof ENTITY_EXTRAS)[number][];
export type EventExtras = readonly (typeof EVENT_EXTRAS)[number][];

/**
 * Map projections of each kind of node; by default with every extra, for rows shared by any selection (the node
 * loader). The variable names are the callers' constants and the extras come from the lists above, never input.
 * Article text (up to megabytes) is left out on purpose: Article.text loads it on request.
 */
const withExtras = (v: string, extras: readonly string[], head = '.id, .type, .name', entries = ''): string =>
  `${v} {${head}${extras.map((p) => `, .${p}`).join('')}${entries}}`;
export const entityMap = (v: string, extras: EntityExtras = ENTITY_EXTRAS): string => withExtras(v, extras);
/**
 * An entity's map with the entries of the row around it (`, role: p.role`, with their leading comma): ONE map
 * per row instead of a row map holding the entity's, which is fewer maps and keys for Neo4j to write and the
 * driver to decode (a page of 50 events carries some 400 participants). The entries' keys must not be entity
 * properties. `knownType`: the type the MATCH's label already fixes, left out of the map (entityRow puts it back).
 */
export const entityMapWith = (v: string, extras: EntityExtras, entries: string, knownType = false): string =>
  withExtras(v, extras, knownType ? '.id, .name' : '.id, .type, .name', entries);
export const eventMap = (v: string, extras: EventExtras = EVENT_EXTRAS): string => withExtras(v, extras);
/**
 * `map` for each entry `f` of `list` (maps holding node `f.<v>` and what the row adds: `f.p`, a relationship), with
 * `v` bound to that node: a map projection needs a variable. Pages of nested lists collect `{node, relationship}`
 * entries in order and project only the page's entries this way.
 */
export const eachBound = (list: string, v: string, map: string): string => `[f IN ${list} | head([${v} IN [f.${v}] | ${map}])]`;
/** A node that may be an entity or an event (a search hit). */
export const entityOrEventMap = (v: string, entity: EntityExtras = ENTITY_EXTRAS, event: EventExtras = EVENT_EXTRAS): string =>
  withExtras(v, [...new Set([...entity, ...event])]);
export const articleMap = (v: string): string => `${v} {.id, .title, .publisher, .publishedOn, .url, .language}`;
export const figureMap = (v: string): string =>
  `${v} {.id, .metric, .value, .unit, .period, .change, .qualifier, ` +
  `stated: head(COLLECT { MATCH (figureSource:${L.Article})-[figureReport:${R.REPORTS}]->(${v}) WHERE figureReport.stated IS NOT NULL ` +
  `RETURN figureReport.stated ORDER BY figureSource.id }), ` +
  `subject: head(COLLECT { MATCH (${v})-[:${R.ABOUT}]->(figureSubject:${L.Entity}) RETURN ${entityMap('figureSubject')} })}`;
/**
 * Where a relationship's claims (the articles and sentences stating it) can be read later: its element id,
 * checked against its ends when read (cypher/claims.ts). The claim lists themselves grow with every article
 * that repeats a fact, so they are read only for clients that ask for `sources`.
 */
export const claimKeyOf = (r: string): string =>
  `elementId(${r}) + '\n' + startNode(${r}).id + '\n' + endNode(${r}).id`;

/**
 * The `claimKey` entry of a row's map (with its leading comma), or nothing: a key costs reads of both ends and
 * is about half of what a page of participants ships, so rows carry it only when the client selected `sources`.
 */
export const claimKeyEntry = (r: string, withClaims: boolean): string => (withClaims ? `, claimKey: ${claimKeyOf(r)}` : '');

/**
 * A subquery binding `out` to the entity that the id expression names: the entity with that id, or the
 * entity it was merged into. Null when neither exists.
 */
export function resolveEntity(idExpr: string, out: string, imports = ''): string {
  return `CALL (${imports}) {
    OPTIONAL MATCH (:${L.MergedId} {id: ${idExpr}})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
    OPTIONAL MATCH (own:${L.Entity} {id: ${idExpr}})
    RETURN coalesce(kept, own) AS ${out}
  }`;
}

/** Like resolveEntity, but an event id resolves too (graph walks may start or end at an event). */
export function resolveEntityOrEvent(idExpr: string, out: string, imports = ''): string {
  return `CALL (${imports}) {
    OPTIONAL MATCH (:${L.MergedId} {id: ${idExpr}})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
    OPTIONAL MATCH (own:${L.Entity} {id: ${idExpr}})
    OPTIONAL MATCH (ev:${L.Event} {id: ${idExpr}})
    RETURN coalesce(kept, own, ev) AS ${out}
  }`;
}

/**
 * A domain relation `r` seen from node `from`: its type, direction, derived values and, with `withClaims`, its
 * claim key. The default keeps the key for callers that cannot tell whether the relations' sources were selected
 * (`Organization.partners`, through its loader).
 */
export const relationMap = (r: string, from: string, withClaims = true): string =>
  `{type: type(${r}), since: ${r}.since, until: ${r}.until, attributes: ${r}.attributes${claimKeyEntry(r, withClaims)},
    direction: CASE WHEN startNode(${r}) = ${from} THEN 'OUTGOING' ELSE 'INCOMING' END}`;
