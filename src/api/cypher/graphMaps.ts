import { L } from './labels';

/**
 * How graph views (neighbourhoods, paths) show nodes and edges. A node's `type` is its entity type or
 * `Event`, its `kind` the entity's kind or the event's type; an edge's id is stable across requests
 * (source, type, role or title, target), unlike Neo4j's element ids.
 */
export const graphNodeMap = (n: string): string =>
  `{id: ${n}.id, label: ${n}.name,
    type: CASE WHEN ${n}:${L.Entity} THEN ${n}.type ELSE '${L.Event}' END,
    kind: CASE WHEN ${n}:${L.Entity} THEN ${n}.kind ELSE ${n}.type END,
    date: CASE WHEN ${n}:${L.Event} THEN ${n}.date ELSE null END}`;

export const graphEdgeMap = (r: string): string =>
  `{source: startNode(${r}).id, target: endNode(${r}).id, type: type(${r}), role: ${r}.role,
    title: CASE WHEN ${r}.key <> '' THEN ${r}.key ELSE null END}`;
