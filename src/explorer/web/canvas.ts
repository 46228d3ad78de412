/**
 * Changing what is on the canvas: putting a node there, expanding, collapsing, removing, selecting; and
 * the canvas's own events (selection, double-click to expand).
 */
import type { EventObject, NodeSingular } from 'cytoscape';
import { el } from './elements';
import { showError, showPartialErrors } from './errors';
import { CLUSTER_DRAW_MAX, groupNeighbours, type Cluster, type Grouping } from './clusters';
import type { GEdge, GNode } from './graphTypes';
import * as Q from './queries';
import { changed, cy, getFilters, VOCAB, getPath, lastSelected, noteSelected, noteUnselected, onChange, setPathEnd, view } from './state';
import { toast } from './toast';
import { t, tn } from './i18n';

function refreshCanvasState(): void {
  const n = cy.nodes().length;
  el.stage.dataset.nodeCount = String(n);
  el.empty.hidden = n > 0;
}

/** Draws the edges between a node and what is already on the canvas (from its 1-step neighbourhood). */
async function linkToCanvas(node: GNode): Promise<void> {
  if (cy.nodes().length < 2) return;
  try {
    const r = await Q.neighborhood({ id: node.id, depth: 1, limit: Q.RESTORE_LIMIT, entityTypes: null, eventTypes: null }, t('canvas.connecting', { name: node.label }));
    if (r.data.neighborhood) view.addEdges(r.data.neighborhood.edges);
  } catch (e) {
    showError(t('canvas.connectFailed', { name: node.label }), e);
  }
}

/** Puts a node on the canvas (if it is not there), links it to what is there, and selects it. */
export async function putOnCanvas(node: GNode, opts: { select?: boolean } = {}): Promise<void> {
  const isNew = !view.hasNode(node.id);
  view.addNodes([node]);
  // a node already there because of an expansion becomes one put there on purpose
  cy.getElementById(node.id).addClass('pinned');
  changed('canvas');
  if (isNew) await linkToCanvas(node);
  if (isNew && cy.nodes().length > 1) await view.layout({ fit: true });
  else if (isNew) await view.layout();
  if (opts.select !== false) selectOnly(node.id);
  changed('canvas');
}

/**
 * Puts nodes on the canvas on purpose next to `near` (a filtered expansion's results), with the edges that link them;
 * lays out when some are new. Returns how many were new.
 */
export async function putNear(near: string, nodes: GNode[], edges: GEdge[]): Promise<number> {
  const added = view.addNodes(nodes, undefined, near);
  view.addEdges(edges);
  refreshCanvasState();
  changed('canvas');
  if (added.length) await view.layout({ fit: true });
  changed('canvas');
  return added.length;
}

/** Selects one element; pans to a node only when it is outside the visible part of the canvas. */
export function selectOnly(id: string): void {
  cy.$(':selected').unselect();
  const n = cy.getElementById(id);
  if (n.empty()) return;
  n.select();
  if (!n.isNode()) return;
  const p = n.renderedPosition();
  const margin = 60;
  if (p.x < margin || p.y < margin || p.x > cy.width() - margin || p.y > cy.height() - margin) {
    cy.animate({ center: { eles: n } }, { duration: 250 });
  }
}

/**
 * Draws an expansion of `id`: its neighbours, grouped into clusters when there are many (or when `group`);
 * `keep`, when given, are neighbours drawn for themselves whatever the grouping (a restored link).
 */
export function drawExpansion(id: string, sub: { nodes: GNode[]; edges: GEdge[]; truncated?: boolean | string[] }, opts: { group?: boolean; keep?: Set<string> } = {}): Grouping {
  const keep = opts.keep;
  const g = groupNeighbours(id, sub.nodes, sub.edges, (x) => view.hasNode(x) || !!keep?.has(x), opts.group);
  if (keep) view.addNodes(sub.nodes.filter((n) => keep.has(n.id) && n.id !== id), id, id);
  else view.addNodes(g.single, id, id);
  const partial = (c: Cluster) => (Array.isArray(sub.truncated) ? sub.truncated.includes(c.type) || sub.truncated.includes(c.what) : !!sub.truncated);
  for (const c of g.clusters) view.addCluster({ ...c, partial: partial(c) });
  view.addEdges(sub.edges);
  view.markExpanded(id);
  return g;
}

export interface Neighbours {
  nodes: GNode[];
  edges: GEdge[];
  /** more than one request gives (with a hub: the types that had more) */
  truncated: boolean | string[];
}

/** A neighbourhood; a 1-step one that is truncated (a hub) is fetched again by type. Null: not found. */
export async function fetchNeighbours(args: Q.NeighborhoodArgs, label: string): Promise<Neighbours | null> {
  const r = await Q.neighborhood(args, label);
  showPartialErrors(t('canvas.expandPartly'), r.errors);
  const sub = r.data.neighborhood;
  if (!sub || args.depth !== 1 || !sub.truncated) return sub;
  // a hub: its neighbours by type, so that every type shows up in the groups
  const byType = await Q.neighborhoodByType({ id: args.id, entityTypes: args.entityTypes, eventTypes: args.eventTypes }, VOCAB, label);
  showPartialErrors(t('canvas.expandPartly'), byType.errors);
  return byType.found ? { nodes: byType.nodes, edges: byType.edges, truncated: byType.truncated } : sub;
}

