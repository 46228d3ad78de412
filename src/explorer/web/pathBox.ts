/** The shortest-path card: its two ends, the search, the list of paths found; Clear forgets all of it. */
import { selectOnly } from './canvas';
import { clear, h } from './dom';
import { el } from './elements';
import { showError, showPartialErrors } from './errors';
import { edgeWord } from './edgeWord';
import type { GNode, GPath } from './graphTypes';
import { swatch } from './swatch';
import * as Q from './queries';
import { changed, clearPathState, cy, getPath, onChange, setShownPaths, view } from './state';
import { toast } from './toast';

function renderEnd(target: HTMLElement, id: string | null): void {
  const node = id ? view.node(id) : null;
  clear(target);
  if (node) {
    target.appendChild(h('span', { class: 'entity-link' }, swatch(node.type), h('span', { text: node.label })));
    target.dataset.empty = 'false';
    target.dataset.id = node.id;
    target.title = node.label;
  } else {
    target.textContent = '—';
    target.dataset.empty = 'true';
    delete target.dataset.id;
    target.title = '';
  }
}

function renderEnds(): void {
  const p = getPath();
  renderEnd(el.pathFrom, p.from);
  renderEnd(el.pathTo, p.to);
}

export async function showPaths(from: string, to: string): Promise<void> {
  const nameOf = (id: string) => view.node(id)?.label ?? id;
  clear(el.pathResult);
  try {
    const r = await Q.paths(from, to);
    showPartialErrors('Paths', r.errors);
    const found = r.data.paths;
    if (found.length === 0) {
      view.clearPaths();
      setShownPaths(null, found);
      el.pathResult.appendChild(h('p', { class: 'panel-error', attrs: { role: 'status' }, text: `No connection of at most 6 steps between ${nameOf(from)} and ${nameOf(to)}.` }));
      el.pathResult.dataset.count = '0';
      toast('info', 'No path found', `${nameOf(from)} and ${nameOf(to)} are not connected within 6 steps.`);
      return;
    }
    const before = cy.nodes().length;
    view.showPaths(found);
    setShownPaths({ from, to }, found);
    if (cy.nodes().length > before) {
      changed('canvas');
      await view.layout({ fit: false });
    }
    cy.animate({ fit: { eles: cy.elements('.path'), padding: 60 } }, { duration: 300 });
    renderPathList(found);
  } catch (e) {
    showError('Could not find paths', e);
  }
}

/** The list of found paths, each a column of clickable steps with the edge words between them. */
export function pathList(found: GPath[]): HTMLElement {
  return h(
    'ol',
    { class: 'path-list' },
    ...found.map((p) => {
      const steps = h('div', { class: 'path-steps' });
      p.nodes.forEach((n: GNode, i) => {
        if (i > 0) {
          const e = p.edges[i - 1];
          if (e) steps.appendChild(h('span', { class: 'via', text: edgeWord(e) }));
        }
        steps.appendChild(
          h('button', { class: 'entity-link', attrs: { type: 'button', title: n.label }, dataset: { entityId: n.id }, on: { click: () => selectOnly(n.id) } }, swatch(n.type), h('span', { text: n.label })),
        );
      });
      return h('li', { dataset: { length: String(p.length) } }, steps);
    }),
  );
}

export function pathSummary(found: GPath[]): string {
  return `${found.length} shortest path${found.length === 1 ? '' : 's'}, ${found[0].length} step${found[0].length === 1 ? '' : 's'}${found.length > 1 ? ' each' : ''}`;
}

function renderPathList(found: GPath[]): void {
  clear(el.pathResult);
  el.pathResult.dataset.count = String(found.length);
  el.pathResult.appendChild(h('div', { class: 'muted', text: pathSummary(found) }));
  el.pathResult.appendChild(pathList(found));
}

export function clearPath(): void {
  clearPathState();
  clear(el.pathResult);
  delete el.pathResult.dataset.count;
}

export function installPathBox(): void {
  el.pathBtn.addEventListener('click', () => {
    const { from, to } = getPath();
    if (from && to) void showPaths(from, to);
  });
  el.pathClear.addEventListener('click', () => clearPath());
  onChange('path', renderEnds);
}
