/** Short messages over the canvas (at most four; errors stay until dismissed). */
import { h } from './dom';
import { el } from './elements';
import { t as tr } from './i18n';

export type ToastKind = 'info' | 'warn' | 'error';

export function toast(kind: ToastKind, title: string, message = '', code?: string, extra?: Node): HTMLElement {
  const t = h(
    'div',
    { class: `toast ${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' }, dataset: { kind, ...(code ? { code } : {}) } },
    h('div', null, h('span', { class: 'toast-title', text: title }), code ? h('span', { class: 'toast-code', text: code }) : null, message ? h('div', { class: 'toast-msg', text: message }) : null, extra ?? null),
    h('button', { attrs: { type: 'button', 'aria-label': tr('toast.dismiss') }, text: '×', on: { click: () => t.remove() } }),
  );
  el.toasts.appendChild(t);
  while (el.toasts.children.length > 4) el.toasts.firstElementChild?.remove();
  if (kind !== 'error') setTimeout(() => t.remove(), kind === 'warn' ? 9000 : 5000);
  return t;
}
