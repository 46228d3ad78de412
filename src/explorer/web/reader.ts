/**
 * The article reader: the article's stored text with every evidence sentence of the facts on the canvas
 * marked, scrolled to the one it was opened at. Opened from any evidence line in the panel.
 */
import { isAbort } from './api';
import { clear, h } from './dom';
import { el } from './elements';
import { errorParts } from './errors';
import { markSentences } from './highlight';
import * as Q from './queries';
import { view } from './state';
import { t, tn } from './i18n';

let abort: AbortController | undefined;
const root = (): HTMLElement => el.reader;

/** Evidence of the facts on the canvas that this article reports (its events, entities, relations). */
function canvasEvidence(a: Q.ArticleText): string[] {
  const out: string[] = [];
  const fromHere = (s: { evidence: string | null; article: { id: string } | null }) => s.article?.id === a.id && s.evidence;
  for (const ev of a.events) if (view.hasNode(ev.id) && ev.evidence) out.push(ev.evidence);
  for (const en of a.entities) {
    if (!view.hasNode(en.id)) continue;
    for (const s of en.sources) if (fromHere(s)) out.push(s.evidence!);
    for (const r of en.relations) if (view.hasNode(r.other.id)) for (const s of r.sources) if (fromHere(s)) out.push(s.evidence!);
  }
  return out;
}

function header(a: Q.ArticleText): HTMLElement {
  const url = a.url && /^https?:\/\//i.test(a.url) ? a.url : null;
  const title = url
    ? h('a', { attrs: { href: url, target: '_blank', rel: 'noopener noreferrer', id: 'reader-title' }, text: a.title })
    : h('span', { attrs: { id: 'reader-title' }, text: a.title });
  return h(
    'div',
    { class: 'reader-head' },
    h('h2', { class: 'reader-title' }, title),
    h('div', { class: 'meta', text: [a.publisher, a.publishedOn, a.id].filter(Boolean).join(' · ') }),
  );
}

function body(a: Q.ArticleText, focus: string | null): HTMLElement {
  const marked = canvasEvidence(a);
  if (!a.text) {
    return h('div', { class: 'reader-body' }, h('p', { class: 'muted', text: t('reader.noText') }), ...[...new Set([...(focus ? [focus] : []), ...marked])].map((s) => h('blockquote', { class: 'evidence', text: s })));
  }
  const { spans, missing } = markSentences(a.text, marked, focus);
  const text = h('div', { class: 'reader-text', attrs: { id: 'reader-text' } });
  for (const s of spans) text.appendChild(s.mark ? h('mark', { class: s.focus ? 'focus' : '', dataset: { focus: String(s.focus) }, text: s.text }) : document.createTextNode(s.text));
  const count = spans.filter((s) => s.mark).length;
  return h(
    'div',
    { class: 'reader-body', dataset: { marks: String(count) } },
    h('p', { class: 'muted', text: tn(count, 'reader.marked.one', 'reader.marked.other') }),
    text,
    missing.length ? h('div', { class: 'reader-missing' }, h('h3', { text: t('reader.missing') }), ...missing.map((m) => h('blockquote', { class: 'evidence', text: m }))) : null,
  );
}

export function closeReader(): void {
  abort?.abort();
  const r = root();
  r.hidden = true;
  delete r.dataset.articleId;
  delete r.dataset.state;
}

/** Opens the reader at an article, scrolled to `focus` (an evidence sentence) when given. */
export async function openReader(articleId: string, focus: string | null): Promise<void> {
  abort?.abort();
  const ctrl = new AbortController();
  abort = ctrl;
  const r = root();
  const content = r.querySelector<HTMLElement>('.reader-content')!;
  clear(content);
  content.appendChild(h('p', { class: 'muted', text: t('reader.opening') }));
  r.dataset.articleId = articleId;
  r.dataset.state = 'loading';
  r.hidden = false;
  try {
    const res = await Q.articleText(articleId, ctrl.signal);
    if (ctrl.signal.aborted) return;
    const a = res.data.node;
    clear(content);
    if (!a || a.__typename !== 'Article') {
      content.appendChild(h('p', { class: 'panel-error', text: t('reader.gone', { id: articleId }) }));
    } else {
      content.append(header(a as Q.ArticleText), body(a as Q.ArticleText, focus));
      content.querySelector('mark.focus')?.scrollIntoView({ block: 'center' });
    }
    r.dataset.state = 'ready';
  } catch (e) {
    if (isAbort(e)) return;
    const { message, code } = errorParts(e);
    clear(content);
    content.appendChild(h('div', { class: 'panel-error', attrs: { role: 'alert' } }, h('strong', { text: t('reader.error') }), message, h('span', { class: 'toast-code', text: code })));
    r.dataset.state = 'error';
  }
}

export function installReader(): void {
  const r = root();
  r.querySelector('.reader-close')?.addEventListener('click', closeReader);
  r.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeReader();
  });
}
