/**
 * Changing what is on the canvas: putting a node there, expanding, collapsing, removing, selecting; and
 * the canvas's own events (selection, double-click to expand).
 */
import type { EventObject, NodeSingular } from 'cytoscape';
import { el } from './elements';
import { showError, showPartialErrors } from './errors';
import type { GNode } from './graphView';
import * as Q from './queries';
import { changed, cy, getFilters, getPath, lastSelected, noteSelected, noteUnselected, onChange, setPathEnd, view } from './state';
import { toast } from './toast';

function refreshCanvasState(): void {
  const n = cy.nodes().length;
  el.stage.dataset.nodeCount = String(n);
  el.empty.hidden = n > 0;
}

/** Draws the edges between a node and what is already on the canvas (from its 1-step neighbourhood). */
async function linkToCanvas(node: GNode): Promise<void> {
  if (cy.nodes().length < 2) return;
  try {
    const r = await Q.neighborhood({ id: node.id, depth: 1, limit: Q.RESTORE_LIMIT, entityTypes: null, eventTypes: null }, `Connecting ${node.label}…`);
    if (r.data.neighborhood) view.addEdges(r.data.neighborhood.edges);
  } catch (e) {
    showError(`Could not connect ${node.label} to the canvas`, e);
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

export async function expand(id: string): Promise<void> {
  const node = view.node(id);
  if (!node) return;
  const { depth, limit, entityTypes, eventTypes } = getFilters();
  try {
    const r = await Q.neighborhood({ id, depth, limit, entityTypes, eventTypes }, `Loading the neighbourhood of ${node.label}…`);
    showPartialErrors('Expand', r.errors);
    const sub = r.data.neighborhood;
    if (!sub) {
      toast('warn', 'Not found', `${node.label} is no longer in the graph.`, 'NOT_FOUND');
      return;
    }
    const others = sub.nodes.filter((n) => n.id !== id);
    const before = cy.nodes().length;
    view.addNodes(others, id, id);
    view.addEdges(sub.edges);
    view.markExpanded(id);
    const added = cy.nodes().length - before;
    refreshCanvasState();
    if (others.length === 0) {
      toast('info', 'Nothing to expand', `${node.label} has no neighbours${entityTypes || eventTypes ? ' of the selected types' : ''}.`);
    } else if (added === 0) {
      toast('info', 'Already shown', `Every neighbour of ${node.label} is already on the canvas.`);
    }
    if (sub.truncated) toast('warn', 'Neighbourhood truncated', `Only the first ${limit} nodes are shown; raise “Max nodes” or narrow the types to see others.`);
    if (added > 0) await view.layout({ fit: true });
    changed('canvas');
  } catch (e) {
    showError(`Could not expand ${node.label}`, e);
  }
}

export function collapse(id: string): void {
  const node = view.node(id);
  const n = view.collapse(id);
  if (node) toast('info', 'Collapsed', `${n} node${n === 1 ? '' : 's'} brought in by ${node.label} removed.`);
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
  cy.on('add remove', () => changed('elements'));
  onChange(['elements', 'canvas'], refreshCanvasState);
  refreshCanvasState();
}
