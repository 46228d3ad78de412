/**
 * The list of paths found: each a column of clickable nodes with, between them, the step's words; a step
 * opens to the sentences that state it (with Read, to the article). Clicking a path's head shows that path
 * alone on the canvas.
 */
import { selectOnly } from './canvas';
import { h } from './dom';
import { edgeWord } from './edgeWord';
import { articleLine } from './panelParts';
import type { FoundPath, PathStep } from './queries';
import { view } from './state';
import { swatch } from './swatch';
import { t, tn } from './i18n';

function stepEvidence(step: PathStep | undefined): HTMLElement {
  const sources = (step?.sources ?? []).filter((s) => s.evidence || s.article);
  if (sources.length === 0) return h('p', { class: 'muted', text: t('panel.noEvidence') });
  return h('div', { class: 'step-sources' }, ...sources.map((s) => h('div', { class: 'source' }, s.evidence ? h('blockquote', { class: 'evidence', text: s.evidence }) : null, articleLine(s.article, s.evidence))));
}

function steps(p: FoundPath): HTMLElement {
  const col = h('div', { class: 'path-steps' });
  p.nodes.forEach((n, i) => {
    const e = p.edges[i - 1];
    if (i > 0 && e) {
      const step = p.steps?.[i - 1];
      col.appendChild(h('details', { class: 'path-step', dataset: { edgeId: e.id } }, h('summary', { class: 'via', text: edgeWord(e), title: t('paths.stepEvidence') }), stepEvidence(step)));
    }
    col.appendChild(h('button', { class: 'entity-link', attrs: { type: 'button', title: n.label }, dataset: { entityId: n.id }, on: { click: () => selectOnly(n.id) } }, swatch(n.type), h('span', { text: n.label })));
  });
  return col;
}

/** Highlights one path (or all of them) on the canvas, and marks it in every list shown. */
function showOnly(found: FoundPath[], index: number | null): void {
  view.showPaths(index === null ? found : [found[index]]);
  document.querySelectorAll<HTMLElement>('ol.path-list > li').forEach((li) => li.classList.toggle('current', index !== null && li.dataset.index === String(index)));
}

export function pathList(found: FoundPath[]): HTMLElement {
  return h(
    'ol',
    { class: 'path-list' },
    ...found.map((p, i) =>
      h(
        'li',
        { dataset: { length: String(p.length), index: String(i) } },
        h('button', {
          class: 'btn btn-link path-head',
          text: tn(p.length, 'paths.steps.one', 'paths.steps.other'),
          attrs: { type: 'button', title: t('paths.showOnly'), 'data-action': 'show-path' },
          on: { click: () => showOnly(found, i) },
        }),
        steps(p),
      ),
    ),
  );
}

/** A line above the list: how many, of which lengths; and a button back to all of them when one is shown alone. */
export function pathSummary(found: FoundPath[]): string {
  const lengths = found.map((p) => p.length);
  const min = Math.min(...lengths);
  const max = Math.max(...lengths);
  if (min === max) return tn(found.length, 'paths.shortest.one', 'paths.shortest.other', { len: tn(min, 'paths.steps.one', 'paths.steps.other') });
  return t('paths.several', { n: found.length, min, max });
}

export function showAllButton(found: FoundPath[]): HTMLElement {
  return h('button', { class: 'btn btn-link', text: t('paths.showAll'), attrs: { type: 'button', 'data-action': 'show-all-paths' }, on: { click: () => showOnly(found, null) } });
}
