/**
 * Text hits in the search box: under the names found, the sentences of the articles that hold the search text
 * (`passages`), the matched part marked, with their article and date. A sentence opens the reader at it; the
 * entities and events it states are buttons that put them on the canvas. The name hits never wait for these.
 */
import { isAbort } from './api';
import { putOnCanvas } from './canvas';
import { clear, h } from './dom';
import { el } from './elements';
import { errorParts } from './errors';
import { passages, type PassageHit } from './passageQueries';
import * as Q from './queries';
import { openReader } from './reader';
import { swatch, typeName } from './swatch';
import { t } from './i18n';

const SHOWN = 5;
/** entities and events offered per sentence */
const NAMED_SHOWN = 6;

/** The sentence with its matched parts in <mark> (as text nodes: the sentence is data). */
function markedSentence(p: PassageHit): HTMLElement {
  const out = h('span', { class: 'passage-text' });
  let at = 0;
  for (const r of [...p.ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < at || r.end > p.text.length || r.end <= r.start) continue;
    if (r.start > at) out.appendChild(document.createTextNode(p.text.slice(at, r.start)));
    out.appendChild(h('mark', { text: p.text.slice(r.start, r.end) }));
    at = r.end;
  }
  if (at < p.text.length) out.appendChild(document.createTextNode(p.text.slice(at)));
  return out;
}

function passageItem(p: PassageHit, close: () => void): HTMLElement {
  const named = [...p.events, ...p.entities].slice(0, NAMED_SHOWN);
  return h(
    'li',
    { class: 'passage', dataset: { articleId: p.article.id } },
    h(
      'button',
      {
        class: 'passage-read',
        attrs: { type: 'button', title: t('search.readAt') },
        on: {
          click: () => {
            close();
            void openReader(p.article.id, p.text);
          },
        },
      },
      markedSentence(p),
      h('span', { class: 'passage-meta', text: [p.article.title, p.date ?? p.article.publishedOn].filter(Boolean).join(' · ') }),
    ),
    named.length
      ? h(
          'div',
          { class: 'passage-named' },
          ...named.map((n) => {
            const node = Q.hitToNode(n);
            return h(
              'button',
              {
                class: 'passage-node',
                attrs: { type: 'button', title: t('search.drawNamed', { name: n.name, type: typeName(node.type) }) },
                dataset: { id: n.id },
                on: {
                  click: () => {
                    close();
                    void putOnCanvas(node);
                  },
                },
              },
              swatch(node.type),
              h('span', { class: 'entity-name', text: n.name }),
            );
          }),
        )
      : null,
  );
}

function render(query: string, list: PassageHit[], total: number, close: () => void): void {
  clear(el.searchPassages);
  el.searchPassages.dataset.state = 'ready';
  el.searchPassages.dataset.query = query;
  el.searchPassages.dataset.count = String(list.length);
  el.searchPassages.hidden = list.length === 0;
  if (list.length === 0) return;
  const head = total > list.length ? t('search.passagesTop', { n: list.length, total }) : t('search.passages', { n: total });
  el.searchPassages.append(h('div', { class: 'search-summary passages-head', text: head }), h('ul', { class: 'passage-list' }, ...list.map((p) => passageItem(p, close))));
}

/** Clears the text hits (an empty search). */
export function hidePassages(): void {
  clear(el.searchPassages);
  el.searchPassages.hidden = true;
  delete el.searchPassages.dataset.state;
  delete el.searchPassages.dataset.query;
}

/** Fetches and shows the sentences holding `query`; `close` closes the search popup. A failure is said in the list only. */
export async function showPassages(query: string, signal: AbortSignal, close: () => void): Promise<void> {
  el.searchPassages.dataset.state = 'loading';
  el.searchPassages.dataset.query = query;
  try {
    const r = await passages(query, SHOWN, signal);
    if (signal.aborted) return;
    const conn = r.data.passages;
    render(
      query,
      conn.edges.map((e) => e.node),
      conn.totalCount,
      close,
    );
  } catch (e) {
    if (isAbort(e) || signal.aborted) return;
    clear(el.searchPassages);
    el.searchPassages.dataset.state = 'error';
    el.searchPassages.hidden = false;
    el.searchPassages.appendChild(h('div', { class: 'search-summary error', text: `${t('search.passagesFailed')} ${errorParts(e).message}` }));
  }
}
