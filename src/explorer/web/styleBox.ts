/**
 * The Filter and style card: which nodes of the canvas are shown (types, kind, a property's value, least
 * degree), what their size says (degree, mentions) and what their colour says (type, kind, month). The
 * controls write the state (a link restores it); the rules (canvasStyle.ts) are applied to the canvas
 * whenever it or the state changes.
 */
import type { NodeSingular } from 'cytoscape';
import { colourKey, colours, isFiltering, passes, sizes, type CanvasStyle, type ColourBy, type FilterProperty, type SizeBy, type StyledNode } from './canvasStyle';
import { clear, h } from './dom';
import { el } from './elements';
import { showError } from './errors';
import { t, word } from './i18n';
import { mentionCounts } from './mentionQueries';
import { cy, getStyle, onChange, setStyle } from './state';
import { swatch, typeName } from './swatch';
import { NODE_TYPES } from './theme';

/** Articles per node id, fetched when sizing by mentions first needs them. */
const mentions = new Map<string, number>();
let fetching = false;

const graphNodes = () => cy.nodes('[type != "Cluster"]');

function styled(n: NodeSingular): StyledNode {
  const d = n.data() as { id: string; label: string; type: string; kind: string | null; date: string | null };
  return { id: d.id, label: d.label, type: d.type, kind: d.kind ?? null, date: d.date ?? null, degree: n.connectedEdges('[kind != "cluster"]').length, mentions: mentions.get(d.id) };
}

async function fetchMentions(ids: string[]): Promise<void> {
  if (fetching || ids.length === 0) return;
  fetching = true;
  try {
    for (const [id, count] of await mentionCounts(ids)) mentions.set(id, count);
  } catch (e) {
    showError(t('style.countFailed'), e);
  } finally {
    fetching = false;
  }
  schedule();
}

/** Applies the rules to the canvas: hides what the filter leaves out, sizes and colours the rest. */
function apply(): void {
  scheduled = false;
  const s = getStyle();
  const nodes = graphNodes().map(styled);
  if (s.sizeBy === 'mentions') void fetchMentions(nodes.filter((n) => n.mentions === undefined).map((n) => n.id));
  const size = sizes(nodes, s.sizeBy);
  const colour = colours(nodes, s.colourBy);
  let hidden = 0;
  cy.batch(() => {
    for (const n of nodes) {
      const e = cy.getElementById(n.id);
      const out = !passes(n, s);
      if (out) hidden += 1;
      e.toggleClass('filtered-out', out);
      if (size) e.data('size', size.get(n.id)).addClass('sized');
      else e.removeClass('sized');
      const key = colourKey(n, s.colourBy);
      if (colour) e.data('colour', key === null ? '#cbd5e1' : colour.get(key)).addClass('coloured');
      else e.removeClass('coloured');
    }
  });
  el.styleBox.dataset.hidden = String(hidden);
  el.styleSummary.textContent = isFiltering(s) ? t('style.hidden', { n: hidden, total: nodes.length }) : t('style.all');
  renderColourLegend(colour);
}

function renderColourLegend(colour: Map<string, string> | null): void {
  clear(el.styleLegend);
  if (!colour) return;
  for (const [value, c] of colour) {
    const mark = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
    mark.style.background = c;
    el.styleLegend.appendChild(h('span', { class: 'legend-item', dataset: { value } }, mark, word(value)));
  }
}

let scheduled = false;
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(apply);
}

/** The kinds on the canvas, as choices. */
function refreshKinds(): void {
  const kinds = [...new Set(graphNodes().map((n) => n.data('kind') as string | null).filter((k): k is string => !!k))].sort();
  const want = getStyle().kind;
  if (want && !kinds.includes(want)) kinds.push(want);
  const current = Array.from(el.styleKind.options).map((o) => o.value).slice(1);
  if (current.join('\n') === kinds.join('\n')) return;
  while (el.styleKind.options.length > 1) el.styleKind.remove(1);
  for (const k of kinds) el.styleKind.appendChild(h('option', { attrs: { value: k }, text: word(k) }));
  el.styleKind.value = want;
}

function buildTypeChips(): void {
  el.styleTypes.querySelectorAll('label.chip').forEach((l) => l.remove());
  for (const ty of NODE_TYPES) {
    const id = `style-type-${ty}`;
    const input = h('input', { attrs: { type: 'checkbox', id, value: ty, checked: true }, on: { change: () => setStyle({ types: checkedTypes() }) } });
    el.styleTypes.appendChild(h('label', { class: 'chip', attrs: { for: id } }, input, h('span', null, swatch(ty), typeName(ty))));
  }
}

function checkedTypes(): string[] | null {
  const boxes = Array.from(el.styleTypes.querySelectorAll<HTMLInputElement>('input[type=checkbox]'));
  const on = boxes.filter((b) => b.checked).map((b) => b.value);
  return on.length === boxes.length ? null : on;
}

/** Draws the state into the controls (only where they differ, so typing is never disturbed). */
function render(): void {
  const s: CanvasStyle = getStyle();
  el.styleTypes.querySelectorAll<HTMLInputElement>('input[type=checkbox]').forEach((b) => (b.checked = s.types === null || s.types.includes(b.value)));
  refreshKinds();
  if (el.styleKind.value !== s.kind) el.styleKind.value = s.kind;
  if (el.styleProperty.value !== s.property) el.styleProperty.value = s.property;
  if (el.styleValue.value !== s.value) el.styleValue.value = s.value;
  if (Number(el.styleDegree.value) !== s.minDegree) el.styleDegree.value = String(s.minDegree);
  if (el.styleSize.value !== s.sizeBy) el.styleSize.value = s.sizeBy;
  if (el.styleColour.value !== s.colourBy) el.styleColour.value = s.colourBy;
  schedule();
}

export function installStyleBox(): void {
  buildTypeChips();
  el.styleKind.addEventListener('change', () => setStyle({ kind: el.styleKind.value }));
  el.styleProperty.addEventListener('change', () => setStyle({ property: el.styleProperty.value as FilterProperty }));
  el.styleValue.addEventListener('input', () => setStyle({ value: el.styleValue.value }));
  el.styleDegree.addEventListener('input', () => setStyle({ minDegree: Math.max(0, Math.floor(Number(el.styleDegree.value) || 0)) }));
  el.styleSize.addEventListener('change', () => setStyle({ sizeBy: el.styleSize.value as SizeBy }));
  el.styleColour.addEventListener('change', () => setStyle({ colourBy: el.styleColour.value as ColourBy }));
  el.styleReset.addEventListener('click', () => setStyle({ types: null, kind: '', value: '', minDegree: 0, sizeBy: 'none', colourBy: 'type' }));
  onChange('style', render);
  onChange(['canvas', 'elements'], () => {
    refreshKinds();
    schedule();
  });
  onChange('lang', () => {
    buildTypeChips();
    while (el.styleKind.options.length > 1) el.styleKind.remove(1);
    render();
  });
  render();
}
