/**
 * Hubs stay readable: when an expansion brings more direct neighbours than GROUP_THRESHOLD, they are
 * grouped by what they are (entity type, or the event type) and how they are linked to the expanded node
 * (the edge word: a role, a title, a relation), and each group of more than MIN_GROUP is drawn as one
 * cluster node with its count. Pure functions (unit-tested); graphView.ts draws the clusters.
 */
import { edgeWord } from './edgeWord';
import type { GEdge, GNode } from './graphTypes';

/** More new direct neighbours than this are grouped. */
export const GROUP_THRESHOLD = 25;
/** Groups this small are drawn as their members. */
export const MIN_GROUP = 3;
/** Most members drawn at once from a cluster (the rest stay in it). */
export const CLUSTER_DRAW_MAX = 150;

export interface Cluster {
  /** `cluster:<anchor>\u0001<key>`, never an id of the graph */
  id: string;
  anchor: string;
  /** what the members are: an entity type, or the event type for events */
  what: string;
  /** the node type of the members (Event for events) */
  type: string;
  /** how they are linked to the anchor */
  word: string;
  members: GNode[];
  /** the edges between the anchor and the members */
  edges: GEdge[];
  /** the neighbourhood was truncated: the group may have more members than it holds */
  partial?: boolean;
}

export const CLUSTER_PREFIX = 'cluster:';
export const isClusterId = (id: string): boolean => id.startsWith(CLUSTER_PREFIX);

export interface Grouping {
  /** drawn as themselves */
  single: GNode[];
  clusters: Cluster[];
  /** neighbours not directly linked to the anchor (a deeper expansion), left out when grouping */
  indirect: number;
}

/** The words that link a neighbour to the anchor, as one key ("attendee · speaker"). */
function linkWord(anchor: string, id: string, edges: readonly GEdge[]): string | null {
  const words = [...new Set(edges.filter((e) => (e.source === anchor && e.target === id) || (e.target === anchor && e.source === id)).map(edgeWord))];
  return words.length ? words.sort().join(' · ') : null;
}

/**
 * Groups the neighbours of `anchor` in `nodes` (those not already drawn: `drawn(id)` false). Below the
 * threshold (and not `force`d) everything is single.
 */
export function groupNeighbours(anchor: string, nodes: readonly GNode[], edges: readonly GEdge[], drawn: (id: string) => boolean, force = false): Grouping {
  const fresh = nodes.filter((n) => n.id !== anchor && !drawn(n.id));
  const direct: { node: GNode; word: string }[] = [];
  let indirect = 0;
  for (const node of fresh) {
    const word = linkWord(anchor, node.id, edges);
    if (word === null) indirect += 1;
    else direct.push({ node, word });
  }
  if (!force && direct.length <= GROUP_THRESHOLD) return { single: fresh, clusters: [], indirect: 0 };
  const groups = new Map<string, Cluster>();
  for (const { node, word } of direct) {
    const what = node.type === 'Event' ? (node.kind ?? 'Event') : node.type;
    const key = `${what}\u0001${word}`;
    let c = groups.get(key);
    if (!c) groups.set(key, (c = { id: `${CLUSTER_PREFIX}${anchor}\u0001${key}`, anchor, what, type: node.type, word, members: [], edges: [] }));
    c.members.push(node);
  }
  const single: GNode[] = [];
  const clusters: Cluster[] = [];
  for (const c of groups.values()) {
    if (c.members.length <= MIN_GROUP) single.push(...c.members);
    else {
      const ids = new Set(c.members.map((m) => m.id));
      c.edges = edges.filter((e) => (e.source === anchor && ids.has(e.target)) || (e.target === anchor && ids.has(e.source)));
      c.members.sort((a, b) => a.label.localeCompare(b.label, 'zh'));
      clusters.push(c);
    }
  }
  clusters.sort((a, b) => b.members.length - a.members.length);
  return { single, clusters, indirect };
}

/** Members whose name (or id) contains the text, case-insensitively. */
export function filterMembers(members: readonly GNode[], text: string): GNode[] {
  const q = text.trim().toLowerCase();
  if (!q) return [...members];
  return members.filter((m) => m.label.toLowerCase().includes(q) || m.id.toLowerCase().includes(q));
}

/** A long name shortened for the canvas (the full name is shown on hover). */
export function shorten(name: string, max = 16): string {
  const chars = [...name];
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join('')}…`;
}
