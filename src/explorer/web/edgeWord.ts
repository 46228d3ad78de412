/** How an edge is named on the canvas, and which drawn edge it belongs to. */
import type { GEdge } from './graphTypes';
import { t, word, type StringKey } from './i18n';

const RELATION_WORDS = new Set(['HOLDS_POSITION', 'PART_OF', 'LOCATED_IN', 'PARTNER_OF', 'INVESTS_IN', 'OWNS', 'OPERATES', 'SUPERVISES', 'RELATED_TO', 'PARTICIPATED_IN', 'OCCURRED_AT']);


/** The words an edge is labelled with: the role of a participation, the title of a position, else its type. */
export function edgeWord(e: Pick<GEdge, 'type' | 'role' | 'title'>): string {
  if (e.role) return word(e.role);
  if (e.title) return e.title;
  return RELATION_WORDS.has(e.type) ? t(`rel.${e.type}` as StringKey) : e.type.toLowerCase().replace(/_/g, ' ');
}

/** Parallel edges of one type between the same two nodes are drawn as one (roles joined). */
export const drawnEdgeId = (e: Pick<GEdge, 'source' | 'type' | 'target'>): string => `${e.source}\u0001${e.type}\u0001${e.target}`;

/** The style class of an edge: a participation, an event's location, or a relation. */
export const edgeKind = (type: string): string => (type === 'PARTICIPATED_IN' ? 'participation' : type === 'OCCURRED_AT' ? 'location' : 'relation');
