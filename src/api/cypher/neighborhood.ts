import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { resolveEntityOrEvent } from './fragments';
import { graphEdgeMap, graphNodeMap } from './graphMaps';
import { graphEdgeRow, graphNodeRow } from './graphRows';
import { GRAPH_RELATIONS, L } from './labels';
import type { GraphEdgeRow, GraphNodeRow } from './rows';

export interface NeighborhoodOptions {
  depth: 1 | 2 | 3;
  limit: number;
  /** null: every entity type; []: no entities but the start */
  entityTypes: readonly string[] | null;
  /** null: every event type; []: no events but the start */
  eventTypes: readonly string[] | null;
}

export interface Subgraph {
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  truncated: boolean;
}

const ADMITTED = `((m:${L.Entity} AND ($entityTypes IS NULL OR m.type IN $entityTypes))
                  OR (m:${L.Event} AND ($eventTypes IS NULL OR m.type IN $eventTypes)))`;

/**
 * One level of breadth-first expansion. `LIMIT $cap` (limit + 1) stops reading a hub's relationships as
 * soon as enough new nodes are found, so a hub's full neighbourhood is never materialised; finding more
 * than there is room for marks the result truncated.
 */
const LEVEL = `
  CALL (nodes, frontier) {
    UNWIND frontier AS n
    MATCH (n)-[:${GRAPH_RELATIONS}]-(m)
    WHERE NOT m IN nodes AND ${ADMITTED}
    WITH DISTINCT m LIMIT $cap
    RETURN collect(m) AS found
  }
  WITH nodes + found[0..($limit - size(nodes))] AS nodes,
       found[0..($limit - size(nodes))] AS frontier,
       truncated OR size(found) > $limit - size(nodes) AS truncated`;

/**
 * Above this many graph relationships a node counts as a hub: edges are found from the other end.
 */
const HUB_DEGREE = 256;

/**
 * Every graph edge among `nodes`, each once. Testing every pair of nodes (Expand(Into) over limit²/2 pairs)
 * cost ~110k db hits per hub neighbourhood; instead each non-hub node's relationships are read once and kept
 * when they end in the set (an edge between two non-hubs from its lower-id end), and only the few hub–hub
 * pairs are tested directly, so a hub's thousands of relationships are never read (~5k db hits).
 */
const EDGES_AMONG_NODES = `
  CALL (nodes) {
    UNWIND nodes AS a
    WITH a, COUNT { (a)-[:${GRAPH_RELATIONS}]-() } > $hubDegree AS hub
    WITH collect(CASE WHEN NOT hub THEN a END) AS small, collect(CASE WHEN hub THEN a END) AS hubs
    CALL (small, hubs) {
      UNWIND small AS a
      MATCH (a)-[r:${GRAPH_RELATIONS}]-(b)
      WHERE b IN hubs OR (b IN small AND elementId(a) < elementId(b))
      RETURN r
      UNION
      UNWIND range(0, size(hubs) - 2) AS i
      UNWIND range(i + 1, size(hubs) - 1) AS j
      WITH hubs[i] AS a, hubs[j] AS b
      MATCH (a)-[r:${GRAPH_RELATIONS}]-(b)
      RETURN r
    }
    RETURN collect(${graphEdgeMap('r')}) AS edges
  }`;

/**
 * The subgraph around an entity or event: up to `limit` nodes (the start first, then level by level), and
 * every graph edge among them. Null when the id names no entity or event.
 */
export async function neighborhood(ctx: Context, id: string, o: NeighborhoodOptions): Promise<Subgraph | null> {
  const rows = await readQuery(
    ctx,
    `${resolveEntityOrEvent('$id', 'start')}
     WITH start WHERE start IS NOT NULL
     WITH [start] AS nodes, [start] AS frontier, false AS truncated
     ${LEVEL.repeat(o.depth)}
     ${EDGES_AMONG_NODES}
     RETURN [n IN nodes | ${graphNodeMap('n')}] AS nodes, edges, truncated`,
    {
      id,
      limit: int(o.limit),
      cap: int(o.limit + 1),
      hubDegree: int(HUB_DEGREE),
      entityTypes: o.entityTypes,
      eventTypes: o.eventTypes,
    },
  );
  if (rows.length === 0) return null;
  const edges = (rows[0].edges as Row[]).map(graphEdgeRow).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes: (rows[0].nodes as Row[]).map(graphNodeRow), edges, truncated: rows[0].truncated as boolean };
}
