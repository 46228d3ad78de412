/** The head of a node's panel: type, name, id, date, and the actions on the node when it is on the canvas. */
import { h } from './dom';
import type { PanelActions } from './panelActions';
import { dateText } from './panelParts';
import { typeBadge } from './swatch';
import { t } from './i18n';

export interface HeadNode {
  id: string;
  type: string;
  kind: string | null;
  name: string;
  date?: string | null;
  endDate?: string | null;
}

function actionButtons(id: string, actions: PanelActions): HTMLElement {
  const btn = (text: string, action: string, onClick: () => void, cls = 'btn btn-sm', title?: string, pressed?: boolean) =>
    h('button', { class: cls, text, attrs: { type: 'button', 'data-action': action, title, 'aria-pressed': pressed === undefined ? undefined : String(pressed) }, on: { click: onClick } });
  const pinned = actions.isPinned(id);
  return h(
    'div',
    { class: 'panel-actions', attrs: { role: 'group', 'aria-label': t('panel.actionsAria') } },
    btn(t('btn.expand'), 'expand', () => actions.expand(id), 'btn btn-sm btn-primary'),
    btn(t('panel.byRelation'), 'expand-grouped', () => actions.expandGrouped(id), undefined, t('panel.byRelationTitle')),
    actions.isExpanded(id) ? btn(t('btn.collapse'), 'collapse', () => actions.collapse(id)) : null,
    btn(pinned ? t('panel.unpin') : t('panel.pin'), 'pin', () => actions.togglePin(id), undefined, t('panel.pinTitle'), pinned),
    btn(t('panel.pathFrom'), 'path-from', () => actions.pathFrom(id)),
    btn(t('panel.pathTo'), 'path-to', () => actions.pathTo(id)),
    btn(actions.isAvoided(id) ? t('panel.allow') : t('panel.avoid'), 'avoid', () => actions.toggleAvoid(id), undefined, t('panel.avoidTitle'), actions.isAvoided(id)),
    btn(t('btn.remove'), 'remove', () => actions.remove(id), 'btn btn-sm btn-danger-ghost'),
  );
}

export function panelHead(node: HeadNode, actions: PanelActions | null, onCanvas: boolean): HTMLElement {
  const el = h(
    'div',
    { class: 'panel-head' },
    typeBadge(node.type, node.kind),
    h('h2', { class: 'title', text: node.name, attrs: { id: 'panel-title' } }),
    h('div', { class: 'id', text: node.id }),
    node.type === 'Event' ? h('div', { class: 'meta' }, h('span', { class: 'date-tag', text: dateText(node.date ?? null, node.endDate) })) : null,
  );
  if (actions && onCanvas) el.appendChild(actionButtons(node.id, actions));
  return el;
}
