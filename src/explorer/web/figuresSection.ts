/** An entity's figures in its panel: metric, value with its qualifier (hover: as stated), period, change, evidence. */
import { h } from './dom';
import { articleLine, formatNumber, section } from './panelParts';
import type { EntityDetails } from './queries';
import { t, type StringKey } from './i18n';

/** How a figure's qualifier reads before its value. */
const QUALIFIERS = ['estimate', 'approx', 'atLeast', 'atMost'];
const qualifierWord = (q: string): string => (QUALIFIERS.includes(q) ? t(`q.${q}` as StringKey) : q);

type Figure = EntityDetails['figures'][number];

function figureRows(f: Figure): HTMLElement[] {
  return [
    h(
      'tr',
      { dataset: { figureId: f.id } },
      h('td', { text: f.metric }),
      h(
        'td',
        { class: 'num', title: f.stated ? t('panel.statedAs', { s: f.stated }) : undefined, dataset: f.qualifier ? { qualifier: f.qualifier } : {} },
        `${f.qualifier ? `${qualifierWord(f.qualifier)} ` : ''}${formatNumber(f.value)}${f.unit ? ` ${f.unit}` : ''}`,
      ),
      h('td', { text: f.period ?? '' }),
      h('td', { class: `num ${f.change === null ? '' : f.change >= 0 ? 'up' : 'down'}`, text: f.change === null ? '' : `${f.change >= 0 ? '+' : ''}${formatNumber(f.change * 100)}%` }),
    ),
    ...(f.sources ?? [])
      .filter((s) => s.evidence || s.article)
      .map((s) => h('tr', { class: 'figure-source' }, h('td', { attrs: { colspan: 4 } }, s.evidence ? h('blockquote', { class: 'evidence', text: s.evidence }) : null, articleLine(s.article, s.evidence)))),
  ];
}

export function figuresSection(figures: Figure[]): HTMLElement {
  return section(
    'figures',
    t('panel.figures'),
    figures.length,
    h(
      'table',
      { class: 'figures' },
      h('thead', null, h('tr', null, h('th', { text: t('panel.metric') }), h('th', { text: t('panel.value') }), h('th', { text: t('panel.period') }), h('th', { text: t('panel.yoy') }))),
      h('tbody', null, ...figures.flatMap(figureRows)),
    ),
  );
}
