/**
 * The graph explorer page: search, canvas, expansion, paths, date range, details, exports, shareable
 * links. Talks to the server only through the public GraphQL API (./queries.ts).
 */
import type { EventObject, NodeSingular } from 'cytoscape';
import { ENTITY_TYPE_NAMES, EVENT_TYPES } from '../../model/domain';
import { ApiError, getApiKey, isAbort, onActivity, requestsInFlight, setApiKey, type GraphQLErrorItem } from './api';
import { isActive } from './dates';
import { byId, clear, debounce, h } from './dom';
import { download, toGraphML, toJSON } from './exporters';
import { edgeWord, GraphView, type GNode, type GPath } from './graphView';
import * as panel from './panel';
import * as Q from './queries';
import { NODE_TYPES, TYPE_LOOK } from './theme';
import { decodeView, encodeView, EMPTY_VIEW, type DateMode, type ViewState } from './viewState';

const VOCAB = { entityTypes: ENTITY_TYPE_NAMES as readonly string[], eventTypes: EVENT_TYPES as readonly string[] };
const SEARCH_PAGE = 12;

// ------------------------------------------------------------------ elements

const el = {
  stage: byId('stage'),
  cy: byId('cy'),
  status: byId('status'),
  statusText: byId('status-text'),
  empty: byId('empty-state'),
  legend: byId('legend'),
  toasts: byId('toasts'),
  panel: byId('panel'),
  search: byId<HTMLInputElement>('search'),
  searchPopup: byId('search-popup'),
  searchSummary: byId('search-summary'),
  searchResults: byId<HTMLUListElement>('search-results'),
  searchSpinner: byId('search-spinner'),
  depth: byId<HTMLSelectElement>('depth'),
  limit: byId<HTMLSelectElement>('limit'),
  entityTypes: byId<HTMLFieldSetElement>('entity-types'),
  eventTypes: byId<HTMLFieldSetElement>('event-types'),
  expand: byId<HTMLButtonElement>('btn-expand'),
  collapse: byId<HTMLButtonElement>('btn-collapse'),
  remove: byId<HTMLButtonElement>('btn-remove'),
  dateFrom: byId<HTMLInputElement>('date-from'),
  dateTo: byId<HTMLInputElement>('date-to'),
  datesClear: byId<HTMLButtonElement>('btn-dates-clear'),
  dateSummary: byId('date-summary'),
  pathFrom: byId('path-from'),
  pathTo: byId('path-to'),
  pathBtn: byId<HTMLButtonElement>('btn-path'),
  pathClear: byId<HTMLButtonElement>('btn-path-clear'),
  pathResult: byId('path-result'),
  layout: byId<HTMLButtonElement>('btn-layout'),
  fit: byId<HTMLButtonElement>('btn-fit'),
  clearCanvas: byId<HTMLButtonElement>('btn-clear'),
  copyLink: byId<HTMLButtonElement>('btn-copy-link'),
  exportPng: byId<HTMLButtonElement>('btn-export-png'),
  exportGraphml: byId<HTMLButtonElement>('btn-export-graphml'),
  exportJson: byId<HTMLButtonElement>('btn-export-json'),
  keyBtn: byId<HTMLButtonElement>('btn-key'),
  keyDialog: byId<HTMLDialogElement>('key-dialog'),
  keyForm: byId<HTMLFormElement>('key-form'),
  keyInput: byId<HTMLInputElement>('key-input'),
  keyReason: byId('key-reason'),
  keyClear: byId<HTMLButtonElement>('key-clear'),
  keyCancel: byId<HTMLButtonElement>('key-cancel'),
};

const view = new GraphView(el.cy);
const cy = view.cy;

// ------------------------------------------------------------------ messages

type ToastKind = 'info' | 'warn' | 'error';

