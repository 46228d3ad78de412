/**
 * The article's text with every recognised span marked by type (names of entities, figures' numbers), a
 * legend with counts, and the problems box; clicking a mark shows its row in the lists, clicking a problem
 * shows the item it is about.
 */
import { problemTarget, type DraftDoc, type Problem } from './addArticleDraft';
import type { ExtractNotice } from './addArticleQueries';
import { draftSpans, segments } from './addArticleSpans';
import { h } from './dom';
import { t, tn, type StringKey } from './i18n';
import { EN } from './strings.en';
import { lookOf } from './theme';

const FIGURE_LOOK = { color: '#0ea5e9', border: '#0369a1' };
const TYPE_KEYS = new Set(['Person', 'Organization', 'Village', 'Place', 'Project']);

/** A mark's colours and its type's name in the interface language. */
function lookFor(type: string): { color: string; border: string; label: string } {
  if (type === 'Figure') return { ...FIGURE_LOOK, label: t('aa.figure') };
  const look = lookOf(type);
  return { color: look.color, border: look.border, label: TYPE_KEYS.has(type) ? t(`type.${type}` as StringKey) : t('type.Other') };
}

/** Scrolls the lists to the row of `ref` (an entity key or `figure:<i>`) and flashes it. */
export function showRow(container: HTMLElement, ref: string): void {
  const row = container.querySelector<HTMLElement>(`.aa-row[data-key="${CSS.escape(ref)}"], .aa-row[data-ref="${CSS.escape(ref)}"]`);
  if (!row) return;
  row.scrollIntoView({ block: 'center' });
  row.classList.remove('aa-flash');
  void row.offsetWidth;
  row.classList.add('aa-flash');
}

function showItem(container: HTMLElement, path: string): void {
  const t = problemTarget(path);
  if (!t) return;
  const row = container.querySelector<HTMLElement>(`.aa-row[data-list="${t.list}"][data-index="${t.index}"]`);
  row?.scrollIntoView({ block: 'center' });
  row?.classList.add('aa-flash');
}

export function markedText(text: string, doc: DraftDoc, container: HTMLElement): HTMLElement {
  const spans = draftSpans(text, doc);
  const counts = new Map<string, number>();
  for (const s of spans) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
  const body = h('div', { class: 'aa-text reader-text', attrs: { id: 'aa-marked-text' }, dataset: { marks: String(spans.length) } });
  for (const seg of segments(text, spans)) {
    if (!seg.span) {
      body.appendChild(document.createTextNode(seg.text));
      continue;
    }
    const look = lookFor(seg.span.type);
    const s = seg.span;
    body.appendChild(h('mark', {
      class: `aa-mark${s.unsure ? ' aa-mark-unsure' : ''}`,
      attrs: { style: `--mark:${look.color};--mark-border:${look.border}`, title: s.unsure ? t('aa.markUnsure', { label: look.label }) : look.label, tabindex: '0' },
      dataset: { ref: s.ref, type: s.type },
      text: seg.text,
      on: { click: () => showRow(container, s.ref), keydown: (e) => e.key === 'Enter' && showRow(container, s.ref) },
    }));
  }
  const legend = h('div', { class: 'aa-legend' }, ...[...counts].map(([type, n]) => {
    const look = lookFor(type);
    return h('span', { class: 'aa-legend-item', dataset: { type } }, h('span', { class: 'aa-swatch', attrs: { style: `background:${look.color};border-color:${look.border}` } }), `${look.label} ${n}`);
  }), h('span', { class: 'aa-legend-item' }, h('span', { class: 'aa-swatch aa-swatch-unsure' }), t('aa.unsureWord')));
  return h('section', { class: 'aa-text-pane card', attrs: { 'aria-label': t('aa.textAria') } }, h('h3', { text: t('aa.recognised') }), legend, body);
}

const typeName = (type: string): string => (TYPE_KEYS.has(type) ? t(`type.${type}` as StringKey) : type);

/** A problem in the interface language: the page's own by code; the server's as it says it. */
export function problemText(p: Problem): string {
  if (!p.code) return p.message;
  const params = { ...p.params };
  if (params.type) params.type = typeName(params.type);
  if (params.allowed) params.allowed = params.allowed.split(', ').map(typeName).join(t('aa.listJoin'));
  return t(`aa.problem.${p.code}` as StringKey, params);
}

/** What the extractor noticed, in the interface language when the page knows the code, else in English. */
export function noticeText(n: ExtractNotice): string {
  const key = `aa.notice.${n.code}`;
  return key in EN ? t(key as StringKey, n.params ?? {}) : n.message;
}

/** The problems and what the extractor noticed; empty when there are none. */
export function problemsBox(problems: Problem[], notices: ExtractNotice[], container: HTMLElement): HTMLElement | null {
  if (problems.length === 0 && notices.length === 0) return null;
  return h(
    'section',
    { class: 'aa-problems', attrs: { role: problems.length ? 'alert' : 'status' }, dataset: { problems: String(problems.length) } },
    problems.length ? h('h3', { text: tn(problems.length, 'aa.problemsOne', 'aa.problemsMany') }) : null,
    problems.length
      ? h('ul', null, ...problems.map((p) => h('li', { dataset: { path: p.path } },
        h('button', { class: 'btn-link aa-path', attrs: { type: 'button', title: t('aa.showItem') }, text: p.path, on: { click: () => showItem(container, p.path) } }), ` ${problemText(p)}`)))
      : null,
    notices.length
      ? h('div', { class: 'aa-warnings' }, h('h3', { text: t('aa.noticed') }), h('ul', null, ...notices.map((n) => h('li', { dataset: { code: n.code }, text: noticeText(n) }))))
      : null,
  );
}
