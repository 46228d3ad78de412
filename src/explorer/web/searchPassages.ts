/**
 * Text hits in the search box: under the names found, the sentences of the articles that hold the search text
 * (`passages`), the matched part marked, with their article and date; the first 5, and **More** fetches the next
 * page with the connection's cursor. A sentence opens the reader at it; the entities and events it states are
 * buttons that put them on the canvas. The name hits never wait for these. The sentences and "More" are options
 * the search box's arrow keys go through (`passageOptions`).
 */
import { isAbort } from './api';
import { putOnCanvas } from './canvas';
import { clear, h } from './dom';
import { el } from './elements';
import { errorParts } from './errors';
import { markedText } from './markedText';
import { passages, type PassageHit } from './passageQueries';
import * as Q from './queries';
import { openReader } from './reader';
import { swatch, typeName } from './swatch';
import { t } from './i18n';

const FIRST = 5;
/** sentences per "More" */
const MORE = 10;
/** entities and events offered per sentence */
const NAMED_SHOWN = 6;

/** The sentences shown and where the next page starts. */
const shown = {
  query: '',
  list: [] as PassageHit[],
  total: 0,
  after: null as string | null,
  hasMore: false,
  signal: undefined as AbortSignal | undefined,
  close: () => undefined as void,
  loading: false,
};

function namedButton(n: Q.SearchHitNode): HTMLElement {
  const node = Q.hitToNode(n);
  return h(
    'button',
    {
      class: 'passage-node',
      attrs: { type: 'button', title: t('search.drawNamed', { name: n.name, type: typeName(node.type) }) },
      dataset: { id: n.id },
      on: {
        click: () => {
          shown.close();
          void putOnCanvas(node);
        },
      },
    },
    swatch(node.type),
    h('span', { class: 'entity-name', text: n.name }),
  );
}

function passageItem(p: PassageHit, i: number): HTMLElement {
  const named = [...p.events, ...p.entities].slice(0, NAMED_SHOWN);
  return h(
    'li',
    { class: 'passage', attrs: { role: 'option', id: `passage-${i}`, 'aria-selected': 'false' }, dataset: { articleId: p.article.id } },
    h(
      'button',
      {
        class: 'passage-read',
        attrs: { type: 'button', title: t('search.readAt') },
        on: {
          mousedown: (ev) => ev.preventDefault(),
          click: () => {
            shown.close();
            void openReader(p.article.id, p.text);
          },
        },
      },
      markedText(p.text, p.ranges, 'passage-text'),
      h('span', { class: 'passage-meta', text: [p.article.title, p.date ?? p.article.publishedOn].filter(Boolean).join(' · ') }),
    ),
    named.length ? h('div', { class: 'passage-named' }, ...named.map(namedButton)) : null,
  );
}

function render(): void {
  const { list, total } = shown;
  clear(el.searchPassages);
  el.searchPassages.dataset.state = 'ready';
  el.searchPassages.dataset.query = shown.query;
  el.searchPassages.dataset.count = String(list.length);
  el.searchPassages.hidden = list.length === 0;
  if (list.length === 0) return;
  const head = total > list.length ? t('search.passagesTop', { n: list.length, total }) : t('search.passages', { n: total });
  const more = shown.hasMore
    ? h(
        'li',
        { class: 'passages-more', attrs: { role: 'option', id: 'passages-more', 'aria-selected': 'false' }, dataset: { action: 'more' } },
        h('button', { class: 'btn-link', attrs: { type: 'button' }, text: t('search.morePassages', { n: Math.min(MORE, total - list.length) }), on: { mousedown: (ev) => ev.preventDefault(), click: () => void morePassages() } }),
      )
    : null;
  el.searchPassages.append(h('div', { class: 'search-summary passages-head', text: head }), h('ul', { class: 'passage-list', attrs: { role: 'listbox', 'aria-label': t('search.passagesLabel') } }, ...list.map(passageItem), more));
}

/** The sentences and "More", in order: options of the search box's keyboard navigation. */
export function passageOptions(): HTMLElement[] {
  return Array.from(el.searchPassages.querySelectorAll<HTMLElement>('[role="option"]'));
}

/** Clears the text hits (an empty search). */
export function hidePassages(): void {
  shown.list = [];
  shown.query = '';
  clear(el.searchPassages);
  el.searchPassages.hidden = true;
  delete el.searchPassages.dataset.state;
  delete el.searchPassages.dataset.query;
}

function showFailure(e: unknown): void {
  clear(el.searchPassages);
  el.searchPassages.dataset.state = 'error';
  el.searchPassages.hidden = false;
  el.searchPassages.appendChild(h('div', { class: 'search-summary error', text: `${t('search.passagesFailed')} ${errorParts(e).message}` }));
}

/** Fetches and shows the sentences holding `query`; `close` closes the search popup. A failure is said in the list only. */
export async function showPassages(query: string, signal: AbortSignal, close: () => void): Promise<void> {
  el.searchPassages.dataset.state = 'loading';
  el.searchPassages.dataset.query = query;
  Object.assign(shown, { query, list: [], total: 0, after: null, hasMore: false, signal, close, loading: false });
  try {
    const r = await passages(query, FIRST, signal);
    if (signal.aborted) return;
    const conn = r.data.passages;
    Object.assign(shown, { list: conn.edges.map((e) => e.node), total: conn.totalCount, after: conn.pageInfo.endCursor, hasMore: conn.pageInfo.hasNextPage });
    render();
  } catch (e) {
    if (isAbort(e) || signal.aborted) return;
    showFailure(e);
  }
}

/** Fetches the next page of sentences (after the last one shown); returns the index of its first sentence, or null. */
export async function morePassages(): Promise<number | null> {
  const { query, signal, after } = shown;
  if (!shown.hasMore || shown.loading || !signal || signal.aborted) return null;
  shown.loading = true;
  el.searchPassages.dataset.state = 'loading';
  try {
    const r = await passages(query, MORE, signal, after);
    if (signal.aborted || shown.query !== query) return null;
    const conn = r.data.passages;
    const first = shown.list.length;
    Object.assign(shown, { list: [...shown.list, ...conn.edges.map((e) => e.node)], total: conn.totalCount, after: conn.pageInfo.endCursor, hasMore: conn.pageInfo.hasNextPage });
    render();
    return first;
  } catch (e) {
    if (!isAbort(e) && !signal.aborted) showFailure(e);
    return null;
  } finally {
    shown.loading = false;
  }
}
