/**
 * The path card: its two ends, the nodes the paths avoid, whether longer paths count too, the search, and the
 * list of paths found; Clear forgets all of it but the length choice.
 */
import { clear, h } from './dom';
import { el } from './elements';
import { showError, showPartialErrors } from './errors';
import { pathList, pathSummary, showAllButton } from './pathList';
import * as Q from './queries';
import { changed, clearPathState, cy, getPath, onChange, setPathSteering, setShownPaths, toggleAvoid, view } from './state';
import { swatch } from './swatch';
import { toast } from './toast';
import { t } from './i18n';

const MAX_LENGTH = 6;

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

/** The avoided nodes as chips, each with a button that allows it again. */
function renderAvoid(): void {
  const { avoid } = getPath();
  clear(el.pathAvoid);
  el.pathAvoid.dataset.count = String(avoid.length);
  if (avoid.length === 0) return;
  el.pathAvoid.appendChild(h('span', { class: 'muted', text: t('paths.avoiding') }));
  for (const id of avoid) {
    const node = view.node(id);
    el.pathAvoid.appendChild(
      h(
        'span',
        { class: 'avoid-chip', dataset: { id } },
        node ? swatch(node.type) : null,
        h('span', { class: 'entity-name', text: node?.label ?? id }),
        h('button', { class: 'chip-x', text: '×', attrs: { type: 'button', 'aria-label': t('paths.allowAgain', { name: node?.label ?? id }) }, on: { click: () => toggleAvoid(id) } }),
      ),
    );
  }
}

/** Marks the avoided nodes on the canvas. */
function markAvoided(): void {
  const avoid = new Set(getPath().avoid);
  cy.batch(() => cy.nodes().forEach((n) => void n.toggleClass('avoided', avoid.has(n.id()))));
}

function render(): void {
  const p = getPath();
  renderEnd(el.pathFrom, p.from);
  renderEnd(el.pathTo, p.to);
  renderAvoid();
  if (el.pathAllLengths.checked !== p.allLengths) el.pathAllLengths.checked = p.allLengths;
  markAvoided();
}

export async function showPaths(from: string, to: string): Promise<void> {
  const nameOf = (id: string) => view.node(id)?.label ?? id;
  const { avoid, allLengths } = getPath();
  clear(el.pathResult);
  try {
    const r = await Q.paths({ from, to, exclude: avoid, allLengths, maxLength: MAX_LENGTH });
    showPartialErrors(t('paths.partly'), r.errors);
    const found = r.data.paths;
    if (found.length === 0) {
      view.clearPaths();
      setShownPaths(null, found);
      const avoiding = avoid.length ? t('paths.avoidingList', { names: avoid.map(nameOf).join(', ') }) : '';
      el.pathResult.appendChild(h('p', { class: 'panel-error', attrs: { role: 'status' }, text: t('paths.none', { max: MAX_LENGTH, a: nameOf(from), b: nameOf(to), avoiding }) }));
      el.pathResult.dataset.count = '0';
      toast('info', t('paths.noneToast'), t('paths.noneToastMsg', { max: MAX_LENGTH, a: nameOf(from), b: nameOf(to), avoiding }));
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
    showError(t('paths.failed'), e);
  }
}

function renderPathList(found: Q.FoundPath[]): void {
  clear(el.pathResult);
  el.pathResult.dataset.count = String(found.length);
  el.pathResult.appendChild(h('div', { class: 'muted path-summary' }, pathSummary(found), ' ', showAllButton(found)));
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
  el.pathAllLengths.addEventListener('change', () => setPathSteering({ allLengths: el.pathAllLengths.checked }));
  el.cy.addEventListener('contextmenu', (e) => e.preventDefault());
  onChange(['path', 'canvas'], render);
  onChange('lang', () => {
    render();
    const { found } = getPath();
    if (found.length && el.pathResult.dataset.count && el.pathResult.dataset.count !== '0') renderPathList([...found]);
  });
  onChange('elements', markAvoided);
}
