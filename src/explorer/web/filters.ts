/**
 * The controls that set the filters (depth, node limit, entity and event types, the date range) and the
 * legend. The controls write the state; a change of the state (a restored link) is drawn back into them.
 */
import { isActive, typedDate } from './dates';
import { clear, h } from './dom';
import { el } from './elements';
import { swatch, typeName } from './swatch';
import { dateRange, getFilters, onChange, setFilters, view, VOCAB } from './state';
import { NODE_TYPES, TYPE_LOOK } from './theme';
import type { DateMode } from './viewState';
import { lang, t, word } from './i18n';

function buildLegend(): void {
  clear(el.legend);
  for (const ty of NODE_TYPES) {
    const zh = lang() === 'en' ? h('span', { class: 'zh', text: TYPE_LOOK[ty].zh, attrs: { lang: 'zh' } }) : null;
    el.legend.appendChild(h('span', { class: 'legend-item', dataset: { type: ty } }, swatch(ty), typeName(ty), zh));
  }
  el.legend.appendChild(h('span', { class: 'legend-sep', attrs: { 'aria-hidden': 'true' } }));
  el.legend.appendChild(h('span', { class: 'legend-item' }, h('span', { class: 'legend-line', attrs: { 'aria-hidden': 'true' } }), t('legend.relation')));
  el.legend.appendChild(h('span', { class: 'legend-item' }, h('span', { class: 'legend-line participation', attrs: { 'aria-hidden': 'true' } }), t('legend.participation')));
  el.legend.appendChild(h('span', { class: 'legend-item' }, h('span', { class: 'legend-line path', attrs: { 'aria-hidden': 'true' } }), t('legend.path')));
}

function buildChips(fieldset: HTMLFieldSetElement, values: readonly string[], name: string, withSwatch: boolean, onToggle: () => void): void {
  for (const v of values) {
    const id = `${name}-${v}`;
    fieldset.appendChild(
      h(
        'label',
        { class: 'chip', attrs: { for: id } },
        h('input', { attrs: { type: 'checkbox', id, name, value: v, checked: true }, on: { change: onToggle } }),
        h('span', { class: 'chip-text' }, withSwatch ? swatch(v) : null, withSwatch ? typeName(v) : word(v)),
      ),
    );
  }
}

/** The chips' words in the interface language (the values stay the model's). */
function relabelChips(): void {
  for (const fs of [el.entityTypes, el.eventTypes]) {
    fs.querySelectorAll<HTMLInputElement>('input[type=checkbox]').forEach((i) => {
      const text = i.nextElementSibling?.lastChild;
      if (text) text.textContent = fs === el.entityTypes ? typeName(i.value) : word(i.value);
    });
  }
}

/** The checked values, or null when every one is checked. */
function checkedValues(fieldset: HTMLFieldSetElement, all: readonly string[]): string[] | null {
  const checked = Array.from(fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).filter((i) => i.checked).map((i) => i.value);
  return checked.length === all.length ? null : checked;
}

function setChecked(fieldset: HTMLFieldSetElement, values: string[] | null): void {
  fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]').forEach((i) => (i.checked = values === null || values.includes(i.value)));
}

function checkedDateMode(): DateMode {
  return (document.querySelector<HTMLInputElement>('input[name="date-mode"]:checked')?.value as DateMode) ?? 'fade';
}

/** Reads the typed range (YYYY-MM-DD, or a partial YYYY-MM / YYYY); a value that is no date is marked and ignored. */
function readDates(): void {
  const from = typedDate(el.dateFrom.value, 'from');
  const to = typedDate(el.dateTo.value, 'to');
  el.dateFrom.setAttribute('aria-invalid', String(from === null));
  el.dateTo.setAttribute('aria-invalid', String(to === null));
  const f = getFilters();
  setFilters({ from: from ?? f.from, to: to ?? f.to, dateMode: checkedDateMode() });
}

/** Draws the state into the controls (only where they differ, so typing is never disturbed). */
function render(): void {
  const f = getFilters();
  if (el.depth.value !== String(f.depth)) el.depth.value = String(f.depth);
  if (el.limit.value !== String(f.limit)) el.limit.value = String(f.limit);
  setChecked(el.entityTypes, f.entityTypes);
  setChecked(el.eventTypes, f.eventTypes);
  // a partial date typed stays as typed while it means the same range
  if (typedDate(el.dateFrom.value, 'from') !== f.from) el.dateFrom.value = f.from;
  if (typedDate(el.dateTo.value, 'to') !== f.to) el.dateTo.value = f.to;
  const radio = document.querySelector<HTMLInputElement>(`input[name="date-mode"][value="${f.dateMode}"]`);
  if (radio && !radio.checked) radio.checked = true;
  renderDateSummary();
}

export function renderDateSummary(): void {
  const { from, to } = dateRange();
  const outside = view.outOfRange().length;
  const mode = getFilters().dateMode;
  const undated = getFilters().undated;
  const how = t(mode === 'hide' ? 'dates.hidden' : 'dates.faded');
  const span = [from ? t('dates.fromDate', { d: from }) : '', to ? t('dates.toDate', { d: to }) : ''].filter(Boolean).join(' ');
  el.dateSummary.textContent = !isActive({ from, to })
    ? undated
      ? t('dates.all')
      : t('dates.undatedOnly', { how, n: outside })
    : t('dates.summary', { span, n: outside, events: t(outside === 1 ? 'word.event' : 'word.events'), how, undated: t(undated ? 'dates.stay' : 'dates.too') });
}

export function installFilters(): void {
  buildLegend();
  buildChips(el.entityTypes, VOCAB.entityTypes, 'et', true, () => setFilters({ entityTypes: checkedValues(el.entityTypes, VOCAB.entityTypes) }));
  buildChips(el.eventTypes, VOCAB.eventTypes, 'vt', false, () => setFilters({ eventTypes: checkedValues(el.eventTypes, VOCAB.eventTypes) }));
  setFilters({ depth: Number(el.depth.value) || 1, limit: Number(el.limit.value) || 50 });
  el.depth.addEventListener('change', () => setFilters({ depth: Number(el.depth.value) || 1 }));
  el.limit.addEventListener('change', () => setFilters({ limit: Number(el.limit.value) || 50 }));
  el.dateFrom.addEventListener('change', readDates);
  el.dateTo.addEventListener('change', readDates);
  document.querySelectorAll<HTMLInputElement>('input[name="date-mode"]').forEach((r) => r.addEventListener('change', readDates));
  el.datesClear.addEventListener('click', () => {
    el.dateFrom.removeAttribute('aria-invalid');
    el.dateTo.removeAttribute('aria-invalid');
    setFilters({ from: '', to: '' });
  });
  onChange('filters', render);
  onChange('lang', () => {
    buildLegend();
    relabelChips();
    render();
  });
}
