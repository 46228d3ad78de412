/** The details panel: what is selected (a node, an edge with its evidence, several nodes, or nothing). */
import { isAbort } from './api';
import { collapse, expand, openCluster, putOnCanvas, removeNodes, selectOnly } from './canvas';
import { renderCluster } from './clusterPanel';
import { clear, debounce, h } from './dom';
import { el } from './elements';
import { askForKeyIf, errorParts, showPartialErrors } from './errors';
import type { GNode } from './graphTypes';
import * as panel from './panel';
import { showPaths } from './pathBox';
import { pathList, pathSummary } from './pathList';
import * as Q from './queries';
import { openReader } from './reader';
import { choosePathEnd, cy, detailsCache, getPath, onChange, toggleAvoid, view } from './state';
import { t } from './i18n';

let detailsAbort: AbortController | undefined;

export const actions: panel.PanelActions = {
  open: (ref) => {
    const node: GNode = 'label' in ref ? ref : { id: ref.id, label: ref.name, type: ref.type === 'Event' ? 'Event' : ref.type, kind: ref.kind ?? null, date: null };
    void putOnCanvas(node);
  },
  expand: (id) => void expand(id),
  expandGrouped: (id) => void expand(id, { group: true }),
  collapse: (id) => collapse(id),
  remove: (id) => removeNodes([id]),
  pathFrom: (id) => choosePathEnd('from', id),
  pathTo: (id) => choosePathEnd('to', id),
  toggleAvoid: (id) => toggleAvoid(id),
  isAvoided: (id) => getPath().avoid.includes(id),
  isExpanded: (id) => view.isExpanded(id),
  isPinned: (id) => cy.getElementById(id).locked(),
  togglePin: (id) => {
    const n = cy.getElementById(id);
    if (n.empty()) return;
    if (n.locked()) n.unlock().removeClass('held');
    else n.lock().addClass('held');
    refreshSelectionPanel();
  },
  select: (id) => selectOnly(id),
};

const refreshSelectionPanel = debounce(() => void showSelection(), 40);

async function showSelection(): Promise<void> {
  const nodes = cy.nodes(':selected');
  const edges = cy.edges(':selected');
  detailsAbort?.abort();
  const cluster = nodes.length === 1 && edges.length === 0 ? view.cluster(nodes[0].id()) : null;
  if (cluster) {
    renderCluster(el.panel, cluster, {
      anchorName: view.node(cluster.anchor)?.label ?? cluster.anchor,
      draw: (ids) => void openCluster(cluster.id, ids),
      remove: () => removeNodes([cluster.id]),
    });
  } else if (nodes.length === 1 && edges.length === 0) {
    await showNodeDetails(nodes[0].id());
  } else if (edges.length === 1 && nodes.length === 0) {
    await showEdgeDetails(edges[0].id());
  } else if (nodes.length + edges.length === 0) {
    panel.renderOverview(el.panel, view.nodes(), actions);
  } else {
    renderMultiSelection(nodes.map((n) => n.id()));
  }
}

function renderMultiSelection(ids: string[]): void {
  clear(el.panel);
  el.panel.dataset.kind = 'multi';
  delete el.panel.dataset.nodeId;
  const nodes = ids.map((id) => view.node(id)).filter((n): n is GNode => !!n);
  const path = getPath();
  el.panel.appendChild(
    h('div', { class: 'panel-head' }, h('h2', { class: 'title', text: t('panel.selected', { n: nodes.length }) }), h('div', { class: 'meta', text: nodes.length === 2 ? t('panel.selectedTwo') : t('panel.selectedMany') })),
  );
  el.panel.appendChild(
    h(
      'div',
      { class: 'panel-actions' },
      nodes.length === 2
        ? h('button', { class: 'btn btn-sm btn-primary', text: t('paths.show'), attrs: { type: 'button', 'data-action': 'paths' }, on: { click: () => void showPaths(path.from ?? nodes[0].id, path.to ?? nodes[1].id) } })
        : null,
      h('button', { class: 'btn btn-sm btn-danger-ghost', text: t('panel.removeSelected'), attrs: { type: 'button' }, on: { click: () => removeNodes(ids) } }),
    ),
  );
  const chosen = new Set(ids);
  if (path.shown && path.found.length && chosen.has(path.shown.from) && chosen.has(path.shown.to) && ids.length === 2) {
    el.panel.appendChild(
      h('section', { class: 'path-result', dataset: { section: 'paths' } }, h('h3', null, h('span', { text: t('paths.title') }), h('span', { class: 'count', text: pathSummary(path.found) })), pathList(path.found)),
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
      showPartialErrors(t('req.details'), r.errors);
      d = r.data.node;
      detailsCache.set(id, d);
      setTimeout(() => detailsCache.delete(id), 5 * 60_000);
    }
    if (ctrl.signal.aborted) return;
    if (!d) {
      panel.renderPanelError(el.panel, node, t('panel.gone', { name: node.label }), 'NOT_FOUND', actions);
      return;
    }
    if (d.__typename === 'Event') panel.renderEvent(el.panel, d as Q.EventDetails, actions, true);
    else if (d.__typename === 'Article' || d.__typename === 'Figure') panel.renderOther(el.panel, node, d.__typename, actions);
    else panel.renderEntity(el.panel, d as Q.EntityDetails, actions, true);
  } catch (e) {
    if (isAbort(e)) return;
    const { message, code } = errorParts(e);
    panel.renderPanelError(el.panel, node, message, code, actions);
    askForKeyIf(code);
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
    body.appendChild(h('div', { class: 'panel-error', attrs: { role: 'alert' } }, h('strong', { text: t('panel.evidenceError') }), message, h('span', { class: 'toast-code', text: code })));
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

export function installDetails(): void {
  onChange(['selection', 'canvas', 'path', 'lang'], refreshSelectionPanel);
  // an element added or removed changes the overview (shown when nothing is selected)
  onChange('elements', () => {
    if (cy.$(':selected').length === 0) refreshSelectionPanel();
  });
  onChange('access', () => {
    detailsCache.clear();
    refreshSelectionPanel();
  });
  panel.reading.open = (articleId, evidence) => void openReader(articleId, evidence);
  panel.renderOverview(el.panel, [], actions);
}
