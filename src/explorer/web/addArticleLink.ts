/**
 * Linking a mention to an entity the graph already has: a search box under the entity's row, filled with
 * its name, listing graph entities of the same type (the API's `search`); picking one gives the draft's
 * entity that id, so loading adds to the graph's entity instead of making a new one.
 */
import { isAbort } from './api';
import type { DraftEntity } from './addArticleDraft';
import { findEntities, type LinkHit } from './addArticleQueries';
import { clear, debounce, h } from './dom';
import { errorParts } from './errors';
import { t, tn, type StringKey } from './i18n';

let current: AbortController | undefined;

function hitItem(hit: LinkHit, pick: (id: string, name: string) => void): HTMLElement {
  const sub = [hit.kind, hit.id, hit.aliases?.length ? hit.aliases.join('、') : null].filter(Boolean).join(' · ');
  return h('li', null, h('button', { class: 'aa-hit', attrs: { type: 'button', 'data-id': hit.id }, on: { click: () => pick(hit.id, hit.name) } },
    h('span', { class: 'hit-name', text: hit.name }), h('span', { class: 'hit-sub muted', text: sub })));
}

async function run(query: string, entity: DraftEntity, list: HTMLElement, status: HTMLElement, pick: (id: string, name: string) => void): Promise<void> {
  current?.abort();
  const ctrl = new AbortController();
  current = ctrl;
  clear(list);
  if (!query.trim()) {
    status.textContent = t('aa.typeToSearch');
    return;
  }
  status.textContent = t('aa.searching');
  try {
    const hits = await findEntities(query.trim(), entity.type, ctrl.signal);
    if (ctrl.signal.aborted) return;
    const type = t(`type.${entity.type}` as StringKey);
    status.textContent = hits.length ? tn(hits.length, 'aa.hitsOne', 'aa.hitsMany', { type }) : t('aa.noHits', { type, q: query.trim() });
    for (const hit of hits) list.appendChild(hitItem(hit, pick));
  } catch (e) {
    if (isAbort(e)) return;
    const { message, code } = errorParts(e);
    status.textContent = t('aa.searchFailed', { message, code: code ?? '' });
  }
}

/** Opens the search under an entity's row (in `area`); `pick` gets the chosen graph entity. */
export function openLinkSearch(area: HTMLElement, entity: DraftEntity, pick: (id: string, name: string) => void): void {
  clear(area);
  const input = h('input', { attrs: { type: 'search', 'aria-label': t('aa.searchAria', { name: entity.name }), autocomplete: 'off', spellcheck: 'false', 'data-role': 'link-query' } });
  input.value = entity.name;
  const status = h('div', { class: 'aa-link-status muted', attrs: { role: 'status', 'aria-live': 'polite' } });
  const list = h('ul', { class: 'aa-hits', attrs: { 'aria-label': t('aa.hitsAria') } });
  const close = () => {
    current?.abort();
    clear(area);
  };
  const search = debounce(() => void run(input.value, entity, list, status, pick), 250);
  input.addEventListener('input', search);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  area.append(
    h('div', { class: 'aa-link-box' }, input, h('button', { class: 'btn btn-sm', attrs: { type: 'button' }, text: t('aa.cancel'), on: { click: close } })),
    status,
    list,
  );
  input.focus();
  void run(input.value, entity, list, status, pick);
}
