import type { Row } from '../db/run';
import type { GraphEdgeRow, GraphNodeRow } from './rows';

export function graphNodeRow(m: Row): GraphNodeRow {
  return {
    id: `GraphNode:${m.id as string}`,
    nodeId: m.id as string,
    label: m.label as string,
    type: m.type as string,
    kind: (m.kind as string | null) ?? null,
    date: (m.date as string | null) ?? null,
  };
}

export function graphEdgeRow(m: Row): GraphEdgeRow {
  const role = (m.role as string | null) ?? null;
  const title = (m.title as string | null) ?? null;
  return {
    id: [m.source, m.type, role ?? title ?? '', m.target].join('|'),
    source: m.source as string,
    target: m.target as string,
    type: m.type as string,
    role,
    title,
  };
}
