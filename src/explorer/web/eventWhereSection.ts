/**
 * "Events where…" in an entity's panel: draw only those of its events that meet conditions the server checks with its
 * `where` language (`events(where: {participant, types, from, to, participantCount, someParticipant})`), such as the
 * signings of June with at least 5 participants, however many events the entity has (a hub). The events go on the
 * canvas on purpose (so they stay in the link), linked to the entity by their participation edges.
 */
import { PARTICIPANT_ROLES } from '../../model/domain';
import { putNear } from './canvas';
import { h } from './dom';
import { errorParts } from './errors';
import { conditionsProblem, eventWhere, NO_CONDITIONS, participationEdges, type EventConditions } from './eventWhere';
import { eventsWhere, rolesAt } from './eventWhereQueries';
import type { EntityDetails } from './queries';
import { section } from './panelParts';
import { getFilters, VOCAB } from './state';
import { t, word } from './i18n';
import type { StringKey } from './i18n';

/** The last conditions (kept for the next entity: an analyst asks the same of several) and each entity's last outcome. */
let last: EventConditions | null = null;
const outcome = new Map<string, { state: 'done' | 'none' | 'error' | 'loading'; text: string; run: number }>();
/** how many times the conditions were sent (the status line's `data-run`: scripts wait for the next outcome) */
let runs = 0;

function select(id: string, anyKey: StringKey, values: readonly string[], chosen: string): HTMLSelectElement {
  const s = h('select', { attrs: { id } }, h('option', { attrs: { value: '' }, text: t(anyKey) }), ...values.map((v) => h('option', { attrs: { value: v, selected: v === chosen }, text: word(v) })));
  return s;
}

const field = (id: string, label: string, input: HTMLElement): HTMLElement => h('div', { class: 'field' }, h('label', { attrs: { for: id }, text: label }), input);

function problemText(p: NonNullable<ReturnType<typeof conditionsProblem>>): string {
  if (p.problem === 'count') return t('where.badCount');
  if (p.problem === 'order') return t('where.badOrder');
  return t('where.badDate', { field: t(p.field === 'from' ? 'where.from' : 'where.to') });
}

async function run(d: EntityDetails, c: EventConditions): Promise<void> {
  // the panel is drawn again when the canvas changes: say it in the status line drawn now for this entity
  const seq = (runs += 1);
  const show = (state: 'done' | 'none' | 'error' | 'loading', text: string) => {
    outcome.set(d.id, { state, text, run: seq });
    for (const s of Array.from(document.querySelectorAll<HTMLElement>('.ew-status'))) {
      if (s.dataset.entityId !== d.id) continue;
      s.dataset.state = state;
      s.dataset.run = String(seq);
      s.textContent = text;
    }
  };
  const bad = conditionsProblem(c);
  if (bad) return show('error', problemText(bad));
  last = c;
  show('loading', t('where.finding'));
  try {
    const found = await eventsWhere(eventWhere(d.id, c), t('where.finding'));
    if (found.nodes.length === 0) return show('none', t('where.none', { name: d.name }));
    const roles = await rolesAt(
      d.id,
      found.nodes.map((n) => n.id),
      { eventTypes: c.type ? [c.type] : null, from: c.from.trim() || null, to: c.to.trim() || null },
    );
    const added = await putNear(d.id, found.nodes, participationEdges(d.id, roles));
    show('done', t(found.total > found.nodes.length ? 'where.drewSome' : 'where.drew', { n: found.nodes.length, total: found.total, added }));
  } catch (e) {
    const { message, code } = errorParts(e);
    show('error', `${t('where.failed')} ${message} (${code})`);
  }
}

/** The section of an entity's panel; the conditions start from the last ones, or the page's date range. */
export function eventWhereSection(d: EntityDetails): HTMLElement {
  const f = getFilters();
  const c = last ?? { ...NO_CONDITIONS, from: f.from, to: f.to };
  const type = select('ew-type', 'where.anyType', VOCAB.eventTypes, c.type);
  const role = select('ew-role', 'where.anyRole', PARTICIPANT_ROLES, c.role);
  const from = h('input', { attrs: { id: 'ew-from', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', value: c.from, autocomplete: 'off' } });
  const to = h('input', { attrs: { id: 'ew-to', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', value: c.to, autocomplete: 'off' } });
  const min = h('input', { attrs: { id: 'ew-min', type: 'number', min: 0, step: 1, value: c.minParticipants || '', placeholder: '0' } });
  const was = outcome.get(d.id);
  const status = h('p', { class: 'ew-status muted', attrs: { role: 'status', 'aria-live': 'polite' }, dataset: { state: was?.state ?? 'idle', entityId: d.id, run: String(was?.run ?? 0) }, text: was?.text ?? '' });
  const go = h('button', { class: 'btn', attrs: { type: 'submit', id: 'ew-go' }, text: t('where.draw') });
  const form = h(
    'form',
    { class: 'ew-form', attrs: { 'aria-label': t('where.title') } },
    h('p', { class: 'muted', text: t('where.hint', { name: d.name }) }),
    h('div', { class: 'field-grid' }, field('ew-type', t('where.type'), type), field('ew-role', t('where.role'), role), field('ew-from', t('where.from'), from), field('ew-to', t('where.to'), to), field('ew-min', t('where.min'), min)),
    h('div', { class: 'ew-actions' }, go),
    status,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const n = min.value.trim() === '' ? 0 : Number(min.value);
    void run(d, { type: type.value, role: role.value, from: from.value, to: to.value, minParticipants: n });
  });
  return section('event-where', t('where.title'), null, form);
}
