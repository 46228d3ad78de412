/**
 * The pieces the details panel is built from: links to entities, titled sections, evidence with its article,
 * attributes. Every value that comes from the API is inserted as text (see dom.ts).
 */
import { h, type Child } from './dom';
import type { GNode } from './graphTypes';
import type { PanelActions } from './panelActions';
import type { ArticleRef, Ref, SourceData } from './queries';
import { swatch } from './swatch';
import { t } from './i18n';

export function entityLink(ref: Ref | GNode, actions: PanelActions, role?: string): HTMLButtonElement {
  const name = 'name' in ref ? ref.name : ref.label;
  return h(
    'button',
    {
      class: 'entity-link',
      attrs: { type: 'button', title: t('panel.showOnCanvas', { name }) },
      dataset: { entityId: ref.id, ...(role ? { role } : {}) },
      on: { click: () => actions.open(ref) },
    },
    swatch(ref.type),
    h('span', { class: 'entity-name', text: name }),
  );
}

export function section(name: string, title: string, count: number | null, ...body: Child[]): HTMLElement {
  return h(
    'section',
    { dataset: { section: name } },
    h('h3', null, h('span', { text: title }), count !== null ? h('span', { class: 'count', text: String(count) }) : null),
    ...body,
  );
}

export function dateText(date: string | null, endDate?: string | null): string {
  if (!date) return t('panel.undated');
  return endDate && endDate !== date ? `${date} – ${endDate}` : date;
}

/** Opens the article reader (set by details.ts; the panel only renders the buttons). */
export const reading: { open: ((articleId: string, evidence: string | null) => void) | null } = { open: null };

export function articleLine(a: ArticleRef | null, evidence: string | null = null): HTMLElement {
  if (!a) return h('div', { class: 'source-article', text: t('panel.sourceUnknown') });
  const open = reading.open;
  const title = h('span', { class: 'article-title', text: a.title });
  const url = a.url && /^https?:\/\//i.test(a.url) ? a.url : null;
  return h(
    'div',
    { class: 'source-article', dataset: { articleId: a.id } },
    '— ',
    url ? h('a', { attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }, title) : title,
    a.publishedOn ? ` (${a.publishedOn})` : null,
    open
      ? h('button', { class: 'btn btn-link btn-read', text: t('panel.read'), attrs: { type: 'button', title: t('panel.readTitle'), 'data-action': 'read' }, on: { click: () => open(a.id, evidence) } })
      : null,
    h('div', { class: 'id', text: a.id }),
  );
}

/** One evidence sentence (if any) and the article it comes from. */
export function sourceBlock(s: SourceData): HTMLElement {
  return h('div', { class: 'source' }, s.evidence ? h('blockquote', { class: 'evidence', text: s.evidence }) : null, articleLine(s.article, s.evidence));
}

export function sourcesSection(sources: SourceData[], title = t('panel.evidence')): HTMLElement | null {
  const list = sources.filter((s) => s.evidence || s.article);
  if (list.length === 0) return section('sources', title, 0, h('p', { class: 'muted', text: t('panel.noEvidence') }));
  return section('sources', title, list.length, ...list.map(sourceBlock));
}

export function attributesSection(attrs: Record<string, unknown>): HTMLElement | null {
  const entries = Object.entries(attrs ?? {});
  if (entries.length === 0) return null;
  return section(
    'attributes',
    t('panel.attributes'),
    null,
    h('dl', { class: 'kv' }, ...entries.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: typeof v === 'string' ? v : JSON.stringify(v) })])),
  );
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
