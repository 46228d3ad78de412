import type { EntityType, EventType, ParticipantRole } from '../../src/model/domain';
import type { ArticleEntity, ArticleMembers } from './articleMembers';
import { DAY_MS, isoDay } from './dates';
import * as N from './names';
import type { Random } from './random';

type Doc = Record<string, any>;

const ROLES_BY_EVENT: Record<EventType, { lead: ParticipantRole; leadTypes: EntityType[]; rest: ParticipantRole[] }> = {
  Signing: { lead: 'signatory', leadTypes: ['Organization'], rest: ['signatory', 'attendee', 'host'] },
  Inspection: { lead: 'inspector', leadTypes: ['Person'], rest: ['inspected', 'attendee', 'inspector'] },
  Fair: { lead: 'organizer', leadTypes: ['Organization'], rest: ['attendee', 'host', 'speaker'] },
  Meeting: { lead: 'host', leadTypes: ['Person', 'Organization'], rest: ['attendee', 'speaker'] },
  Visit: { lead: 'visitor', leadTypes: ['Person', 'Organization'], rest: ['visited', 'attendee'] },
  Ceremony: { lead: 'host', leadTypes: ['Organization', 'Person'], rest: ['attendee', 'speaker', 'subject'] },
  Training: { lead: 'organizer', leadTypes: ['Organization'], rest: ['attendee', 'speaker'] },
  Campaign: { lead: 'organizer', leadTypes: ['Organization', 'Person'], rest: ['attendee', 'subject'] },
  Other: { lead: 'host', leadTypes: ['Person', 'Organization'], rest: ['attendee'] },
};
const EVENT_TYPE_WEIGHTS: EventType[] = ['Signing', 'Signing', 'Signing', 'Inspection', 'Inspection', 'Meeting', 'Meeting', 'Meeting', 'Visit', 'Visit', 'Ceremony', 'Fair', 'Training', 'Campaign', 'Other'];

/** An article's events: 1-3, with 3-20 participants (adding members where the article has too few). */
export function articleEvents(r: Random, members: ArticleMembers, publishedOn: string): Doc[] {
  const events: Doc[] = [];
  const nEvents = 1 + (r.chance(0.6) ? 1 : 0) + (r.chance(0.2) ? 1 : 0);
  for (let k = 0; k < nEvents; k++) {
    const type = r.pick(EVENT_TYPE_WEIGHTS);
    const nParticipants = 3 + Math.floor(17 * Math.pow(r.next(), 3));
    while (members.list.length < nParticipants + 1) members.add(members.zipfPick(r.chance(0.6) ? 'Person' : 'Organization'));
    const roles = ROLES_BY_EVENT[type];
    const chosen: ArticleEntity[] = [];
    const leads = members.list.filter((m) => roles.leadTypes.includes(m.e.type));
    if (leads.length) chosen.push(r.pick(leads));
    if (type === 'Signing') {
      const orgs = members.list.filter((m) => m.e.type === 'Organization' && !chosen.includes(m));
      if (orgs.length) chosen.push(r.pick(orgs));
    }
    let guard = 0;
    while (chosen.length < nParticipants && guard++ < 200) {
      const m = r.pick(members.list);
      if (!chosen.includes(m)) chosen.push(m);
    }
    const participants = chosen.map((m, i) => ({
      entity: m.key,
      role: i === 0 ? roles.lead : type === 'Signing' && i === 1 ? 'signatory' : r.pick(roles.rest),
    }));
    const eventDay = Date.parse(`${publishedOn}T00:00:00Z`) - r.int(0, 10) * DAY_MS;
    const monthOnly = r.chance(0.1);
    const date = monthOnly ? isoDay(eventDay).slice(0, 7) : isoDay(eventDay);
    const multiDay = !monthOnly && r.chance(0.12);
    const locations = members.list.filter((m) => m.e.type === 'Place' || m.e.type === 'Village' || (m.e.type === 'Organization' && m.e.kind === 'DevelopmentZone'));
    const location = locations.length && r.chance(0.7) ? r.pick(locations).key : undefined;
    const lead = chosen[0]?.e.name ?? '';
    const name = `${lead}${r.pick(N.EVENT_TEMPLATES[type])}`;
    // a later event of the article takes place during its first when that is a meeting or a fair (a signing at a
    // fair), derived from what was drawn so that the archive's other draws stay as they were
    const occasion = k > 0 && (events[0].type === 'Meeting' || events[0].type === 'Fair') ? { partOf: 'ev0' } : {};
    events.push({
      key: `ev${k}`,
      type,
      ...occasion,
      name: name.slice(0, 200),
      date,
      ...(multiDay ? { endDate: isoDay(eventDay + r.int(1, 3) * DAY_MS) } : {}),
      ...(location ? { location } : {}),
      participants,
      ...(r.chance(0.3) ? { attributes: { attendance: r.int(20, 800) } } : {}),
      evidence: `${date.replace(/^(\d+)-0?(\d+)(?:-0?(\d+))?$/, (_m, _y, mo, d) => (d ? `${mo}月${d}日` : `${mo}月`))}，${name}。`,
    });
  }
  return events;
}
