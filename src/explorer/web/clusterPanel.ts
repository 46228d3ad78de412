/** The details panel for a cluster node: what it groups, its members (searchable), draw some or all. */
import { CLUSTER_DRAW_MAX, filterMembers, type Cluster } from './clusters';
import { clear, h } from './dom';
import type { GNode } from './graphTypes';
import { swatch } from './swatch';
import { t } from './i18n';

export interface ClusterActions {
  /** draw these members (all: undefined) */
  draw(ids?: string[]): void;
  remove(): void;
  anchorName: string;
}

/** Members listed at once; the filter narrows them. */
const LIST_MAX = 200;

export function renderCluster(panel: HTMLElement, c: Cluster, actions: ClusterActions): void {
  clear(panel);
  panel.dataset.kind = 'cluster';
  panel.dataset.nodeId = c.id;
  panel.dataset.state = 'ready';
  const list = h('ul', { class: 'list cluster-members' });
  const note = h('p', { class: 'muted' });
  const show = (members: GNode[]) => {
    clear(list);
    for (const m of members.slice(0, LIST_MAX)) {
      list.appendChild(
        h('li', null, h('button', { class: 'entity-link', attrs: { type: 'button', title: m.label }, dataset: { entityId: m.id }, on: { click: () => actions.draw([m.id]) } }, swatch(m.type), h('span', { class: 'entity-name', text: m.label }), m.date ? h('span', { class: 'muted', text: ` ${m.date}` }) : null)),
      );
    }
    note.textContent = members.length > LIST_MAX ? t('group.listedSome', { max: LIST_MAX, n: members.length }) : t('group.listed', { n: members.length });
  };
  const filter = h('input', {
    class: 'cluster-filter',
    attrs: { type: 'search', placeholder: t('group.find'), 'aria-label': t('group.findAria'), id: 'cluster-filter' },
    on: { input: () => show(filterMembers(c.members, filter.value)) },
  });
  panel.appendChild(
    h(
      'div',
      { class: 'panel-head' },
      h('span', { class: 'type-badge', dataset: { type: c.type } }, swatch(c.type), h('span', { class: 'type-name', text: t('group.of', { what: c.what }) })),
      h('h2', { class: 'title', attrs: { id: 'panel-title' }, text: `${c.what} · ${c.word}` }),
      h('div', { class: 'meta', text: t('group.neighbours', { n: c.members.length, name: actions.anchorName }) }),
      h(
        'div',
        { class: 'panel-actions' },
        h('button', {
          class: 'btn btn-sm btn-primary',
          text: c.members.length > CLUSTER_DRAW_MAX ? t('group.draw', { n: CLUSTER_DRAW_MAX }) : t('group.drawAll'),
          attrs: { type: 'button', 'data-action': 'draw-all' },
          on: { click: () => actions.draw() },
        }),
        h('button', { class: 'btn btn-sm btn-danger-ghost', text: t('btn.remove'), attrs: { type: 'button', 'data-action': 'remove' }, on: { click: () => actions.remove() } }),
      ),
    ),
  );
  panel.appendChild(h('section', { dataset: { section: 'members' } }, h('h3', null, h('span', { text: t('group.members') }), h('span', { class: 'count', text: String(c.members.length) })), filter, note, list));
  show(c.members);
}
