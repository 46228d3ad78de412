/** How an edge is named on the canvas, and which drawn edge it belongs to. */
import type { GEdge } from './graphTypes';

const RELATION_WORDS: Record<string, string> = {
  HOLDS_POSITION: 'holds position',
  PART_OF: 'part of',
  LOCATED_IN: 'located in',
  PARTNER_OF: 'partner of',
  INVESTS_IN: 'invests in',
  OWNS: 'owns',
  OPERATES: 'operates',
  SUPERVISES: 'supervises',
  RELATED_TO: 'related to',
  PARTICIPATED_IN: 'participated in',
  OCCURRED_AT: 'took place at',
};

/** The words an edge is labelled with: the role of a participation, the title of a position, else its type. */
export function edgeWord(e: Pick<GEdge, 'type' | 'role' | 'title'>): string {
  if (e.role) return e.role;
  if (e.title) return e.title;
  return RELATION_WORDS[e.type] ?? e.type.toLowerCase().replace(/_/g, ' ');
}

/** Parallel edges of one type between the same two nodes are drawn as one (roles joined). */
export const drawnEdgeId = (e: Pick<GEdge, 'source' | 'type' | 'target'>): string => `${e.source}\u0001${e.type}\u0001${e.target}`;

/** The style class of an edge: a participation, an event's location, or a relation. */
export const edgeKind = (type: string): string => (type === 'PARTICIPATED_IN' ? 'participation' : type === 'OCCURRED_AT' ? 'location' : 'relation');
