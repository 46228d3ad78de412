/** The menu a right-click on a node opens: avoid it in paths (or allow it again), make it an end of the path, expand it. */
import type { EventObject, NodeSingular } from 'cytoscape';
import { expand } from './canvas';
import { h } from './dom';
import { el } from './elements';
import { choosePathEnd, cy, getPath, toggleAvoid } from './state';
import { t } from './i18n';

let menu: HTMLElement | null = null;

function close(): void {
  menu?.remove();
  menu = null;
}

function item(text: string, action: string, run: () => void): HTMLButtonElement {
  return h('button', {
    text,
    attrs: { type: 'button', role: 'menuitem', 'data-action': action },
    on: {
      click: () => {
        close();
        run();
      },
    },
  });
}

function open(n: NodeSingular): void {
  close();
  const id = n.id();
  const avoided = getPath().avoid.includes(id);
  const isEnd = getPath().from === id || getPath().to === id;
  menu = h(
    'div',
    { class: 'node-menu', attrs: { role: 'menu', 'aria-label': t('menu.aria', { name: n.data('label') as string }) }, dataset: { nodeId: id } },
    h('div', { class: 'menu-title', text: n.data('label') as string }),
    isEnd ? null : item(avoided ? t('panel.allow') : t('panel.avoid'), 'avoid', () => toggleAvoid(id)),
    item(t('menu.pathFrom'), 'path-from', () => choosePathEnd('from', id)),
    item(t('menu.pathTo'), 'path-to', () => choosePathEnd('to', id)),
    item(t('btn.expand'), 'expand', () => void expand(id)),
  );
  const p = n.renderedPosition();
  menu.style.left = `${Math.round(p.x + 8)}px`;
  menu.style.top = `${Math.round(p.y + 8)}px`;
  el.cy.parentElement?.appendChild(menu);
  menu.querySelector<HTMLButtonElement>('button')?.focus();
}

export function installNodeMenu(): void {
  cy.on('cxttap', 'node', (e: EventObject) => {
    const n = e.target as NodeSingular;
    if (n.hasClass('cluster')) return;
    open(n);
  });
  cy.on('tap viewport remove', close);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  document.addEventListener('pointerdown', (e) => {
    if (menu && !menu.contains(e.target as Node)) close();
  });
}
