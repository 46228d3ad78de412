/** The head of a node's panel: type, name, id, date, and the actions on the node when it is on the canvas. */
import { h } from './dom';
import type { PanelActions } from './panelActions';
import { dateText } from './panelParts';
import { typeBadge } from './swatch';

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
    { class: 'panel-actions', attrs: { role: 'group', 'aria-label': 'Actions on this node' } },
    btn('Expand', 'expand', () => actions.expand(id), 'btn btn-sm btn-primary'),
    btn('By relation', 'expand-grouped', () => actions.expandGrouped(id), undefined, 'Expand into groups by type and relation or role; draw a group when you need it'),
    actions.isExpanded(id) ? btn('Collapse', 'collapse', () => actions.collapse(id)) : null,
    btn(pinned ? 'Unpin' : 'Pin', 'pin', () => actions.togglePin(id), undefined, 'Keep this node where it is when the layout runs', pinned),
    btn('Path from', 'path-from', () => actions.pathFrom(id)),
    btn('Path to', 'path-to', () => actions.pathTo(id)),
    btn(actions.isAvoided(id) ? 'Allow in paths' : 'Avoid in paths', 'avoid', () => actions.toggleAvoid(id), undefined, 'Paths found will not pass through this node', actions.isAvoided(id)),
    btn('Remove', 'remove', () => actions.remove(id), 'btn btn-sm btn-danger-ghost'),
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
