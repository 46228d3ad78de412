/**
 * The draft listed by type, one row per fact, each with its corrections: an entity's type and kind, merge
 * into another mention, link to a graph entity, drop; an event's type, its participants, drop; relations
 * and figures, drop. Rows carry `data-list`, `data-key` / `data-index` and are marked when unsure or when a
 * problem names them. Everything from the draft is inserted as text.
 */
import { ENTITY_TYPE_NAMES, EVENT_TYPES, type EntityType } from '../../model/domain';
import { confidenceOf, isUnsure, kindsOf, type DraftDoc, type DraftEntity, type DraftEvent } from './addArticleDraft';
import { openLinkSearch } from './addArticleLink';
import { h, type Child } from './dom';
import { t, word, type StringKey } from './i18n';
import { lookOf } from './theme';

export interface ReviewActions {
  changeType(key: string, type: EntityType): void;
  changeKind(key: string, kind: string | null): void;
  changeEventType(key: string, type: string): void;
  merge(keep: string, merge: string): void;
  link(key: string, id: string | null, name?: string): void;
  dropEntity(key: string): void;
  dropEvent(key: string): void;
  dropParticipant(eventKey: string, index: number): void;
  dropRelation(index: number): void;
  dropFigure(index: number): void;
  /** marks the entity's mentions in the text */
  focus(ref: string): void;
}

const TYPE_HEADINGS: Record<string, StringKey> = { Person: 'aa.hPerson', Organization: 'aa.hOrganization', Village: 'aa.hVillage', Place: 'aa.hPlace', Project: 'aa.hProject' };

/** An entity type's name in the interface language (the values sent stay the model's). */
const typeWord = (type: string): string => ((ENTITY_TYPE_NAMES as readonly string[]).includes(type) ? t(`type.${type}` as StringKey) : type);

function select(label: string, options: readonly string[], value: string, onChange: (v: string) => void, extra: { empty?: string; role?: string; shown?: (o: string) => string } = {}): HTMLSelectElement {
  const s = h('select', { attrs: { 'aria-label': label, 'data-role': extra.role ?? '' }, on: { change: () => onChange(s.value) } });
  if (extra.empty !== undefined) s.appendChild(h('option', { attrs: { value: '' }, text: extra.empty }));
  for (const o of options) s.appendChild(h('option', { attrs: { value: o }, text: extra.shown ? extra.shown(o) : o }));
  s.value = value;
  return s;
}

function badges(x: { attributes?: Record<string, unknown> }, problems: string[]): Child[] {
  const c = confidenceOf(x as { attributes?: Record<string, string | number | boolean> });
  return [
    isUnsure(x as { attributes?: Record<string, string | number | boolean> }) ? h('span', { class: 'aa-badge aa-unsure', title: t('aa.unsureTitle'), text: t('aa.unsureBadge', { c: String(c) }) }) : null,
    ...problems.map((p) => h('span', { class: 'aa-badge aa-bad', text: p })),
  ];
}

function evidence(text: string | undefined): Child {
  return text ? h('blockquote', { class: 'aa-evidence evidence', text }) : null;
}

function dropButton(what: string, onClick: () => void): HTMLButtonElement {
  return h('button', { class: 'btn btn-sm btn-danger-ghost', attrs: { type: 'button', 'data-action': 'drop', 'aria-label': t('aa.dropAria', { what }) }, text: t('aa.drop'), on: { click: onClick } });
}

