/** An event's panel: where, participants by role, attributes, its evidence sentence and article. */
import { clear, h } from './dom';
import type { PanelActions } from './panelActions';
import { paged } from './panelMore';
import { panelHead } from './panelHead';
import { articleLine, attributesSection, entityLink, section } from './panelParts';
import type { EventDetails, EventRef, Ref } from './queries';
import { t, word } from './i18n';

function participantsSection(d: EventDetails, actions: PanelActions): HTMLElement {
  const groups = new Map<string, Ref[]>();
  for (const p of d.participants) {
    let g = groups.get(p.role);
    if (!g) groups.set(p.role, (g = []));
    if (!g.some((r) => r.id === p.entity.id)) g.push(p.entity);
  }
  return section(
    'participants',
    t('panel.participants'),
    new Set(d.participants.map((p) => p.entity.id)).size,
    groups.size === 0
      ? h('p', { class: 'muted', text: t('panel.noParticipants') })
      : h(
          'ul',
          { class: 'list' },
          ...[...groups].map(([role, refs]) =>
            h('li', { class: 'role-group', dataset: { role } }, h('span', { class: 'role-name', text: word(role) }), h('div', { class: 'names' }, ...refs.map((r) => entityLink(r, actions, role)))),
          ),
        ),
  );
}

const eventLink = (e: EventRef, actions: PanelActions): HTMLElement => entityLink({ id: e.id, name: e.name, type: 'Event', kind: e.eventType }, actions);

/** The event it took place during (`partOf`), and those that took place during it (`parts`). */
function partOfSections(d: EventDetails, actions: PanelActions): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (d.partOf) out.push(section('part-of', t('panel.during'), null, h('div', { class: 'ev-line', dataset: { eventId: d.partOf.id } }, h('span', { class: 'date-tag', text: d.partOf.date ?? t('panel.undated') }), eventLink(d.partOf, actions))));
  const parts = d.parts?.edges.map((e) => e.node) ?? [];
  if (parts.length)
    out.push(
      section(
        'parts',
        t('panel.parts'),
        d.parts!.totalCount,
        h('ul', { class: 'list' }, ...parts.map((p) => h('li', { dataset: { eventId: p.id } }, h('div', { class: 'ev-line' }, h('span', { class: 'date-tag', text: p.date ?? t('panel.undated') }), eventLink(p, actions)), h('div', { class: 'muted', text: word(p.eventType) })))),
      ),
    );
  return out;
}

export function renderEvent(panel: HTMLElement, d: EventDetails, actions: PanelActions, onCanvas: boolean): void {
  clear(panel);
  panel.dataset.kind = 'node';
  panel.dataset.nodeId = d.id;
  panel.dataset.state = 'ready';
  panel.appendChild(panelHead({ id: d.id, type: 'Event', kind: d.eventType, name: d.name, date: d.date, endDate: d.endDate }, actions, onCanvas));
  if (d.location) panel.appendChild(section('location', t('panel.where'), null, entityLink(d.location, actions)));
  for (const s of partOfSections(d, actions)) panel.appendChild(s);
  panel.appendChild(paged(d, 'participants', (x) => participantsSection(x, actions))!);
  const attrs = attributesSection(d.attributes);
  if (attrs) panel.appendChild(attrs);
  panel.appendChild(
    section(
      'sources',
      t('panel.evidence'),
      d.evidence ? 1 : 0,
      d.evidence
        ? h('div', { class: 'source' }, h('blockquote', { class: 'evidence', text: d.evidence }), articleLine(d.article, d.evidence))
        : h('div', null, h('p', { class: 'muted', text: t('panel.noEvidenceSentence') }), articleLine(d.article)),
    ),
  );
}
