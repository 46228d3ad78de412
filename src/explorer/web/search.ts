/**
 * The search box: search as you type (IME-aware), the list of hits with the name or alias that matched marked,
 * keyboard navigation over the hits and the text hits under them, picking a hit; text hits in searchPassages.ts.
 */
import { isAbort } from './api';
import { putOnCanvas } from './canvas';
import { clear, debounce, h } from './dom';
import { el } from './elements';
import { askForKeyIf, errorParts, showPartialErrors } from './errors';
import { markedText } from './markedText';
import { hidePassages, morePassages, passageOptions, showPassages } from './searchPassages';
import { swatch, typeName } from './swatch';
import * as Q from './queries';
import { onChange } from './state';
import { t, tn, word } from './i18n';

const SEARCH_PAGE = 12;

/** The box's own state: the request in flight, the hits shown, the one under the keyboard. */
const box = { abort: undefined as AbortController | undefined, hits: [] as Q.SearchData['search']['edges'], active: -1, composing: false };

function openPopup(open: boolean): void {
  el.searchPopup.hidden = !open;
  el.search.setAttribute('aria-expanded', String(open));
}

/** What the arrow keys go through: the name hits, then the text hits and their "more". */
function options(): HTMLElement[] {
  return [...Array.from(el.searchResults.querySelectorAll<HTMLElement>('li[role="option"]')), ...passageOptions()];
}

function setActiveHit(i: number): void {
  box.active = i;
  const all = options();
  all.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
  const o = i >= 0 ? all[i] : undefined;
  if (o) {
    el.search.setAttribute('aria-activedescendant', o.id);
    o.scrollIntoView({ block: 'nearest' });
  } else el.search.removeAttribute('aria-activedescendant');
}

/** Enter on the active option: a name hit goes on the canvas, a sentence opens the reader, "more" fetches the next sentences. */
async function pickOption(i: number): Promise<void> {
  if (i < box.hits.length) return pickHit(i);
  const o = options()[i];
  if (!o) return;
  if (o.dataset.action === 'more') {
    const first = await morePassages();
    if (first !== null) setActiveHit(el.searchResults.querySelectorAll('li[role="option"]').length + first);
  } else o.querySelector<HTMLButtonElement>('.passage-read')?.click();
}

async function runSearch(text: string): Promise<void> {
  const query = text.trim();
  box.abort?.abort();
  if (!query) {
    openPopup(false);
    hidePassages();
    el.searchSpinner.hidden = true;
    return;
  }
  const ctrl = new AbortController();
  box.abort = ctrl;
  void showPassages(query, ctrl.signal, () => openPopup(false));
  el.searchSpinner.hidden = false;
  el.searchSummary.className = 'search-summary';
  el.searchSummary.textContent = t('search.searching', { q: query });
  openPopup(true);
  try {
    const r = await Q.search(query, SEARCH_PAGE, ctrl.signal);
    if (ctrl.signal.aborted) return;
    box.hits = r.data.search.edges;
    renderHits(query, r.data.search.totalCount);
    showPartialErrors(t('search.partly'), r.errors);
  } catch (e) {
    if (isAbort(e)) return;
    const { message, code } = errorParts(e);
    box.hits = [];
    clear(el.searchResults);
    el.searchSummary.className = 'search-summary error';
    clear(el.searchSummary);
    el.searchSummary.append(h('strong', { text: t('search.failed') }), message, h('span', { class: 'toast-code', text: code }));
    askForKeyIf(code);
  } finally {
    if (box.abort === ctrl) el.searchSpinner.hidden = true;
  }
}

