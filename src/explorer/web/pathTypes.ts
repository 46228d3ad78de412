/**
 * The relation and event types the paths may use, in the path card: one chip per type, all ticked at first; an
 * unticked one is left out of every path (`excludeRelationTypes`, `excludeEventTypes`) and listed with the
 * avoided nodes. Kept by Clear, like the length choice; saved in the link.
 */
import { h } from './dom';
import { el } from './elements';
import { getPath, onChange, setPathSteering, VOCAB } from './state';
import { t, word, type StringKey } from './i18n';

export type PathTypeKind = 'relation' | 'event';

/** A type's word in the interface language. */
export function pathTypeWord(kind: PathTypeKind, type: string): string {
  return kind === 'relation' ? t(`rel.${type}` as StringKey) : word(type);
}

const fieldset = (kind: PathTypeKind) => (kind === 'relation' ? el.pathRelationTypes : el.pathEventTypes);
const vocab = (kind: PathTypeKind) => (kind === 'relation' ? VOCAB.relationTypes : VOCAB.eventTypes);
const avoided = (kind: PathTypeKind) => (kind === 'relation' ? getPath().avoidRelationTypes : getPath().avoidEventTypes);

/** Leaves a type out of the paths, or lets them use it again. */
export function toggleAvoidType(kind: PathTypeKind, type: string): void {
  const now = avoided(kind);
  const next = now.includes(type) ? now.filter((x) => x !== type) : [...now, type];
  setPathSteering(kind === 'relation' ? { avoidRelationTypes: next } : { avoidEventTypes: next });
}

function buildChips(kind: PathTypeKind): void {
  for (const v of vocab(kind)) {
    const id = `path-${kind}-${v}`;
    fieldset(kind).appendChild(
      h(
        'label',
        { class: 'chip', attrs: { for: id } },
        h('input', { attrs: { type: 'checkbox', id, value: v, checked: true }, dataset: { pathType: kind }, on: { change: () => toggleAvoidType(kind, v) } }),
        h('span', { class: 'chip-text', text: pathTypeWord(kind, v) }),
      ),
    );
  }
}

function render(): void {
  for (const kind of ['relation', 'event'] as const) {
    const off = new Set(avoided(kind));
    fieldset(kind)
      .querySelectorAll<HTMLInputElement>('input[type=checkbox]')
      .forEach((i) => {
        if (i.checked === off.has(i.value)) i.checked = !off.has(i.value);
      });
  }
  const n = getPath().avoidRelationTypes.length + getPath().avoidEventTypes.length;
  el.pathTypesCount.textContent = n ? t('paths.typesLeftOut', { n }) : '';
  el.pathTypes.dataset.count = String(n);
}

function relabel(): void {
  for (const kind of ['relation', 'event'] as const) {
    fieldset(kind)
      .querySelectorAll<HTMLInputElement>('input[type=checkbox]')
      .forEach((i) => {
        const text = i.nextElementSibling;
        if (text) text.textContent = pathTypeWord(kind, i.value);
      });
  }
  render();
}

export function installPathTypes(): void {
  buildChips('relation');
  buildChips('event');
  onChange('path', render);
  onChange('lang', relabel);
  render();
}
