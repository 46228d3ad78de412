/** An entity's figures in its panel: metric, value with its qualifier (hover: as stated), period, change, evidence. */
import { h } from './dom';
import { articleLine, formatNumber, section } from './panelParts';
import type { EntityDetails } from './queries';

/** How a figure's qualifier reads before its value. */
const QUALIFIER_WORDS: Record<string, string> = { estimate: 'est.', approx: '≈', atLeast: '≥', atMost: '≤' };

type Figure = EntityDetails['figures'][number];

function figureRows(f: Figure): HTMLElement[] {
  return [
    h(
      'tr',
      { dataset: { figureId: f.id } },
      h('td', { text: f.metric }),
      h(
        'td',
        { class: 'num', title: f.stated ? `stated as “${f.stated}”` : undefined, dataset: f.qualifier ? { qualifier: f.qualifier } : {} },
        `${f.qualifier ? `${QUALIFIER_WORDS[f.qualifier] ?? f.qualifier} ` : ''}${formatNumber(f.value)}${f.unit ? ` ${f.unit}` : ''}`,
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
    'Figures',
    figures.length,
    h(
      'table',
      { class: 'figures' },
      h('thead', null, h('tr', null, h('th', { text: 'Metric' }), h('th', { text: 'Value' }), h('th', { text: 'Period' }), h('th', { text: 'YoY' }))),
      h('tbody', null, ...figures.flatMap(figureRows)),
    ),
  );
}
