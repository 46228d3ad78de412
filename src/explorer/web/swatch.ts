/** The coloured mark of a node type (as on the canvas), and a type badge with the kind. */
import { h } from './dom';
import { lookOf, NODE_TYPES } from './theme';
import { t, word, type StringKey } from './i18n';

/** A node type's name in the interface language (an unknown type as it is). */
export function typeName(type: string): string {
  return (NODE_TYPES as readonly string[]).includes(type) ? t(`type.${type}` as StringKey) : type;
}

export function swatch(type: string): HTMLElement {
  const look = lookOf(type);
  const s = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' }, dataset: { shape: look.shape } });
  s.style.background = look.color;
  return s;
}

export function typeBadge(type: string, kind: string | null | undefined): HTMLElement {
  return h(
    'span',
    { class: 'type-badge', dataset: { type } },
    swatch(type),
    h('span', { class: 'type-name', text: typeName(type) }),
    kind && kind !== type ? h('span', { class: 'kind', text: `· ${word(kind)}` }) : null,
  );
}