function toast(kind: ToastKind, title: string, message = '', code?: string, extra?: Node): HTMLElement {
  const t = h(
    'div',
    { class: `toast ${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' }, dataset: { kind, ...(code ? { code } : {}) } },
    h('div', null, h('span', { class: 'toast-title', text: title }), code ? h('span', { class: 'toast-code', text: code }) : null, message ? h('div', { class: 'toast-msg', text: message }) : null, extra ?? null),
    h('button', { attrs: { type: 'button', 'aria-label': 'Dismiss' }, text: '×', on: { click: () => t.remove() } }),
  );
  el.toasts.appendChild(t);
  while (el.toasts.children.length > 4) el.toasts.firstElementChild?.remove();
  if (kind !== 'error') setTimeout(() => t.remove(), kind === 'warn' ? 9000 : 5000);
  return t;
}

function errorParts(e: unknown): { message: string; code: string; errors: GraphQLErrorItem[] } {
  if (e instanceof ApiError) return { message: e.message, code: e.code, errors: e.errors };
  return { message: (e as Error)?.message ?? String(e), code: 'CLIENT_ERROR', errors: [] };
}

/** Shows a failed request: the GraphQL message and code; a missing key opens the key dialog. */
function showError(what: string, e: unknown): void {
  if (isAbort(e)) return;
  const { message, code } = errorParts(e);
  toast('error', what, message, code);
  if (code === 'UNAUTHENTICATED') openKeyDialog('This server requires an API key for reads. Paste one to continue.');
}

/** Errors that came back alongside data (a partial result). */
function showPartialErrors(what: string, errors: GraphQLErrorItem[]): void {
  for (const err of errors.slice(0, 2)) toast('warn', `${what}: partly failed`, err.message, String(err.extensions?.code ?? 'ERROR'));
}

// ------------------------------------------------------------------ progress

let layoutRunning = false;
function refreshBusy(labels: string[] = currentLabels): void {
  const busy = requestsInFlight() > 0 || layoutRunning;
  el.stage.dataset.busy = String(busy);
  el.stage.setAttribute('aria-busy', String(busy));
  if (labels.length) {
    el.statusText.textContent = labels[labels.length - 1];
    el.status.hidden = false;
  } else {
    el.status.hidden = true;
  }
}
let currentLabels: string[] = [];
onActivity((_n, labels) => {
  currentLabels = labels;
  refreshBusy(labels);
});
view.onLayout = (running) => {
  layoutRunning = running;
  refreshBusy();
};

// ------------------------------------------------------------------ legend and filters

function buildLegend(): void {
  clear(el.legend);
  for (const t of NODE_TYPES) {
    el.legend.appendChild(h('span', { class: 'legend-item', dataset: { type: t } }, panel.swatch(t), TYPE_LOOK[t].label, h('span', { class: 'zh', text: TYPE_LOOK[t].zh, attrs: { lang: 'zh' } })));
  }
  el.legend.appendChild(h('span', { class: 'legend-sep', attrs: { 'aria-hidden': 'true' } }));
  el.legend.appendChild(h('span', { class: 'legend-item' }, h('span', { class: 'legend-line', attrs: { 'aria-hidden': 'true' } }), 'relation'));
  el.legend.appendChild(h('span', { class: 'legend-item' }, h('span', { class: 'legend-line participation', attrs: { 'aria-hidden': 'true' } }), 'participation'));
  el.legend.appendChild(h('span', { class: 'legend-item' }, h('span', { class: 'legend-line path', attrs: { 'aria-hidden': 'true' } }), 'shortest path'));
}

function buildChips(fieldset: HTMLFieldSetElement, values: readonly string[], name: string, withSwatch: boolean): void {
  for (const v of values) {
    const id = `${name}-${v}`;
    fieldset.appendChild(
      h(
        'label',
        { class: 'chip', attrs: { for: id } },
        h('input', { attrs: { type: 'checkbox', id, name, value: v, checked: true }, on: { change: () => syncHash() } }),
        h('span', null, withSwatch ? panel.swatch(v) : null, v),
      ),
    );
  }
}

function checkedValues(fieldset: HTMLFieldSetElement, all: readonly string[]): string[] | null {
  const checked = Array.from(fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).filter((i) => i.checked).map((i) => i.value);
  return checked.length === all.length ? null : checked;
}

function setChecked(fieldset: HTMLFieldSetElement, values: string[] | null): void {
  fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]').forEach((i) => (i.checked = values === null || values.includes(i.value)));
}

function dateMode(): DateMode {
  return (document.querySelector<HTMLInputElement>('input[name="date-mode"]:checked')?.value as DateMode) ?? 'fade';
}

function applyDateRange(): void {
  let from = el.dateFrom.value;
  let to = el.dateTo.value;
  if (from && to && from > to) [from, to] = [to, from];
  view.setDateRange({ from, to }, dateMode());
  const outside = view.outOfRange().length;
  el.dateSummary.textContent = !isActive({ from, to })
    ? 'All dates shown.'
    : `Events ${from ? `from ${from}` : ''}${from && to ? ' ' : ''}${to ? `to ${to}` : ''}; ${outside} event${outside === 1 ? '' : 's'} on the canvas ${dateMode() === 'hide' ? 'hidden' : 'faded'}. Undated events stay.`;
  syncHash();
}

// ------------------------------------------------------------------ URL state

let restoring = false;
function currentView(): ViewState {
  const pinned = view.nodeIds().filter((id) => !isAddedOnly(id));
  const added = view.nodeIds().filter((id) => isAddedOnly(id));
  const sel = cy.$(':selected');
  return {
    nodes: pinned,
    added,
    expanded: view.expandedIds(),
    selected: sel.length === 1 ? sel[0].id() : null,
    pathFrom: shownPath?.from ?? null,
    pathTo: shownPath?.to ?? null,
    from: el.dateFrom.value,
    to: el.dateTo.value,
    dateMode: dateMode(),
    entityTypes: checkedValues(el.entityTypes, VOCAB.entityTypes),
    eventTypes: checkedValues(el.eventTypes, VOCAB.eventTypes),
    depth: Number(el.depth.value) || 1,
  };
}

function isAddedOnly(id: string): boolean {
  return !cy.getElementById(id).hasClass('pinned');
}

let lastHash = '';
function syncHash(): void {
  if (restoring) return;
  const hash = encodeView(currentView());
  lastHash = hash;
  const url = `${location.pathname}${location.search}${hash}`;
  if (`${location.pathname}${location.search}${location.hash}` !== url) history.replaceState(null, '', url || location.pathname);
}

function shareLink(): string {
  return `${location.origin}${location.pathname}${encodeView(currentView())}`;
}

// ------------------------------------------------------------------ canvas updates

function refreshCanvasState(): void {
  const n = cy.nodes().length;
  el.stage.dataset.nodeCount = String(n);
  el.empty.hidden = n > 0;
  refreshButtons();
}

function refreshButtons(): void {
  const sel = cy.nodes(':selected');
  el.expand.disabled = sel.length !== 1;
  el.collapse.disabled = !(sel.length === 1 && view.isExpanded(sel[0].id()));
  el.remove.disabled = sel.length === 0;
  el.pathBtn.disabled = !(pathEnds.from && pathEnds.to && pathEnds.from !== pathEnds.to);
  el.pathClear.disabled = !(pathEnds.from || pathEnds.to || shownPath);
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
async function putOnCanvas(node: GNode, opts: { select?: boolean } = {}): Promise<void> {
  const isNew = !view.hasNode(node.id);
  view.addNodes([node]);
  // a node already there because of an expansion becomes one put there on purpose
  cy.getElementById(node.id).addClass('pinned');
  refreshCanvasState();
  if (isNew) await linkToCanvas(node);
  if (isNew && cy.nodes().length > 1) await view.layout({ fit: true });
  else if (isNew) await view.layout();
  if (opts.select !== false) selectOnly(node.id);
  syncHash();
}

/** Selects one element; pans to a node only when it is outside the visible part of the canvas. */
function selectOnly(id: string): void {
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

function filterArgs(): { entityTypes: string[] | null; eventTypes: string[] | null } {
  return { entityTypes: checkedValues(el.entityTypes, VOCAB.entityTypes), eventTypes: checkedValues(el.eventTypes, VOCAB.eventTypes) };
}

async function expand(id: string): Promise<void> {
  const node = view.node(id);
  if (!node) return;
  const depth = Number(el.depth.value) || 1;
  const limit = Number(el.limit.value) || 50;
  try {
    const r = await Q.neighborhood({ id, depth, limit, ...filterArgs() }, `Loading the neighbourhood of ${node.label}…`);
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
      toast('info', 'Nothing to expand', `${node.label} has no neighbours${filterArgs().entityTypes || filterArgs().eventTypes ? ' of the selected types' : ''}.`);
    } else if (added === 0) {
      toast('info', 'Already shown', `Every neighbour of ${node.label} is already on the canvas.`);
    }
    if (sub.truncated) toast('warn', 'Neighbourhood truncated', `Only the first ${limit} nodes are shown; raise “Max nodes” or narrow the types to see others.`);
    if (added > 0) await view.layout({ fit: true });
    refreshSelectionPanel();
    syncHash();
  } catch (e) {
    showError(`Could not expand ${node.label}`, e);
  }
}

function collapse(id: string): void {
  const node = view.node(id);
  const n = view.collapse(id);
  refreshCanvasState();
  if (node) toast('info', 'Collapsed', `${n} node${n === 1 ? '' : 's'} brought in by ${node.label} removed.`);
  refreshSelectionPanel();
  syncHash();
}

function removeNodes(ids: string[]): void {
  if (ids.length === 0) return;
  if (pathEnds.from && ids.includes(pathEnds.from)) setPathEnd('from', null);
  if (pathEnds.to && ids.includes(pathEnds.to)) setPathEnd('to', null);
  view.remove(ids);
  refreshCanvasState();
  refreshSelectionPanel();
  syncHash();
}

// ------------------------------------------------------------------ paths

const pathEnds: { from: string | null; to: string | null } = { from: null, to: null };
let shownPath: { from: string; to: string } | null = null;
let lastPaths: GPath[] = [];

function setPathEnd(which: 'from' | 'to', id: string | null): void {
  pathEnds[which] = id;
  const target = which === 'from' ? el.pathFrom : el.pathTo;
  const node = id ? view.node(id) : null;
  clear(target);
  if (node) {
    target.appendChild(h('span', { class: 'entity-link' }, panel.swatch(node.type), h('span', { text: node.label })));
    target.dataset.empty = 'false';
    target.dataset.id = node.id;
    target.title = node.label;
  } else {
    target.textContent = '—';
    target.dataset.empty = 'true';
    delete target.dataset.id;
    target.title = '';
  }
  refreshButtons();
}

async function showPaths(from: string, to: string): Promise<void> {
  const a = view.node(from);
  const b = view.node(to);
  const nameOf = (id: string, n: GNode | null) => n?.label ?? id;
  clear(el.pathResult);
  try {
    const r = await Q.paths(from, to);
    showPartialErrors('Paths', r.errors);
    const found = r.data.paths;
    lastPaths = found;
    if (found.length === 0) {
      view.clearPaths();
      shownPath = null;
      el.pathResult.appendChild(h('p', { class: 'panel-error', attrs: { role: 'status' }, text: `No connection of at most 6 steps between ${nameOf(from, a)} and ${nameOf(to, b)}.` }));
      el.pathResult.dataset.count = '0';
      toast('info', 'No path found', `${nameOf(from, a)} and ${nameOf(to, b)} are not connected within 6 steps.`);
      refreshButtons();
      syncHash();
      return;
    }
    const before = cy.nodes().length;
    view.showPaths(found);
    shownPath = { from, to };
    refreshCanvasState();
    if (cy.nodes().length > before) await view.layout({ fit: false });
    cy.animate({ fit: { eles: cy.elements('.path'), padding: 60 } }, { duration: 300 });
    renderPathList(found);
    refreshButtons();
    syncHash();
  } catch (e) {
    showError('Could not find paths', e);
  }
}

/** The list of found paths, each a column of clickable steps with the edge words between them. */
function pathList(found: GPath[]): HTMLElement {
  return h(
    'ol',
    { class: 'path-list' },
    ...found.map((p) => {
      const steps = h('div', { class: 'path-steps' });
      p.nodes.forEach((n, i) => {
        if (i > 0) {
          const e = p.edges[i - 1];
          if (e) steps.appendChild(h('span', { class: 'via', text: edgeWord(e) }));
        }
        steps.appendChild(
          h('button', { class: 'entity-link', attrs: { type: 'button', title: n.label }, dataset: { entityId: n.id }, on: { click: () => selectOnly(n.id) } }, panel.swatch(n.type), h('span', { text: n.label })),
        );
      });
      return h('li', { dataset: { length: String(p.length) } }, steps);
    }),
  );
}

function pathSummary(found: GPath[]): string {
  return `${found.length} shortest path${found.length === 1 ? '' : 's'}, ${found[0].length} step${found[0].length === 1 ? '' : 's'}${found.length > 1 ? ' each' : ''}`;
}

function renderPathList(found: GPath[]): void {
  clear(el.pathResult);
  el.pathResult.dataset.count = String(found.length);
  el.pathResult.appendChild(h('div', { class: 'muted', text: pathSummary(found) }));
  el.pathResult.appendChild(pathList(found));
  refreshSelectionPanel();
}

function clearPath(): void {
  view.clearPaths();
  shownPath = null;
  lastPaths = [];
  setPathEnd('from', null);
  setPathEnd('to', null);
  clear(el.pathResult);
  delete el.pathResult.dataset.count;
  refreshButtons();
  syncHash();
}

// ------------------------------------------------------------------ selection and details

/** Nodes in the order they were selected (for "shift-click two nodes"). */
let selectionOrder: string[] = [];
let detailsAbort: AbortController | undefined;
const detailsCache = new Map<string, Q.NodeDetails | null>();

const actions: panel.PanelActions = {
  open: (ref) => {
    const node: GNode = 'label' in ref ? ref : { id: ref.id, label: ref.name, type: ref.type === 'Event' ? 'Event' : ref.type, kind: ref.kind ?? null, date: null };
    void putOnCanvas(node);
  },
  expand: (id) => void expand(id),
  collapse: (id) => collapse(id),
  remove: (id) => removeNodes([id]),
  pathFrom: (id) => {
    setPathEnd('from', id);
    if (pathEnds.to === id) setPathEnd('to', null);
  },
  pathTo: (id) => {
    setPathEnd('to', id);
    if (pathEnds.from === id) setPathEnd('from', null);
  },
  isExpanded: (id) => view.isExpanded(id),
  select: (id) => selectOnly(id),
};

const refreshSelectionPanel = debounce(() => void showSelection(), 40);

async function showSelection(): Promise<void> {
  refreshButtons();
  const nodes = cy.nodes(':selected');
  const edges = cy.edges(':selected');
  detailsAbort?.abort();
  if (nodes.length === 1 && edges.length === 0) {
    await showNodeDetails(nodes[0].id());
  } else if (edges.length === 1 && nodes.length === 0) {
    await showEdgeDetails(edges[0].id());
  } else if (nodes.length + edges.length === 0) {
    panel.renderOverview(el.panel, view.nodes(), actions);
  } else {
    renderMultiSelection(nodes.map((n) => n.id()));
  }
  syncHash();
}

function renderMultiSelection(ids: string[]): void {
  clear(el.panel);
  el.panel.dataset.kind = 'multi';
  delete el.panel.dataset.nodeId;
  const nodes = ids.map((id) => view.node(id)).filter((n): n is GNode => !!n);
  el.panel.appendChild(
    h('div', { class: 'panel-head' }, h('h2', { class: 'title', text: `${nodes.length} nodes selected` }), h('div', { class: 'meta', text: nodes.length === 2 ? 'Find the shortest connections between them, or remove them.' : 'Remove them, or select exactly two to find the paths between them.' })),
  );
  el.panel.appendChild(
    h(
      'div',
      { class: 'panel-actions' },
      nodes.length === 2
        ? h('button', { class: 'btn btn-sm btn-primary', text: 'Show shortest paths', attrs: { type: 'button', 'data-action': 'paths' }, on: { click: () => void showPaths(pathEnds.from ?? nodes[0].id, pathEnds.to ?? nodes[1].id) } })
        : null,
      h('button', { class: 'btn btn-sm btn-danger-ghost', text: 'Remove selected', attrs: { type: 'button' }, on: { click: () => removeNodes(ids) } }),
    ),
  );
  const ids2 = new Set(ids);
  if (shownPath && lastPaths.length && ids2.has(shownPath.from) && ids2.has(shownPath.to) && ids.length === 2) {
    el.panel.appendChild(
      h('section', { class: 'path-result', dataset: { section: 'paths' } }, h('h3', null, h('span', { text: 'Shortest paths' }), h('span', { class: 'count', text: pathSummary(lastPaths) })), pathList(lastPaths)),
    );
    return;
  }
  el.panel.appendChild(
    h('ul', { class: 'list' }, ...nodes.map((n) => h('li', null, h('button', { class: 'entity-link', attrs: { type: 'button' }, dataset: { entityId: n.id }, on: { click: () => selectOnly(n.id) } }, panel.swatch(n.type), h('span', { text: n.label }))))),
  );
}

async function showNodeDetails(id: string): Promise<void> {
  const node = view.node(id);
  if (!node) return;
  const cached = detailsCache.get(id);
  if (cached === undefined) panel.renderLoading(el.panel, node, actions);
  const ctrl = new AbortController();
  detailsAbort = ctrl;
  try {
    let d = cached;
    if (d === undefined) {
      const r = await Q.nodeDetails(id, ctrl.signal);
      if (ctrl.signal.aborted) return;
      showPartialErrors('Details', r.errors);
      d = r.data.node;
      detailsCache.set(id, d);
      setTimeout(() => detailsCache.delete(id), 5 * 60_000);
    }
    if (ctrl.signal.aborted) return;
    if (!d) {
      panel.renderPanelError(el.panel, node, `${node.label} is no longer in the graph.`, 'NOT_FOUND', actions);
      return;
    }
    if (d.__typename === 'Event') panel.renderEvent(el.panel, d as Q.EventDetails, actions, true);
    else if (d.__typename === 'Article' || d.__typename === 'Figure') panel.renderOther(el.panel, node, d.__typename, actions);
    else panel.renderEntity(el.panel, d as Q.EntityDetails, actions, true);
  } catch (e) {
    if (isAbort(e)) return;
    const { message, code } = errorParts(e);
    panel.renderPanelError(el.panel, node, message, code, actions);
    if (code === 'UNAUTHENTICATED') openKeyDialog('This server requires an API key for reads. Paste one to continue.');
  }
}

async function showEdgeDetails(drawnId: string): Promise<void> {
  const parts = view.edgeParts(drawnId);
  if (parts.length === 0) return;
  const first = parts[0];
  const body = panel.renderEdge(el.panel, drawnId, parts, { source: view.node(first.source), target: view.node(first.target) }, actions);
  const ctrl = new AbortController();
  detailsAbort = ctrl;
  try {
    if (first.type === 'PARTICIPATED_IN') {
      const roles = [...new Set(parts.map((p) => p.role).filter((r): r is string => !!r))];
      const r = await Q.participation(first.target, roles.length ? roles : null, ctrl.signal);
      if (ctrl.signal.aborted) return;
      const ev = r.data.node;
      const sources = (ev?.participants ?? []).filter((p) => p.entity.id === first.source).flatMap((p) => p.sources);
      const uniq = dedupeSources(sources.length ? sources : ev?.evidence ? [{ evidence: ev.evidence, article: ev.article }] : []);
      panel.fillEdgeEvidence(el.panel, body, uniq);
    } else if (first.type === 'OCCURRED_AT') {
      const r = await Q.participation(first.source, [], ctrl.signal);
      if (ctrl.signal.aborted) return;
      const ev = r.data.node;
      panel.fillEdgeEvidence(el.panel, body, ev ? [{ evidence: ev.evidence, article: ev.article }] : []);
    } else {
      const r = await Q.relationEvidence(first.source, first.type, ctrl.signal);
      if (ctrl.signal.aborted) return;
      const rels = (r.data.entity?.relations ?? []).filter((x) => x.other.id === first.target);
      const wanted = rels.filter((x) => first.type !== 'HOLDS_POSITION' || parts.some((p) => p.title === x.attributes.title) || rels.length === 1);
      const chosen = wanted.length ? wanted : rels;
      panel.fillEdgeEvidence(el.panel, body, dedupeSources(chosen.flatMap((x) => x.sources)), {
        since: chosen[0]?.since ?? null,
        until: chosen[0]?.until ?? null,
        attributes: chosen.length === 1 ? chosen[0].attributes : undefined,
      });
    }
  } catch (e) {
    if (isAbort(e)) return;
    const { message, code } = errorParts(e);
    clear(body);
    body.appendChild(h('div', { class: 'panel-error', attrs: { role: 'alert' } }, h('strong', { text: 'Could not load the evidence. ' }), message, h('span', { class: 'toast-code', text: code })));
  }
}

function dedupeSources(list: Q.SourceData[]): Q.SourceData[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = `${s.article?.id ?? ''}\u0000${s.evidence ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

cy.on('select', 'node', (e: EventObject) => {
  const id = (e.target as NodeSingular).id();
  selectionOrder = [...selectionOrder.filter((x) => x !== id), id];
  const selected = cy.nodes(':selected');
  if (selected.length === 2) {
    const ids = selected.map((n) => n.id());
    const [a, b] = selectionOrder.filter((x) => ids.includes(x)).slice(-2);
    setPathEnd('from', a);
    setPathEnd('to', b);
  }
  refreshSelectionPanel();
});
cy.on('unselect', 'node', (e: EventObject) => {
  const id = (e.target as NodeSingular).id();
  selectionOrder = selectionOrder.filter((x) => x !== id);
  refreshSelectionPanel();
});
cy.on('select unselect', 'edge', () => refreshSelectionPanel());
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
cy.on('add remove', () => {
  refreshCanvasState();
  if (cy.$(':selected').length === 0) refreshSelectionPanel();
});

// ------------------------------------------------------------------ search

let searchAbort: AbortController | undefined;
let hits: Q.SearchHitNode[] = [];
let activeHit = -1;

function openPopup(open: boolean): void {
  el.searchPopup.hidden = !open;
  el.search.setAttribute('aria-expanded', String(open));
}

function setActiveHit(i: number): void {
  activeHit = i;
  el.searchResults.querySelectorAll('li').forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
  if (i >= 0) {
    const li = el.searchResults.children[i] as HTMLElement | undefined;
    el.search.setAttribute('aria-activedescendant', li?.id ?? '');
    li?.scrollIntoView({ block: 'nearest' });
  } else el.search.removeAttribute('aria-activedescendant');
}

async function runSearch(text: string): Promise<void> {
  const query = text.trim();
  searchAbort?.abort();
  if (!query) {
    openPopup(false);
    el.searchSpinner.hidden = true;
    return;
  }
  const ctrl = new AbortController();
  searchAbort = ctrl;
  el.searchSpinner.hidden = false;
  el.searchSummary.className = 'search-summary';
  el.searchSummary.textContent = `Searching for “${query}”…`;
  openPopup(true);
  try {
    const r = await Q.search(query, SEARCH_PAGE, ctrl.signal);
    if (ctrl.signal.aborted) return;
    hits = r.data.search.edges.map((e) => e.node);
    renderHits(query, r.data.search.totalCount);
    showPartialErrors('Search', r.errors);
  } catch (e) {
    if (isAbort(e)) return;
    const { message, code } = errorParts(e);
    hits = [];
    clear(el.searchResults);
    el.searchSummary.className = 'search-summary error';
    clear(el.searchSummary);
    el.searchSummary.append(h('strong', { text: 'Search failed: ' }), message, h('span', { class: 'toast-code', text: code }));
    if (code === 'UNAUTHENTICATED') openKeyDialog('This server requires an API key for reads. Paste one to continue.');
  } finally {
    if (searchAbort === ctrl) el.searchSpinner.hidden = true;
  }
}

function renderHits(query: string, total: number): void {
  clear(el.searchResults);
  activeHit = -1;
  el.searchSummary.textContent =
    hits.length === 0 ? `No matches for “${query}”.` : total > hits.length ? `Top ${hits.length} of ${total} matches` : `${total} match${total === 1 ? '' : 'es'}`;
  hits.forEach((hit, i) => {
    const node = Q.hitToNode(hit);
    const sub =
      hit.__typename === 'Event'
        ? [hit.eventType, hit.date ?? 'undated'].join(' · ')
        : [hit.kind && hit.kind !== hit.type ? hit.kind : null, hit.aliases && hit.aliases.length ? `aka ${hit.aliases.join(', ')}` : null].filter(Boolean).join(' · ');
    el.searchResults.appendChild(
      h(
        'li',
        {
          attrs: { role: 'option', id: `hit-${i}`, 'aria-selected': 'false' },
          dataset: { id: hit.id, type: node.type },
          on: {
            mousedown: (ev) => ev.preventDefault(),
            click: () => pickHit(i),
            mousemove: () => activeHit !== i && setActiveHit(i),
          },
        },
        panel.swatch(node.type),
        h('div', { class: 'hit-main' }, h('div', { class: 'hit-name', text: hit.name }), sub ? h('div', { class: 'hit-sub', text: sub }) : null),
        h('span', { class: 'type-badge hit-type', text: node.type === 'Event' ? `Event` : node.type }),
      ),
    );
  });
}

function pickHit(i: number): void {
  const hit = hits[i];
  if (!hit) return;
  openPopup(false);
  void putOnCanvas(Q.hitToNode(hit));
}

const debouncedSearch = debounce((text: string) => void runSearch(text), 250);
let composing = false;
el.search.addEventListener('compositionstart', () => (composing = true));
el.search.addEventListener('compositionend', () => {
  composing = false;
  debouncedSearch(el.search.value);
});
el.search.addEventListener('input', () => {
  if (!composing) debouncedSearch(el.search.value);
});
el.search.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' && hits.length) {
    e.preventDefault();
    if (el.searchPopup.hidden) openPopup(true);
    setActiveHit((activeHit + 1) % hits.length);
  } else if (e.key === 'ArrowUp' && hits.length) {
    e.preventDefault();
    setActiveHit(activeHit <= 0 ? hits.length - 1 : activeHit - 1);
  } else if (e.key === 'Enter' && !e.isComposing) {
    e.preventDefault();
    debouncedSearch.cancel();
    if (!el.searchPopup.hidden && hits.length) pickHit(activeHit >= 0 ? activeHit : 0);
    else void runSearch(el.search.value);
  } else if (e.key === 'Escape') {
    openPopup(false);
  }
});
el.search.addEventListener('focus', () => {
  if (el.search.value.trim() && (hits.length || el.searchSummary.textContent)) openPopup(true);
});
document.addEventListener('mousedown', (e) => {
  if (!byId('search-box').contains(e.target as Node)) openPopup(false);
});

// ------------------------------------------------------------------ restore a view from the URL

async function restore(v: ViewState): Promise<void> {
  restoring = true;
  try {
    el.depth.value = String(v.depth);
    setChecked(el.entityTypes, v.entityTypes);
    setChecked(el.eventTypes, v.eventTypes);
    el.dateFrom.value = v.from;
    el.dateTo.value = v.to;
    const radio = document.querySelector<HTMLInputElement>(`input[name="date-mode"][value="${v.dateMode}"]`);
    if (radio) radio.checked = true;
    view.clear();
    detailsCache.clear();
    shownPath = null;
    setPathEnd('from', null);
    setPathEnd('to', null);
    clear(el.pathResult);
    const all = [...new Set([...v.nodes, ...v.added, ...v.expanded])];
    if (all.length === 0) {
      applyDateRange();
      return;
    }
    const found: GNode[] = [];
    const missing: string[] = [];
    for (let i = 0; i < all.length; i += Q.RESTORE_CHUNK) {
      const r = await Q.graphNodes(all.slice(i, i + Q.RESTORE_CHUNK));
      found.push(...r.nodes);
      missing.push(...r.missing);
    }
    const byIdMap = new Map(found.map((n) => [n.id, n]));
    const addedSet = new Set(v.added);
    view.addNodes(found.filter((n) => !addedSet.has(n.id) || !v.expanded.length));
    // replay the expansions: who brought which node in, and the edges among them
    const filters = { entityTypes: v.entityTypes, eventTypes: v.eventTypes };
    for (const x of v.expanded) {
      if (!byIdMap.has(x)) continue;
      const r = await Q.neighborhood({ id: x, depth: v.depth, limit: Q.RESTORE_LIMIT, ...filters }, 'Restoring the view…');
      const sub = r.data.neighborhood;
      if (!sub) continue;
      view.addNodes(sub.nodes.filter((n) => n.id !== x && addedSet.has(n.id)).map((n) => byIdMap.get(n.id) ?? n), x, x);
      view.addEdges(sub.edges);
      view.markExpanded(x);
    }
    // anything listed but not brought back by an expansion is shown as put there on purpose
    view.addNodes(found.filter((n) => !view.hasNode(n.id)));
    // edges among the nodes that were not expanded
    const rest = found.filter((n) => !v.expanded.includes(n.id)).map((n) => n.id);
    const queue = [...rest];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const r = await Q.neighborhood({ id, depth: 1, limit: Q.RESTORE_LIMIT, entityTypes: null, eventTypes: null }, 'Restoring the view…');
        if (r.data.neighborhood) view.addEdges(r.data.neighborhood.edges);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    refreshCanvasState();
    if (missing.length) toast('warn', 'Part of the link could not be restored', `${missing.length} node${missing.length === 1 ? ' is' : 's are'} no longer in the graph: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? '…' : ''}`);
    view.setDateRange({ from: v.from, to: v.to }, v.dateMode);
    await view.layout({ fit: true });
    if (v.pathFrom && v.pathTo && view.hasNode(v.pathFrom) && view.hasNode(v.pathTo)) {
      setPathEnd('from', v.pathFrom);
      setPathEnd('to', v.pathTo);
      await showPaths(v.pathFrom, v.pathTo);
    }
    if (v.selected && cy.getElementById(v.selected).nonempty()) selectOnly(v.selected);
  } catch (e) {
    showError('Could not restore the view from the link', e);
  } finally {
    restoring = false;
    applyDateRange();
    refreshCanvasState();
    refreshSelectionPanel();
  }
}

window.addEventListener('hashchange', () => {
  if (location.hash === lastHash || (location.hash === '' && lastHash === '')) return;
  lastHash = location.hash;
  void restore(decodeView(location.hash, VOCAB));
});

// ------------------------------------------------------------------ toolbar

el.expand.addEventListener('click', () => {
  const n = cy.nodes(':selected');
  if (n.length === 1) void expand(n[0].id());
});
el.collapse.addEventListener('click', () => {
  const n = cy.nodes(':selected');
  if (n.length === 1) collapse(n[0].id());
});
el.remove.addEventListener('click', () => removeNodes(cy.nodes(':selected').map((n) => n.id())));
el.layout.addEventListener('click', () => void view.layout({ fit: true }));
el.fit.addEventListener('click', () => cy.animate({ fit: { eles: cy.elements(), padding: 48 } }, { duration: 250 }));
el.clearCanvas.addEventListener('click', () => {
  view.clear();
  clearPath();
  refreshCanvasState();
  refreshSelectionPanel();
  syncHash();
});
el.pathBtn.addEventListener('click', () => {
  if (pathEnds.from && pathEnds.to) void showPaths(pathEnds.from, pathEnds.to);
});
el.pathClear.addEventListener('click', () => clearPath());
el.depth.addEventListener('change', () => syncHash());
el.dateFrom.addEventListener('change', applyDateRange);
el.dateTo.addEventListener('change', applyDateRange);
document.querySelectorAll<HTMLInputElement>('input[name="date-mode"]').forEach((r) => r.addEventListener('change', applyDateRange));
el.datesClear.addEventListener('click', () => {
  el.dateFrom.value = '';
  el.dateTo.value = '';
  applyDateRange();
});

document.addEventListener('keydown', (e) => {
  const t = e.target as HTMLElement | null;
  if (t && (t.closest('input, select, textarea, dialog') || t.isContentEditable)) return;
  if (e.key === 'Delete' || e.key === 'Backspace') {
    const ids = cy.nodes(':selected').map((n) => n.id());
    if (ids.length) {
      e.preventDefault();
      removeNodes(ids);
    }
  } else if (e.key === 'Escape') {
    cy.$(':selected').unselect();
  }
});

// ------------------------------------------------------------------ export and share

function stamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

function requireNodes(): boolean {
  if (cy.nodes().length > 0) return true;
  toast('info', 'Nothing to export', 'Put something on the canvas first.');
  return false;
}

el.exportPng.addEventListener('click', () => {
  if (!requireNodes()) return;
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
  download(blob, `kg-view-${stamp()}.png`);
});
el.exportGraphml.addEventListener('click', () => {
  if (!requireNodes()) return;
  const xml = toGraphML(view.exportNodes(), view.exportEdges(), `KG explorer view ${shareLink()}`);
  download(new Blob([xml], { type: 'application/graphml+xml' }), `kg-view-${stamp()}.graphml`);
});
el.exportJson.addEventListener('click', () => {
  if (!requireNodes()) return;
  const json = toJSON(view.exportNodes(), view.exportEdges(), currentView(), shareLink());
  download(new Blob([json], { type: 'application/json' }), `kg-view-${stamp()}.json`);
});
el.copyLink.addEventListener('click', async () => {
  syncHash();
  const link = shareLink();
  el.copyLink.dataset.link = link;
  try {
    await navigator.clipboard.writeText(link);
    toast('info', 'Link copied', 'Paste it anywhere to reopen this view.');
  } catch {
    const input = h('input', { attrs: { type: 'text', readonly: true, value: link, 'aria-label': 'Link to this view' } });
    input.style.width = '100%';
    input.style.marginTop = '6px';
    toast('info', 'Copy this link', 'The clipboard is not available; select and copy the link below.', undefined, input);
    input.focus();
    input.select();
  }
});

// ------------------------------------------------------------------ API key

function refreshKeyButton(): void {
  const set = getApiKey() !== '';
  el.keyBtn.classList.toggle('btn-key-set', set);
  el.keyBtn.textContent = set ? 'API key set' : 'API key';
}

function openKeyDialog(reason?: string): void {
  if (el.keyDialog.open) return;
  el.keyReason.textContent = reason ?? 'If this server requires a key for reads, paste it here. It is kept in this tab only (sessionStorage) and sent as “Authorization: Bearer …”.';
  el.keyInput.value = getApiKey();
  el.keyDialog.showModal();
  el.keyInput.focus();
}

el.keyBtn.addEventListener('click', () => openKeyDialog());
el.keyCancel.addEventListener('click', () => el.keyDialog.close());
el.keyClear.addEventListener('click', () => {
  setApiKey('');
  el.keyInput.value = '';
  refreshKeyButton();
  el.keyDialog.close();
});
el.keyForm.addEventListener('submit', () => {
  setApiKey(el.keyInput.value.trim());
  refreshKeyButton();
  detailsCache.clear();
  toast('info', getApiKey() ? 'Key saved for this tab' : 'Key cleared');
  refreshSelectionPanel();
  if (el.search.value.trim()) void runSearch(el.search.value);
});

// ------------------------------------------------------------------ read-only state for scripts and tests

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
    };
  });
}