function renderHits(query: string, total: number): void {
  const hits = box.hits;
  clear(el.searchResults);
  box.active = -1;
  el.searchSummary.textContent =
    hits.length === 0 ? t('search.none', { q: query }) : total > hits.length ? t('search.top', { n: hits.length, total }) : tn(total, 'search.count.one', 'search.count.other');
  hits.forEach(({ node: hit, match }, i) => {
    const node = Q.hitToNode(hit);
    const byAlias = match?.field === 'ALIAS';
    const others = (hit.aliases ?? []).filter((a) => !byAlias || a !== match.text);
    const sub =
      hit.__typename === 'Event'
        ? [word(hit.eventType ?? ''), hit.date ?? t('panel.undated')].join(' · ')
        : [hit.kind && hit.kind !== hit.type ? word(hit.kind) : null, others.length ? t('search.aka', { names: others.join(', ') }) : null].filter(Boolean).join(' · ');
    el.searchResults.appendChild(
      h(
        'li',
        {
          attrs: { role: 'option', id: `hit-${i}`, 'aria-selected': 'false' },
          dataset: { id: hit.id, type: node.type, ...(match ? { matchField: match.field, matchKind: match.kind } : {}) },
          on: {
            mousedown: (ev) => ev.preventDefault(),
            click: () => pickHit(i),
            mousemove: () => box.active !== i && setActiveHit(i),
          },
        },
        swatch(node.type),
        h('div', { class: 'hit-main' }, hitName(hit.name, match), byAlias ? hitAlias(match) : null, sub ? h('div', { class: 'hit-sub', text: sub }) : null),
        h('span', { class: 'type-badge hit-type', text: typeName(node.type) }),
      ),
    );
  });
}

/** How a name matched, when the marks alone do not say it (pinyin, initials, similar). */
function matchWord(m: Q.SearchMatch): string | null {
  return m.kind === 'PINYIN' ? t('search.byPinyin') : m.kind === 'INITIALS' ? t('search.byInitials') : m.kind === 'FUZZY' ? t('search.bySimilar') : null;
}

/** The hit's name, with the matched parts marked when the name is what matched. */
function hitName(name: string, m: Q.SearchMatch | undefined): HTMLElement {
  if (!m || m.field !== 'NAME') return h('div', { class: 'hit-name', text: name });
  const how = matchWord(m);
  return h('div', { class: 'hit-name' }, markedText(name, m.ranges, 'hit-marked'), how ? h('span', { class: 'match-how', text: how }) : null);
}

/** The alias that matched, marked. */
function hitAlias(m: Q.SearchMatch): HTMLElement {
  const how = matchWord(m);
  return h('div', { class: 'hit-alias' }, h('span', { class: 'muted', text: t('search.matchedAlias') }), markedText(m.text, m.ranges, 'hit-marked'), how ? h('span', { class: 'match-how', text: how }) : null);
}

function pickHit(i: number): void {
  const hit = box.hits[i]?.node;
  if (!hit) return;
  openPopup(false);
  void putOnCanvas(Q.hitToNode(hit));
}

function onKey(e: KeyboardEvent): void {
  const n = options().length;
  if (e.key === 'ArrowDown' && n) {
    e.preventDefault();
    if (el.searchPopup.hidden) openPopup(true);
    setActiveHit((box.active + 1) % n);
  } else if (e.key === 'ArrowUp' && n) {
    e.preventDefault();
    setActiveHit(box.active <= 0 ? n - 1 : box.active - 1);
  } else if (e.key === 'Enter' && !e.isComposing) {
    e.preventDefault();
    debouncedSearch.cancel();
    if (!el.searchPopup.hidden && n) void pickOption(box.active >= 0 ? box.active : 0);
    else void runSearch(el.search.value);
  } else if (e.key === 'Escape') {
    openPopup(false);
  }
}

const debouncedSearch = debounce((text: string) => void runSearch(text), 250);

export function installSearch(): void {
  el.search.addEventListener('compositionstart', () => (box.composing = true));
  el.search.addEventListener('compositionend', () => {
    box.composing = false;
    debouncedSearch(el.search.value);
  });
  el.search.addEventListener('input', () => {
    if (!box.composing) debouncedSearch(el.search.value);
  });
  el.search.addEventListener('keydown', onKey);
  el.search.addEventListener('focus', () => {
    if (el.search.value.trim() && (box.hits.length || el.searchSummary.textContent)) openPopup(true);
  });
  document.addEventListener('mousedown', (e) => {
    if (!el.searchBox.contains(e.target as Node)) openPopup(false);
  });
  onChange('access', () => {
    if (el.search.value.trim()) void runSearch(el.search.value);
  });
}
