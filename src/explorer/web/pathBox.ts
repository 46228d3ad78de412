/**
 * The path card: its two ends, the nodes (and, from pathTypes.ts, the relation and event types) the paths avoid,
 * whether longer paths count too, the search, and the list of paths found; Clear forgets all of it but the length
 * choice and the types.
 */
import { clear, h } from './dom';
import { el } from './elements';
import { showError, showPartialErrors } from './errors';
import { pathList, pathSummary, showAllButton } from './pathList';
import { pathTypeWord, toggleAvoidType, type PathTypeKind } from './pathTypes';
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

/** An avoided relation or event type as a chip, with a button that allows it again. */
function typeChip(kind: PathTypeKind, type: string): HTMLElement {
  const name = pathTypeWord(kind, type);
  return h(
    'span',
    { class: 'avoid-chip avoid-type', dataset: { pathType: kind, type } },
    h('span', { class: 'entity-name', text: name }),
    h('button', { class: 'chip-x', text: '×', attrs: { type: 'button', 'aria-label': t('paths.allowAgain', { name }) }, on: { click: () => toggleAvoidType(kind, type) } }),
  );
}

/** The avoided nodes and types as chips, each with a button that allows it again. */
function renderAvoid(): void {
  const { avoid, avoidRelationTypes, avoidEventTypes } = getPath();
  clear(el.pathAvoid);
  const count = avoid.length + avoidRelationTypes.length + avoidEventTypes.length;
  el.pathAvoid.dataset.count = String(count);
  if (count === 0) return;
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
  for (const type of avoidRelationTypes) el.pathAvoid.appendChild(typeChip('relation', type));
  for (const type of avoidEventTypes) el.pathAvoid.appendChild(typeChip('event', type));
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
  const { avoid, avoidRelationTypes, avoidEventTypes, allLengths } = getPath();
  clear(el.pathResult);
  try {
    const r = await Q.paths({ from, to, exclude: avoid, excludeRelationTypes: avoidRelationTypes, excludeEventTypes: avoidEventTypes, allLengths, maxLength: MAX_LENGTH });
    showPartialErrors(t('paths.partly'), r.errors);
    const found = r.data.paths;
    if (found.length === 0) {
      view.clearPaths();
      setShownPaths(null, found);
      const names = [...avoid.map(nameOf), ...avoidRelationTypes.map((x) => pathTypeWord('relation', x)), ...avoidEventTypes.map((x) => pathTypeWord('event', x))];
      const avoiding = names.length ? t('paths.avoidingList', { names: names.join(', ') }) : '';
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