const explorerState = Object.freeze({
  /** nodes on the canvas with their page coordinates */
  nodes: () => renderedNodes(),
  edges: () => {
    const rect = el.cy.getBoundingClientRect();
    return cy.edges().map((e) => {
      const m = e.renderedMidpoint();
      return { id: e.id(), source: e.source().id(), target: e.target().id(), label: e.data('display') as string, classes: e.classes(), x: rect.left + m.x, y: rect.top + m.y };
    });
  },
  selected: () => cy.$(':selected').toArray().map((x) => x.id()),
  highlighted: () => view.highlighted(),
  paths: () => lastPaths.map((p) => ({ length: p.length, nodes: p.nodes.map((n) => n.id) })),
  view: () => currentView(),
  get busy() {
    return requestsInFlight() > 0 || layoutRunning || cy.animated();
  },
  get ready() {
    return ready;
  },
});
Object.defineProperty(window, '__explorer', { value: explorerState, writable: false, configurable: false, enumerable: false });

// ------------------------------------------------------------------ start

let ready = false;
buildLegend();
buildChips(el.entityTypes, VOCAB.entityTypes, 'et', true);
buildChips(el.eventTypes, VOCAB.eventTypes, 'vt', false);
refreshKeyButton();
refreshCanvasState();
panel.renderOverview(el.panel, [], actions);
void (async () => {
  const initial = location.hash ? decodeView(location.hash, VOCAB) : EMPTY_VIEW;
  lastHash = location.hash;
  await restore(initial);
  ready = true;
  document.body.dataset.ready = 'true';
})();