function entityRow(doc: DraftDoc, e: DraftEntity, index: number, problems: string[], act: ReviewActions): HTMLElement {
  const others = doc.entities.filter((o) => o.type === e.type && o.key !== e.key);
  const mergeSel = select(t('aa.mergeAria', { name: e.name }), [], '', (v) => v && act.merge(v, e.key), { empty: t('aa.mergeInto'), role: 'merge' });
  for (const o of others) mergeSel.appendChild(h('option', { attrs: { value: o.key }, text: o.name }));
  mergeSel.disabled = others.length === 0;
  const linkArea = h('div', { class: 'aa-link-area' });
  const link = e.id
    ? h('span', { class: 'aa-linked' }, h('span', { class: 'aa-badge aa-in-graph', title: t('aa.inGraphTitle'), text: t('aa.inGraph', { id: e.id }) }),
      h('button', { class: 'btn btn-sm btn-link', attrs: { type: 'button', 'data-action': 'unlink' }, text: t('aa.unlink'), on: { click: () => act.link(e.key, null) } }))
    : h('button', { class: 'btn btn-sm', attrs: { type: 'button', 'data-action': 'link' }, text: t('aa.link'), on: { click: () => openLinkSearch(linkArea, e, (id, name) => act.link(e.key, id, name)) } });
  const look = lookOf(e.type);
  return h(
    'li',
    { class: `aa-row${problems.length ? ' aa-problem' : ''}${isUnsure(e) ? ' aa-row-unsure' : ''}`, dataset: { list: 'entities', key: e.key, index: String(index), type: e.type } },
    h('div', { class: 'aa-row-head' },
      h('span', { class: 'aa-swatch', attrs: { style: `background:${look.color};border-color:${look.border}` } }),
      h('button', { class: 'btn-link aa-name', attrs: { type: 'button', title: t('aa.showMentions') }, text: e.name, on: { click: () => act.focus(e.key) } }),
      e.aliases?.length ? h('span', { class: 'aa-aliases alias', text: `(${e.aliases.join('、')})` }) : null,
      ...badges(e, problems)),
    h('div', { class: 'aa-controls' },
      select(t('aa.typeAria', { name: e.name }), ENTITY_TYPE_NAMES, e.type, (v) => act.changeType(e.key, v as EntityType), { role: 'type', shown: typeWord }),
      kindsOf(e.type).length
        ? select(t('aa.kindAria', { name: e.name }), kindsOf(e.type), e.kind ?? '', (v) => act.changeKind(e.key, v || null), { empty: t('aa.kindEmpty'), role: 'kind', shown: word })
        : null,
      mergeSel, link, dropButton(e.name, () => act.dropEntity(e.key))),
    linkArea,
    evidence(e.evidence),
  );
}

function eventRow(doc: DraftDoc, ev: DraftEvent, index: number, problems: string[], act: ReviewActions): HTMLElement {
  const names = new Map(doc.entities.map((e) => [e.key, e.name]));
  const when = [ev.date, ev.endDate].filter(Boolean).join(' – ') || t('aa.noDate');
  const people = (ev.participants ?? []).map((p, i) =>
    h('li', { class: 'aa-participant', dataset: { entity: p.entity, role: p.role } },
      h('span', { text: names.get(p.entity) ?? p.entity }), h('span', { class: 'aa-role', text: word(p.role) }),
      h('button', { class: 'btn-link aa-x', attrs: { type: 'button', 'aria-label': t('aa.removeParticipant', { name: names.get(p.entity) ?? p.entity, role: word(p.role) }) }, text: '×', on: { click: () => act.dropParticipant(ev.key, i) } })));
  return h(
    'li',
    { class: `aa-row${problems.length ? ' aa-problem' : ''}${isUnsure(ev) ? ' aa-row-unsure' : ''}`, dataset: { list: 'events', key: ev.key, index: String(index), type: ev.type } },
    h('div', { class: 'aa-row-head' }, h('span', { class: 'aa-name', text: ev.name }), h('span', { class: 'aa-date', text: when }), ...badges(ev, problems)),
    h('div', { class: 'aa-controls' }, select(t('aa.typeAria', { name: ev.name }), EVENT_TYPES, ev.type, (v) => act.changeEventType(ev.key, v), { role: 'type', shown: word }),
      ev.partOf ? h('span', { class: 'muted', text: t('aa.during', { name: doc.events?.find((x) => x.key === ev.partOf)?.name ?? ev.partOf }) }) : null,
      dropButton(ev.name, () => act.dropEvent(ev.key))),
    people.length ? h('ul', { class: 'aa-participants' }, ...people) : h('p', { class: 'muted', text: t('aa.noParticipants') }),
    evidence(ev.evidence),
  );
}

