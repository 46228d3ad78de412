/** An entity's panel: aliases, positions or officials, parent, events, relations, figures, attributes, evidence. */
import { clear, h } from './dom';
import { edgeWord } from './edgeWord';
import { eventWhereSection } from './eventWhereSection';
import { figuresSection } from './figuresSection';
import type { PanelActions } from './panelActions';
import { paged } from './panelMore';
import { panelHead } from './panelHead';
import { partnersSection } from './partnersSection';
import { attributesSection, entityLink, section, sourcesSection } from './panelParts';
import type { EntityDetails } from './queries';
import { t, word } from './i18n';

const list = (...items: HTMLElement[]): HTMLElement => h('ul', { class: 'list' }, ...items);

function positionsSection(d: EntityDetails, actions: PanelActions): HTMLElement | null {
  if (!d.positions?.length) return null;
  return section(
    'positions',
    t('panel.positions'),
    d.positions.length,
    list(
      ...d.positions.map((p) =>
        h(
          'li',
          { dataset: { title: p.title } },
          h('div', { class: 'ev-line' }, h('strong', { text: p.title }), h('span', { class: 'muted', text: t('panel.at') }), entityLink(p.organization, actions)),
          p.since || p.until ? h('div', { class: 'muted', text: `${p.since ?? '…'} – ${p.until ?? '…'}` }) : null,
        ),
      ),
    ),
  );
}

function officialsSection(d: EntityDetails, actions: PanelActions): HTMLElement | null {
  if (!d.officials?.length) return null;
  return section(
    'officials',
    t('panel.officials'),
    d.officials.length,
    list(...d.officials.map((p) => h('li', { dataset: { title: p.title } }, h('div', { class: 'ev-line' }, entityLink(p.person, actions), h('span', { class: 'muted', text: p.title }))))),
  );
}

function eventsSection(d: EntityDetails, actions: PanelActions): HTMLElement | null {
  if (!d.events.length) return null;
  return section(
    'events',
    t('panel.events'),
    d.events.length,
    list(
      ...d.events.map((e) =>
        h(
          'li',
          { dataset: { eventId: e.event.id } },
          h('div', { class: 'ev-line' }, h('span', { class: 'date-tag', text: e.event.date ?? t('panel.undated') }), entityLink({ id: e.event.id, name: e.event.name, type: 'Event', kind: e.event.type }, actions)),
          h('div', { class: 'tags' }, h('span', { class: 'muted', text: word(e.event.type) }), ...e.roles.map((r) => h('span', { class: 'role-tag', text: word(r) }))),
        ),
      ),
    ),
  );
}

function relationsSection(d: EntityDetails, actions: PanelActions): HTMLElement | null {
  const relations = d.relations.filter((r) => r.type !== 'HOLDS_POSITION');
  if (!relations.length) return null;
  return section(
    'relations',
    t('panel.relations'),
    relations.length,
    list(
      ...relations.map((r) => {
        const word = edgeWord({ type: r.type, role: null, title: null });
        return h(
          'li',
          { dataset: { relation: r.type } },
          h(
            'div',
            { class: 'ev-line' },
            r.direction === 'OUTGOING' ? h('span', { class: 'muted', text: word }) : null,
            entityLink(r.other, actions),
            r.direction === 'INCOMING' ? h('span', { class: 'muted', text: t('panel.relThis', { word }) }) : null,
          ),
        );
      }),
    ),
  );
}

export function renderEntity(panel: HTMLElement, d: EntityDetails, actions: PanelActions, onCanvas: boolean): void {
  clear(panel);
  panel.dataset.kind = 'node';
  panel.dataset.nodeId = d.id;
  panel.dataset.state = 'ready';
  panel.appendChild(panelHead(d, actions, onCanvas));
  const aliases = d.aliases.length ? section('aliases', t('panel.aliases'), d.aliases.length, h('div', { class: 'tags' }, ...d.aliases.map((a) => h('span', { class: 'alias', text: a })))) : null;
  const parent = d.parent ? section('parent', t('panel.partOf'), null, entityLink(d.parent, actions)) : null;
  // the lists are pages of longer ones: "N of M" and a "more" button (panelMore.ts)
  const parts = [
    aliases,
    paged(d, 'positions', (x) => positionsSection(x, actions)),
    paged(d, 'officials', (x) => officialsSection(x, actions)),
    parent,
    paged(d, 'events', (x) => eventsSection(x, actions)),
    d.events.length ? eventWhereSection(d) : null,
    paged(d, 'relations', (x) => relationsSection(x, actions)),
    partnersSection(d, actions),
    paged(d, 'figures', (x) => (x.figures.length ? figuresSection(x.figures) : null)),
    attributesSection(d.attributes),
    paged(d, 'sources', (x) => sourcesSection(x.sources)),
  ];
  for (const p of parts) if (p) panel.appendChild(p);
}
