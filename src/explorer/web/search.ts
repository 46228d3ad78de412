/** The search box: search as you type (IME-aware), the list of hits, keyboard navigation, picking a hit; text hits in searchPassages.ts. */
import { isAbort } from './api';
import { putOnCanvas } from './canvas';
import { clear, debounce, h } from './dom';
import { el } from './elements';
import { askForKeyIf, errorParts, showPartialErrors } from './errors';
import { hidePassages, showPassages } from './searchPassages';
import { swatch, typeName } from './swatch';
import * as Q from './queries';
import { onChange } from './state';
import { t, tn, word } from './i18n';

const SEARCH_PAGE = 12;

/** The box's own state: the request in flight, the hits shown, the one under the keyboard. */
const box = { abort: undefined as AbortController | undefined, hits: [] as Q.SearchHitNode[], active: -1, composing: false };

function openPopup(open: boolean): void {
  el.searchPopup.hidden = !open;
  el.search.setAttribute('aria-expanded', String(open));
}

function setActiveHit(i: number): void {
  box.active = i;
  el.searchResults.querySelectorAll('li').forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
  if (i >= 0) {
    const li = el.searchResults.children[i] as HTMLElement | undefined;
    el.search.setAttribute('aria-activedescendant', li?.id ?? '');
    li?.scrollIntoView({ block: 'nearest' });
  } else el.search.removeAttribute('aria-activedescendant');
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
    box.hits = r.data.search.edges.map((e) => e.node);
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
  hits.forEach((hit, i) => {
    const node = Q.hitToNode(hit);
    const sub =
      hit.__typename === 'Event'
        ? [word(hit.eventType ?? ''), hit.date ?? t('panel.undated')].join(' · ')
        : [hit.kind && hit.kind !== hit.type ? word(hit.kind) : null, hit.aliases && hit.aliases.length ? t('search.aka', { names: hit.aliases.join(', ') }) : null].filter(Boolean).join(' · ');
    el.searchResults.appendChild(
      h(
        'li',
        {
          attrs: { role: 'option', id: `hit-${i}`, 'aria-selected': 'false' },
          dataset: { id: hit.id, type: node.type },
          on: {
            mousedown: (ev) => ev.preventDefault(),
            click: () => pickHit(i),
            mousemove: () => box.active !== i && setActiveHit(i),
          },
        },
        swatch(node.type),
        h('div', { class: 'hit-main' }, h('div', { class: 'hit-name', text: hit.name }), sub ? h('div', { class: 'hit-sub', text: sub }) : null),
        h('span', { class: 'type-badge hit-type', text: typeName(node.type) }),
      ),
    );
  });
}

function pickHit(i: number): void {
  const hit = box.hits[i];
  if (!hit) return;
  openPopup(false);
  void putOnCanvas(Q.hitToNode(hit));
}

function onKey(e: KeyboardEvent): void {
  const hits = box.hits;
  if (e.key === 'ArrowDown' && hits.length) {
    e.preventDefault();
    if (el.searchPopup.hidden) openPopup(true);
    setActiveHit((box.active + 1) % hits.length);
  } else if (e.key === 'ArrowUp' && hits.length) {
    e.preventDefault();
    setActiveHit(box.active <= 0 ? hits.length - 1 : box.active - 1);
  } else if (e.key === 'Enter' && !e.isComposing) {
    e.preventDefault();
    debouncedSearch.cancel();
    if (!el.searchPopup.hidden && hits.length) pickHit(box.active >= 0 ? box.active : 0);
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
