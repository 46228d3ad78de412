/** The edges drawn on the canvas: parallel edges of one type between the same two nodes are one drawn edge. */
import type { Core } from 'cytoscape';
import { drawnEdgeId, edgeKind, edgeWord } from './edgeWord';
import type { GEdge } from './graphTypes';

/** Adds edges whose two ends are on the canvas, merging parallel ones (their words joined); returns how many were new. */
export function addDrawnEdges(cy: Core, edges: readonly GEdge[]): number {
  let added = 0;
  for (const e of edges) {
    if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) continue;
    const id = drawnEdgeId(e);
    const existing = cy.getElementById(id);
    if (existing.nonempty()) {
      const parts = existing.data('parts') as GEdge[];
      if (!parts.some((p) => p.id === e.id)) {
        const next = [...parts, e];
        existing.data({ parts: next, display: [...new Set(next.map(edgeWord))].join(' · ') });
      }
      continue;
    }
    cy.add({
      group: 'edges',
      data: { id, source: e.source, target: e.target, type: e.type, kind: edgeKind(e.type), parts: [e], display: edgeWord(e) },
    });
    added += 1;
  }
  return added;
}
