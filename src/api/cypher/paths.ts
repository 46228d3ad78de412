import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { resolveEntityOrEvent } from './fragments';
import { graphEdgeMap, graphNodeMap } from './graphMaps';
import { graphEdgeRow, graphNodeRow } from './graphRows';
import { GRAPH_RELATIONS } from './labels';
import type { GraphEdgeRow, GraphNodeRow } from './rows';

export interface PathRow {
  length: number;
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
}

/**
 * Variable-length bounds cannot be parameters in Cypher; the bound is one of these literals, picked by a
 * validated integer, so no input ever reaches the statement text.
 */
const BOUNDS = ['1', '2', '3', '4', '5', '6'] as const;
export const MAX_PATH_LENGTH = BOUNDS.length;

/**
 * The shortest connections between two entities or events, over domain relations, participations and
 * event locations, in either direction, of at most `maxLength` steps; at most `first`, in a stable order
 * (by the ids along them). Paths through the same nodes that differ only in parallel relationships (one
 * person both attendee and speaker of an event) count once. None when either id is unknown, or both name
 * the same node.
 */
export async function shortestPaths(ctx: Context, from: string, to: string, maxLength: number, first: number): Promise<PathRow[]> {
  const bound = BOUNDS[maxLength - 1];
  if (bound === undefined) throw new RangeError(`maxLength ${maxLength} outside 1..${BOUNDS.length}`);
  const rows = await readQuery(
    ctx,
    `${resolveEntityOrEvent('$from', 'a')}
     ${resolveEntityOrEvent('$to', 'b')}
     WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
     MATCH p = allShortestPaths((a)-[:${GRAPH_RELATIONS}*..${bound}]-(b))
     WITH p, [x IN nodes(p) | x.id] AS route
     ORDER BY route, [r IN relationships(p) | type(r) + coalesce(r.role, r.key, '')]
     WITH route, head(collect(p)) AS p
     ORDER BY route
     LIMIT $first
     RETURN length(p) AS length,
            [x IN nodes(p) | ${graphNodeMap('x')}] AS nodes,
            [r IN relationships(p) | ${graphEdgeMap('r')}] AS edges`,
    { from, to, first: int(first) },
  );
  return rows.map((r) => ({
    length: r.length as number,
    nodes: (r.nodes as Row[]).map(graphNodeRow),
    edges: (r.edges as Row[]).map(graphEdgeRow),
  }));
}
