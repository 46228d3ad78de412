/** An edge's panel: what links the two ends, then (once fetched) its period, attributes and evidence. */
import { clear, h } from './dom';
import { edgeWord } from './edgeWord';
import type { GEdge, GNode } from './graphTypes';
import type { PanelActions } from './panelActions';
import { attributesSection, entityLink, section, sourcesSection } from './panelParts';
import type { SourceData } from './queries';
import { t } from './i18n';

export interface EdgeEnds {
  source: GNode | null;
  target: GNode | null;
}

/** Draws the edge's head and returns the element its evidence goes into (fillEdgeEvidence). */
export function renderEdge(panel: HTMLElement, drawnId: string, parts: GEdge[], ends: EdgeEnds, actions: PanelActions): HTMLElement {
  clear(panel);
  panel.dataset.kind = 'edge';
  panel.dataset.edgeId = drawnId;
  panel.dataset.state = 'loading';
  delete panel.dataset.nodeId;
  const first = parts[0];
  const kind = t(first.type === 'PARTICIPATED_IN' ? 'panel.participation' : first.type === 'OCCURRED_AT' ? 'panel.location' : 'panel.relation');
  const endLink = (n: GNode | null, id: string) => (n ? entityLink(n, actions) : h('span', { class: 'id', text: id }));
  panel.appendChild(
    h(
      'div',
      { class: 'panel-head' },
      h('span', { class: 'type-badge' }, h('span', { text: kind }), h('span', { class: 'kind', text: `· ${first.type}` })),
      h('h2', { class: 'title', text: [...new Set(parts.map(edgeWord))].join(' · ') }),
      h('div', { class: 'ev-line' }, endLink(ends.source, first.source), h('span', { class: 'muted', text: '→' }), endLink(ends.target, first.target)),
    ),
  );
  const body = h('div', { class: 'edge-evidence' }, h('div', { class: 'panel-loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), t('panel.loadingEvidence')));
  panel.appendChild(body);
  return body;
}

export function fillEdgeEvidence(panel: HTMLElement, body: HTMLElement, sources: SourceData[], extra: { since?: string | null; until?: string | null; attributes?: Record<string, unknown> } = {}): void {
  clear(body);
  panel.dataset.state = 'ready';
  if (extra.since || extra.until) body.appendChild(section('period', t('panel.period'), null, h('div', { text: `${extra.since ?? '…'} – ${extra.until ?? '…'}` })));
  const attrs = extra.attributes ? attributesSection(extra.attributes) : null;
  if (attrs) body.appendChild(attrs);
  const src = sourcesSection(sources);
  if (src) body.appendChild(src);
}
