/**
 * An organisation's partners in its panel (`partners(of, includeUnits)`): each partner with the unit it is a
 * partner through (`via`, when that is not the organisation itself), the signings and the stated relations
 * that make it one, with their evidence. "Through its units" (on by default) counts what is part of it.
 */
import { isAbort } from './api';
import { clear, h } from './dom';
import { errorParts } from './errors';
import type { PanelActions } from './panelActions';
import { articleLine, entityLink, section } from './panelParts';
import { partners, type PartnerData, type PartnersData } from './partnerQueries';
import type { EntityDetails } from './queries';
import { t } from './i18n';

/** The toggle's last choice, kept while the page is open. */
let includeUnits = true;

/** Answers for a minute: the panel is drawn again on every change of the canvas while the organisation is selected. */
const cache = new Map<string, Promise<PartnersData>>();
function partnersOf(id: string, units: boolean): Promise<PartnersData> {
  const key = `${units}\u0000${id}`;
  let p = cache.get(key);
  if (!p) {
    p = partners(id, units).then((r) => r.data);
    cache.set(key, p);
    p.then(() => setTimeout(() => cache.delete(key), 60_000), () => cache.delete(key));
  }
  return p;
}

function partnerItem(orgId: string, p: PartnerData, actions: PanelActions): HTMLElement {
  const via = p.via.filter((u) => u.id !== orgId);
  return h(
    'li',
    { class: 'partner', dataset: { partnerId: p.organization.id } },
    h('div', { class: 'ev-line' }, entityLink(p.organization, actions)),
    via.length ? h('div', { class: 'ev-line partner-via', dataset: { via: via.map((u) => u.id).join(' ') } }, h('span', { class: 'muted', text: t('partners.via') }), ...via.map((u) => entityLink(u, actions))) : null,
    ...p.events.map((e) =>
      h('div', { class: 'ev-line partner-event', dataset: { eventId: e.id } }, h('span', { class: 'date-tag', text: e.date ?? t('panel.undated') }), entityLink({ id: e.id, name: e.name, type: 'Event', kind: e.eventType }, actions)),
    ),
    ...p.relations.map((r) =>
      h(
        'div',
        { class: 'partner-relation', dataset: { relation: r.type } },
        h('span', { class: 'muted', text: r.other.id === p.organization.id ? t('partners.stated') : t('partners.statedOf', { name: r.other.name }) }),
        ...r.sources.filter((s) => s.evidence).map((s) => h('div', { class: 'source' }, h('blockquote', { class: 'evidence', text: s.evidence! }), articleLine(s.article, s.evidence))),
      ),
    ),
  );
}

async function load(d: EntityDetails, body: HTMLElement, count: HTMLElement, actions: PanelActions): Promise<void> {
  clear(body);
  body.dataset.state = 'loading';
  body.appendChild(h('div', { class: 'panel-loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), t('partners.loading')));
  try {
    const { partners: list, totalCount } = await partnersOf(d.id, includeUnits);
    if (!body.isConnected) return;
    clear(body);
    // the panel reads the first PARTNERS_PAGE: the count says how many there are in all
    count.textContent = String(totalCount);
    body.dataset.state = 'ready';
    body.dataset.includeUnits = String(includeUnits);
    if (list.length === 0) body.appendChild(h('p', { class: 'muted', text: includeUnits ? t('partners.none') : t('partners.noneOwn') }));
    else body.appendChild(h('ul', { class: 'list' }, ...list.map((p) => partnerItem(d.id, p, actions))));
  } catch (e) {
    if (isAbort(e) || !body.isConnected) return;
    const { message, code } = errorParts(e);
    clear(body);
    body.dataset.state = 'error';
    body.appendChild(h('div', { class: 'panel-error', attrs: { role: 'alert' } }, h('strong', { text: t('partners.error') }), message, h('span', { class: 'toast-code', text: code })));
  }
}

/** The partners section of an organisation's panel (null for other entities); it fills itself in. */
export function partnersSection(d: EntityDetails, actions: PanelActions): HTMLElement | null {
  if (d.type !== 'Organization') return null;
  const body = h('div', { class: 'partners-body' });
  const toggle = h('input', { attrs: { type: 'checkbox', id: 'partners-units', checked: includeUnits } });
  toggle.addEventListener('change', () => {
    includeUnits = toggle.checked;
    void load(d, body, count, actions);
  });
  const el = section('partners', t('partners.title'), 0, h('label', { class: 'check', attrs: { for: 'partners-units' } }, toggle, t('partners.units')), body);
  const count = el.querySelector<HTMLElement>('h3 .count')!;
  count.textContent = '…';
  void load(d, body, count, actions);
  return el;
}
