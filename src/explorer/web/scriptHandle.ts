/** The read-only `window.__explorer` for scripts and tests: what is drawn where, the view state, busy. */
import { el } from './elements';
import { busy, currentView, cy, getPath, isReady, view } from './state';

function renderedNodes() {
  const rect = el.cy.getBoundingClientRect();
  return cy.nodes().map((n) => {
    const p = n.renderedPosition();
    return {
      id: n.id(),
      label: n.data('label') as string,
      type: n.data('type') as string,
      x: rect.left + p.x,
      y: rect.top + p.y,
      selected: n.selected(),
      classes: n.classes(),
      visible: n.visible(),
      /** position in the graph's own coordinates (the layout's, whatever the zoom) */
      model: { x: Math.round(n.position('x')), y: Math.round(n.position('y')) },
      held: n.locked(),
      /** drawn diameter in the graph's coordinates, and the fill colour */
      size: Math.round(n.width()),
      colour: n.style('background-color') as string,
    };
  });
}

function renderedEdges() {
  const rect = el.cy.getBoundingClientRect();
  return cy.edges().map((e) => {
    // a hidden edge (its end filtered or out of the date range) has no midpoint
    const m = e.renderedMidpoint() ?? { x: NaN, y: NaN };
    return { id: e.id(), source: e.source().id(), target: e.target().id(), label: e.data('display') as string, classes: e.classes(), x: rect.left + m.x, y: rect.top + m.y, visible: e.visible() };
  });
}

/** The drawn node labels' boxes on the page (cytoscape's own label bounds). */
function renderedLabels() {
  const rect = el.cy.getBoundingClientRect();
  return cy
    .nodes(':visible')
    .filter((n) => !n.hasClass('no-label'))
    .map((n) => {
      const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      return { id: n.id(), x1: rect.left + b.x1, y1: rect.top + b.y1, x2: rect.left + b.x2, y2: rect.top + b.y2 };
    });
}

export function installScriptHandle(): void {
  const handle = Object.freeze({
    /** nodes on the canvas with their page coordinates */
    nodes: () => renderedNodes(),
    edges: () => renderedEdges(),
    /** the node labels drawn, with their boxes on the page */
    labels: () => renderedLabels(),
    selected: () => cy.$(':selected').toArray().map((x) => x.id()),
    highlighted: () => view.highlighted(),
    /** the paths listed: their nodes' ids and kinds (an event's type), and their edges' types */
    paths: () => getPath().found.map((p) => ({ length: p.length, nodes: p.nodes.map((n) => n.id), kinds: p.nodes.map((n) => n.kind), edgeTypes: p.edges.map((e) => e.type) })),
    view: () => currentView(),
    zoom: () => cy.zoom(),
    /** cluster nodes: id, anchor, what, word, member count */
    clusters: () => view.clusterIds().map((id) => view.cluster(id)!).map((c) => ({ id: c.id, anchor: c.anchor, what: c.what, word: c.word, count: c.members.length, partial: !!c.partial })),
    /** the last layout run: cose (small canvas), fcose-new (only new nodes moved) or fcose-full */
    lastLayout: () => view.lastLayoutKind,
    get busy() {
      return busy() || cy.animated();
    },
    get ready() {
      return isReady();
    },
  });
  Object.defineProperty(window, '__explorer', { value: handle, writable: false, configurable: false, enumerable: false });
}
