/** The panel when no single node's details are shown: the canvas overview, loading, an error, a node with no details. */
import { clear, h } from './dom';
import type { GNode } from './graphTypes';
import type { PanelActions } from './panelActions';
import { panelHead } from './panelHead';
import { section } from './panelParts';
import { swatch, typeName } from './swatch';
import { NODE_TYPES } from './theme';
import { t, tn } from './i18n';

function renderEmpty(panel: HTMLElement): void {
  panel.appendChild(
    h(
      'div',
      { class: 'panel-empty' },
      h('h2', { text: t('panel.nothing') }),
      h('p', { text: t('panel.start') }),
      h(
        'ul',
        { class: 'list' },
        h('li', null, h('kbd', { text: t('panel.tipDbl') }), t('panel.tipDblText')),
        h('li', null, h('kbd', { text: t('panel.tipShift') }), t('panel.tipShiftText')),
        h('li', null, h('kbd', { text: t('panel.tipDelete') }), t('panel.tipDeleteText')),
      ),
    ),
  );
}

function nodeList(nodes: GNode[], actions: PanelActions): HTMLElement {
  const sorted = [...nodes].sort((a, b) => NODE_TYPES.indexOf(a.type as never) - NODE_TYPES.indexOf(b.type as never) || a.label.localeCompare(b.label, 'zh'));
  return section(
    'canvas-nodes',
    t('panel.nodesSection'),
    nodes.length,
    h(
      'ul',
      { class: 'list' },
      ...sorted.map((n) =>
        h(
          'li',
          null,
          h('button', { class: 'entity-link', attrs: { type: 'button' }, dataset: { entityId: n.id }, on: { click: () => actions.select(n.id) } }, swatch(n.type), h('span', { text: n.label })),
          n.date ? h('span', { class: 'date-tag', text: n.date }) : null,
        ),
      ),
    ),
  );
}

export function renderOverview(panel: HTMLElement, nodes: GNode[], actions: PanelActions): void {
  clear(panel);
  panel.dataset.kind = 'overview';
  delete panel.dataset.nodeId;
  if (nodes.length === 0) {
    renderEmpty(panel);
    return;
  }
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
  panel.appendChild(
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { class: 'title', text: t('panel.onCanvas') }),
      h('div', { class: 'meta', text: tn(nodes.length, 'panel.nodes.one', 'panel.nodes.other') }),
    ),
  );
  panel.appendChild(
    h(
      'div',
      { class: 'summary-grid' },
      ...NODE_TYPES.filter((ty) => counts.has(ty)).map((ty) =>
        h('div', { class: 'summary-cell' }, h('div', { class: 'n', text: String(counts.get(ty)) }), h('div', { class: 't' }, swatch(ty), typeName(ty))),
      ),
    ),
  );
  panel.appendChild(nodeList(nodes, actions));
}

export function renderLoading(panel: HTMLElement, node: GNode, actions: PanelActions): void {
  clear(panel);
  panel.dataset.kind = 'node';
  panel.dataset.nodeId = node.id;
  panel.dataset.state = 'loading';
  panel.appendChild(panelHead({ ...node, name: node.label }, actions, true));
  panel.appendChild(h('div', { class: 'panel-loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), t('panel.loading')));
}

export function renderPanelError(panel: HTMLElement, node: GNode | null, message: string, code: string, actions: PanelActions): void {
  clear(panel);
  panel.dataset.state = 'error';
  if (node) panel.appendChild(panelHead({ ...node, name: node.label }, actions, true));
  panel.appendChild(h('div', { class: 'panel-error', attrs: { role: 'alert' } }, h('strong', { text: t('panel.error') }), message, h('span', { class: 'toast-code', text: code })));
}

export function renderOther(panel: HTMLElement, node: GNode, typename: string, actions: PanelActions): void {
  clear(panel);
  panel.dataset.state = 'ready';
  panel.appendChild(panelHead({ ...node, name: node.label }, actions, true));
  panel.appendChild(h('p', { class: 'muted', text: t('panel.noFurther', { what: typename }) }));
}
