import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { resolveEntityOrEvent } from './fragments';
import { graphEdgeMap, graphNodeMap } from './graphMaps';
import { graphEdgeRow, graphNodeRow } from './graphRows';
import { GRAPH_RELATIONS, L, R } from './labels';
import { claimSources, type GraphEdgeRow, type GraphNodeRow, type SourceRow } from './rows';

/** One step of a path: its edge and the articles and sentences that support it. */
export interface PathStepRow {
  edge: GraphEdgeRow;
  sources: SourceRow[];
}

export interface PathRow {
  length: number;
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  /** null when the client did not ask for the steps (their evidence is not read then) */
  steps: PathStepRow[] | null;
}

/** What steers a search (PathSteering in args/graph.args.ts); empty lists steer nothing. */
export interface PathOptions {
  maxLength: number;
  first: number;
  exclude: readonly string[];
  excludeRelationTypes: readonly string[];
  excludeEventTypes: readonly string[];
  allLengths: boolean;
  /** read each step's evidence */
  withSteps: boolean;
}

/**
 * Variable-length bounds cannot be parameters in Cypher; the bound is one of these literals, picked by a
 * validated integer, so no input ever reaches the statement text.
 */
const BOUNDS = ['1', '2', '3', '4', '5', '6'] as const;
export const MAX_PATH_LENGTH = BOUNDS.length;

/** Paths asked of SHORTEST k per path wanted: parallel relationships and walks through a node twice use up some. */
const CANDIDATES_PER_PATH = 4;

/**
 * SHORTEST k takes no parameter in Neo4j 5.26 (a literal only): k is written from an integer checked here, so no
 * input ever reaches the statement text.
 */
function candidates(first: number): string {
  const k = first * CANDIDATES_PER_PATH;
  if (!Number.isInteger(k) || k < 1 || k > 100 * CANDIDATES_PER_PATH) throw new RangeError(`first ${first} outside 1..100`);
  return String(k);
}

/**
 * A step's evidence: a relation's or participation's claims; an event location (which has none of its own)
 * is supported by the articles reporting the event.
 */
const stepMap = (r: string): string =>
  `{edge: ${graphEdgeMap(r)}, sourceArticles: ${r}.sourceArticles, sourceEvidence: ${r}.sourceEvidence,
    reports: CASE WHEN ${r}.sourceArticles IS NULL THEN COLLECT {
      MATCH (art:${L.Article})-[rep:${R.REPORTS}]->(ev:${L.Event}) WHERE ev = startNode(${r})
      WITH art, rep ORDER BY art.id
      RETURN {articleId: art.id, evidence: rep.evidence}
    } ELSE [] END}`;

const RETURN_PATH = (withSteps: boolean): string =>
  `RETURN length(p) AS length,
          [x IN nodes(p) | ${graphNodeMap('x')}] AS nodes,
          [r IN relationships(p) | ${graphEdgeMap('r')}] AS edges
          ${withSteps ? `, [r IN relationships(p) | ${stepMap('r')}] AS steps` : ''}`;

function stepRow(m: Row): PathStepRow {
  const reports = ((m.reports as Row[] | null) ?? []).map((x) => ({ articleId: x.articleId as string, evidence: (x.evidence as string | null) || null }));
  return { edge: graphEdgeRow(m.edge as Row), sources: m.sourceArticles ? claimSources(m) : reports };
}

function pathRow(r: Row): PathRow {
  return {
    length: r.length as number,
    nodes: (r.nodes as Row[]).map(graphNodeRow),
    edges: (r.edges as Row[]).map(graphEdgeRow),
    steps: r.steps ? (r.steps as Row[]).map(stepRow) : null,
  };
}

/** The two ends; no row when either id is unknown or both name the same node. */
const ENDS = `${resolveEntityOrEvent('$from', 'a')}
     ${resolveEntityOrEvent('$to', 'b')}
     WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b`;

/** Paths through the same nodes that differ only in parallel relationships count once (the first by types and roles). */
const ONE_PER_ROUTE = `WITH p, [x IN nodes(p) | x.id] AS route
     ORDER BY length(p), route, [r IN relationships(p) | type(r) + coalesce(r.role, r.key, '')]
     WITH route, head(collect(p)) AS p
     ORDER BY length(p), route
     LIMIT $first`;

/**
 * The connections between two entities or events, over domain relations, participations and event locations,
 * in either direction, of at most `maxLength` steps; at most `first`, shortest first, then in a stable order
 * (by the ids along them). Paths through the same nodes that differ only in parallel relationships (one
 * person both attendee and speaker of an event) count once. By default only the shortest length; steered
 * (see pathsBetween), others. None when either id is unknown, or both name the same node.
 */
export async function shortestPaths(ctx: Context, from: string, to: string, o: PathOptions): Promise<PathRow[]> {
  const bound = BOUNDS[o.maxLength - 1];
  if (bound === undefined) throw new RangeError(`maxLength ${o.maxLength} outside 1..${BOUNDS.length}`);
  const steered = o.allLengths || o.exclude.length > 0 || o.excludeRelationTypes.length > 0 || o.excludeEventTypes.length > 0;
  if (steered) return steeredPaths(ctx, from, to, bound, o);
  const rows = await readQuery(
    ctx,
    `${ENDS}
     MATCH p = allShortestPaths((a)-[:${GRAPH_RELATIONS}*..${bound}]-(b))
     ${ONE_PER_ROUTE}
     ${RETURN_PATH(o.withSteps)}`,
    { from, to, first: int(o.first) },
  );
  return rows.map(pathRow);
}

/**
 * Paths that avoid nodes (merged ids count as the entity they were merged into), relation types and event
 * types: the filters sit inside the path pattern, so they prune the search rather than filter its results.
 * `allLengths`: the `first` shortest of any length (SHORTEST k, k a few times `first`, keeping those without a
 * node twice); otherwise every shortest one (ALL SHORTEST).
 */
async function steeredPaths(ctx: Context, from: string, to: string, bound: string, o: PathOptions): Promise<PathRow[]> {
  const selector = o.allLengths ? `SHORTEST ${candidates(o.first)}` : 'ALL SHORTEST';
  const rows = await readQuery(
    ctx,
    `${ENDS}
     WITH a, b, $exclude + COLLECT {
       MATCH (m:${L.MergedId})-[:${R.MERGED_INTO}]->(kept:${L.Entity}) WHERE m.id IN $exclude RETURN kept.id
     } AS excluded
     MATCH p = ${selector} (a)(()-[r:${GRAPH_RELATIONS}]-(x)
       WHERE NOT type(r) IN $excludeRelationTypes
         AND (x = b OR (NOT x.id IN excluded AND NOT (x:${L.Event} AND x.type IN $excludeEventTypes)))){1,${bound}}(b)
     WITH p WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
     ${ONE_PER_ROUTE}
     ${RETURN_PATH(o.withSteps)}`,
    {
      from,
      to,
      first: int(o.first),
      exclude: [...o.exclude],
      excludeRelationTypes: [...o.excludeRelationTypes],
      excludeEventTypes: [...o.excludeEventTypes],
    },
  );
  return rows.map(pathRow);
}