function relationRows(doc: DraftDoc, problemsAt: (list: string, i: number) => string[], act: ReviewActions): HTMLElement[] {
  const names = new Map(doc.entities.map((e) => [e.key, e.name]));
  return (doc.relations ?? []).map((r, i) => {
    const label = r.type === 'HOLDS_POSITION' ? String(r.attributes?.title ?? t('aa.position')) : r.type;
    const problems = problemsAt('relations', i);
    return h('li', { class: `aa-row${problems.length ? ' aa-problem' : ''}${isUnsure(r) ? ' aa-row-unsure' : ''}`, dataset: { list: 'relations', index: String(i), type: r.type } },
      h('div', { class: 'aa-row-head' }, h('span', { class: 'aa-name', text: names.get(r.from) ?? r.from }), h('span', { class: 'aa-rel', text: ` — ${label} → ` }),
        h('span', { class: 'aa-name', text: names.get(r.to) ?? r.to }), ...badges(r, problems), dropButton(`${label} ${names.get(r.from) ?? ''}`, () => act.dropRelation(i))),
      evidence(r.evidence));
  });
}

function figureRows(doc: DraftDoc, problemsAt: (list: string, i: number) => string[], act: ReviewActions): HTMLElement[] {
  const names = new Map(doc.entities.map((e) => [e.key, e.name]));
  return (doc.figures ?? []).map((f, i) => {
    const problems = problemsAt('figures', i);
    const change = f.change === undefined ? '' : ` (${t('aa.yoy', { pct: `${f.change >= 0 ? '+' : ''}${(f.change * 100).toFixed(1)}` })})`;
    const detail = [names.get(f.subject) ?? f.subject, f.period, f.qualifier ? `${word(f.qualifier)}: ${f.stated ?? ''}` : null].filter(Boolean).join(' · ');
    return h('li', { class: `aa-row${problems.length ? ' aa-problem' : ''}${isUnsure(f) ? ' aa-row-unsure' : ''}`, dataset: { list: 'figures', index: String(i), ref: `figure:${i}` } },
      h('div', { class: 'aa-row-head' },
        h('button', { class: 'btn-link aa-name', attrs: { type: 'button', title: t('aa.showInText') }, text: f.metric, on: { click: () => act.focus(`figure:${i}`) } }),
        h('span', { class: 'aa-value', text: `${f.value}${f.unit ?? ''}${change}` }), ...badges(f, problems), dropButton(f.metric, () => act.dropFigure(i))),
      h('div', { class: 'aa-sub muted', text: detail }),
      evidence(f.evidence));
  });
}

function section(title: string, list: string, rows: HTMLElement[]): HTMLElement | null {
  if (rows.length === 0) return null;
  return h('section', { class: 'aa-section', dataset: { section: list } }, h('h3', { text: `${title} (${rows.length})` }), h('ul', { class: 'aa-rows' }, ...rows));
}

/** The lists of the draft; `problemsAt(list, index)` gives the messages of the problems about an item. */
export function draftLists(doc: DraftDoc, problemsAt: (list: string, i: number) => string[], act: ReviewActions): HTMLElement {
  const parts: Child[] = [];
  for (const type of ENTITY_TYPE_NAMES) {
    const rows = doc.entities.map((e, i) => [e, i] as const).filter(([e]) => e.type === type).map(([e, i]) => entityRow(doc, e, i, problemsAt('entities', i), act));
    parts.push(section(TYPE_HEADINGS[type] ? t(TYPE_HEADINGS[type]) : type, `entities-${type}`, rows));
  }
  const unknown = doc.entities.map((e, i) => [e, i] as const).filter(([e]) => !(ENTITY_TYPE_NAMES as readonly string[]).includes(e.type));
  parts.push(section(t('aa.hOther'), 'entities-other', unknown.map(([e, i]) => entityRow(doc, e, i, problemsAt('entities', i), act))));
  parts.push(section(t('aa.hEvents'), 'events', (doc.events ?? []).map((ev, i) => eventRow(doc, ev, i, problemsAt('events', i), act))));
  parts.push(section(t('aa.hRelations'), 'relations', relationRows(doc, problemsAt, act)));
  parts.push(section(t('aa.hFigures'), 'figures', figureRows(doc, problemsAt, act)));
  return h('div', { class: 'aa-lists' }, ...parts);
}
