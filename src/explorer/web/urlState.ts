/** The view in the URL fragment: kept up to date as the state changes, and restored from a link. */
import { drawExpansion, fetchNeighbours, selectOnly } from './canvas';
import { showError } from './errors';
import type { GNode } from './graphTypes';
import { clearPath, showPaths } from './pathBox';
import * as Q from './queries';
import {
  changed,
  cy,
  currentView,
  detailsCache,
  isRestoring,
  lastHash,
  onChange,
  setFilters,
  setLastHash,
  setPathEnd,
  setPathSteering,
  setRestoring,
  setStyle,
  view,
  VOCAB,
} from './state';
import { toast } from './toast';
import { decodeView, encodeView, type ViewState } from './viewState';
import { t, tn } from './i18n';

export function syncHash(): void {
  if (isRestoring()) return;
  const hash = encodeView(currentView());
  setLastHash(hash);
  const url = `${location.pathname}${location.search}${hash}`;
  if (`${location.pathname}${location.search}${location.hash}` !== url) history.replaceState(null, '', url || location.pathname);
}

export function shareLink(): string {
  return `${location.origin}${location.pathname}${encodeView(currentView())}`;
}

/** Replays the expansions saved in the link (with its filters), then the edges among the other nodes. */
async function replay(v: ViewState): Promise<string[]> {
  const all = [...new Set([...v.nodes, ...v.added, ...v.expanded])];
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
  // who brought which node in, and the edges among them
  const filters = { entityTypes: v.entityTypes, eventTypes: v.eventTypes };
  for (const x of v.expanded) {
    if (!byIdMap.has(x)) continue;
    const limit = v.depth === 1 ? Q.HUB_LIMIT : Q.RESTORE_LIMIT;
    const sub = await fetchNeighbours({ id: x, depth: v.depth, limit, ...filters }, t('link.restoring'));
    if (!sub) continue;
    // the neighbours in the link are drawn; the others are grouped as they were when there are many
    const nodes = sub.nodes.map((n) => byIdMap.get(n.id) ?? n);
    drawExpansion(x, { nodes, edges: sub.edges, truncated: sub.truncated }, { keep: addedSet });
  }
  // anything listed but not brought back by an expansion is shown as put there on purpose
  view.addNodes(found.filter((n) => !view.hasNode(n.id)));
  // edges among the nodes that were not expanded
  const queue = found.filter((n) => !v.expanded.includes(n.id)).map((n) => n.id);
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const r = await Q.neighborhood({ id, depth: 1, limit: Q.RESTORE_LIMIT, entityTypes: null, eventTypes: null }, t('link.restoring'));
      if (r.data.neighborhood) view.addEdges(r.data.neighborhood.edges);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return missing;
}

export async function restore(v: ViewState): Promise<void> {
  setRestoring(true);
  try {
    setFilters({ depth: v.depth, entityTypes: v.entityTypes, eventTypes: v.eventTypes, from: v.from, to: v.to, dateMode: v.dateMode, undated: v.undated });
    setStyle(v.style);
    view.clear();
    detailsCache.clear();
    clearPath();
    setPathSteering({ avoid: v.avoid, avoidRelationTypes: v.avoidRelationTypes, avoidEventTypes: v.avoidEventTypes, allLengths: v.allLengths });
    if (v.nodes.length + v.added.length + v.expanded.length === 0) return;
    const missing = await replay(v);
    changed('canvas');
    if (missing.length) toast('warn', t('link.partial'), tn(missing.length, 'link.missing.one', 'link.missing.other', { ids: `${missing.slice(0, 3).join(', ')}${missing.length > 3 ? '…' : ''}` }));
    await view.layout({ fit: true });
    if (v.pathFrom && v.pathTo && view.hasNode(v.pathFrom) && view.hasNode(v.pathTo)) {
      setPathEnd('from', v.pathFrom);
      setPathEnd('to', v.pathTo);
      await showPaths(v.pathFrom, v.pathTo);
    }
    if (v.selected && cy.getElementById(v.selected).nonempty()) selectOnly(v.selected);
  } catch (e) {
    showError(t('link.failed'), e);
  } finally {
    setRestoring(false);
    // redraws the date summary and the panel, and writes the URL
    setFilters({});
    changed('canvas');
  }
}

export function installUrlState(): void {
  onChange(['canvas', 'selection', 'path', 'filters', 'style'], syncHash);
  window.addEventListener('hashchange', () => {
    if (location.hash === lastHash() || (location.hash === '' && lastHash() === '')) return;
    setLastHash(location.hash);
    void restore(decodeView(location.hash, VOCAB));
  });
}