/** Expands a node (`group`: always into clusters, the "By relation" action); on a cluster, draws its members. */
export async function expand(id: string, opts: { group?: boolean } = {}): Promise<void> {
  if (view.cluster(id)) return openCluster(id);
  const node = view.node(id);
  if (!node) return;
  const { depth: chosen, limit: max, entityTypes, eventTypes } = getFilters();
  const depth = opts.group ? 1 : chosen;
  const limit = depth === 1 ? Math.max(max, Q.HUB_LIMIT) : max;
  try {
    const sub = await fetchNeighbours({ id, depth, limit, entityTypes, eventTypes }, t('canvas.loadingNeighbours', { name: node.label }));
    if (!sub) {
      toast('warn', t('canvas.notFound'), t('panel.gone', { name: node.label }), 'NOT_FOUND');
      return;
    }
    const others = sub.nodes.filter((n) => n.id !== id);
    const before = cy.nodes().length;
    const g = drawExpansion(id, sub, opts);
    const added = cy.nodes().length - before;
    if (g.clusters.length) {
      const grouped = g.clusters.reduce((s, c) => s + c.members.length, 0);
      toast('info', t('canvas.grouped'), t('canvas.groupedMsg', { n: grouped, name: node.label, groups: g.clusters.length }) + (g.indirect ? t('canvas.indirect', { n: g.indirect }) : ''));
    }
    refreshCanvasState();
    if (others.length === 0) {
      toast('info', t('canvas.nothing'), t(entityTypes || eventTypes ? 'canvas.nothingTypesMsg' : 'canvas.nothingMsg', { name: node.label }));
    } else if (added === 0) {
      toast('info', t('canvas.already'), t('canvas.alreadyMsg', { name: node.label }));
    }
    if (sub.truncated === true || (Array.isArray(sub.truncated) && sub.truncated.length)) {
      const types = Array.isArray(sub.truncated) ? sub.truncated.join(', ') : t('canvas.someTypes');
      toast('warn', t('canvas.truncated'), depth === 1 ? t('canvas.truncatedHub', { limit, types, first: limit - 1 }) : t('canvas.truncatedMsg', { limit }));
    }
    if (added > 0) await view.layout({ fit: true });
    changed('canvas');
  } catch (e) {
    showError(t('canvas.expandFailed', { name: node.label }), e);
  }
}

/** Draws members of a cluster (those ids, or the first CLUSTER_DRAW_MAX) next to it. */
export async function openCluster(id: string, ids?: string[]): Promise<void> {
  const c = view.cluster(id);
  if (!c) return;
  const want = ids ?? c.members.slice(0, CLUSTER_DRAW_MAX).map((m) => m.id);
  const added = view.openCluster(id, want);
  if (!ids && c.members.length > want.length) toast('info', t('canvas.partDrawn'), t('canvas.partDrawnMsg', { n: want.length, total: c.members.length }));
  changed('canvas');
  if (added.length) await view.layout({ fit: true });
  if (ids && ids.length === 1) selectOnly(ids[0]);
  changed('canvas');
}

export function collapse(id: string): void {
  const node = view.node(id);
  const n = view.collapse(id);
  if (node) toast('info', t('canvas.collapsed'), tn(n, 'canvas.collapsedMsg.one', 'canvas.collapsedMsg.other', { name: node.label }));
  changed('canvas');
}

export function removeNodes(ids: string[]): void {
  if (ids.length === 0) return;
  const { from, to } = getPath();
  if (from && ids.includes(from)) setPathEnd('from', null);
  if (to && ids.includes(to)) setPathEnd('to', null);
  view.remove(ids);
  changed('canvas');
}

export function clearCanvas(): void {
  view.clear();
  changed('canvas');
}

export function installCanvas(): void {
  cy.on('select', 'node', (e: EventObject) => {
    noteSelected((e.target as NodeSingular).id());
    const selected = cy.nodes(':selected');
    if (selected.length === 2) {
      const [a, b] = lastSelected(selected.map((n) => n.id()));
      setPathEnd('from', a);
      setPathEnd('to', b);
    }
    changed('selection');
  });
  cy.on('unselect', 'node', (e: EventObject) => {
    noteUnselected((e.target as NodeSingular).id());
    changed('selection');
  });
  cy.on('select unselect', 'edge', () => changed('selection'));
  // cytoscape reports any two clicks in quick succession as a double tap, even on two different nodes:
  // expand only when both taps were on the same node
  let taps: (string | null)[] = [null, null];
  cy.on('tap', (e: EventObject) => {
    taps = [taps[1], e.target === cy ? null : (e.target as NodeSingular).id()];
  });
  cy.on('dbltap', 'node', (e: EventObject) => {
    const id = (e.target as NodeSingular).id();
    if (taps[0] === id && taps[1] === id) void expand(id);
  });
  // one announcement per batch of changes: drawing a group of 150 adds 300 elements in one go, and each listener
  // (labels, timeline, style, buttons) goes over the whole canvas
  let elementsPending = false;
  cy.on('add remove', () => {
    if (elementsPending) return;
    elementsPending = true;
    queueMicrotask(() => {
      elementsPending = false;
      changed('elements');
    });
  });
  onChange(['elements', 'canvas'], refreshCanvasState);
  onChange('lang', () => view.relabelEdges());
  refreshCanvasState();
}
