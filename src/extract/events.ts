/**
 * Events from trigger words (签约 → Signing, 调研 → Inspection, 对接会 → Meeting …), their dates (with the
 * article's year), and their participants with roles from the verbs around them (出席 → attendee, 主持 → host).
 */
import type { EventInput } from '../ingest';
import type { EventType, ParticipantRole } from '../model';
import { findDates } from './dates';
import { BULLETS, EVENT_TRIGGERS, ROLE_VERBS } from './lexicon';
import type { DraftEntity } from './registry';
import type { Sentence } from './text';

export interface Located {
  entity: DraftEntity;
  start: number;
  end: number;
}

export interface DraftEvent extends EventInput {
  confidence: number;
  paragraph: number;
  /** index of the sentence that opened it */
  sentence: number;
}

interface Trigger {
  type: EventType;
  word: string;
  start: number;
  end: number;
  ambiguous: boolean;
}

const EVENT_VERBS = /召开|举行|举办|主办|承办|开展|组织|参加|出席|赴|到.{0,20}(?:调研|视察|考察|观摩|指导|督导)|签约|签订|签署|启动|进行|观摩了|察看|走访|拜访|回访|参观/u;
const CLAUSE = /[，,；;：:]/u;
const HOST_VERBS = /(召开|举行)/u;
const ORGANIZER_VERBS = /(举办|组织|开展|联合)/u;
// what an inspection's party does on the way: seen in the story of an inspection, part of it
const SIGHTS = new Set(['察看', '走访', '观摩', '调研', '视察', '参观', '座谈']);
// 由我校主办的对接会: who put it on, whatever verb then says it took place
const SPONSOR = /由([^，,；;。]{1,30}?)(?:主办|承办|举办|组织)/u;
// occasions during which a signing takes place (集中签约活动 … 签订…协议)
const OCCASIONS = new Set<EventType>(['Ceremony', 'Meeting', 'Fair']);
const SEPARATELY = /分别与/u;
const JOINTLY = /(?:联合|会同|携手)[^，,；;。]{2,40}?(?=举办|组织|开展|召开|举行)/u;

const TRIGGERS_BY_FIRST = new Map<string, typeof EVENT_TRIGGERS>();
for (const t of EVENT_TRIGGERS) TRIGGERS_BY_FIRST.set(t.word[0], [...(TRIGGERS_BY_FIRST.get(t.word[0]) ?? []), t]);

function triggersIn(s: string): Trigger[] {
  const hits: Trigger[] = [];
  for (let i = 0; i < s.length; i++) {
    const t = TRIGGERS_BY_FIRST.get(s[i])?.find((x) => s.startsWith(x.word, i));
    if (!t) continue;
    const end = i + t.word.length;
    if (t.word === '开工' && (/^(?:建设|以来|项目)/u.test(s.slice(end)) || s[i - 1] === '新')) continue;
    // 旅游节和鸭蛋节期间: a festival named before another that is followed by 期间
    if (t.word === '节' && !/^(?:期间|开幕|上|活动|现场)|^[和、][^，,；;。]{2,20}?节(?:期间|开幕|上|活动|现场)/u.test(s.slice(end))) continue;
    if (t.word === '签约' && (s[i - 1] === '新' || /^\d|^[一二三四五六七八九十两]+个/u.test(s.slice(end)) || /^(?:项目|率|额|金额|、)/u.test(s.slice(end)) || /、$/u.test(s.slice(0, i)))) continue;
    if (t.word === '培训' && /^(?:费|机构|中心)/u.test(s.slice(end))) continue;
    hits.push({ type: t.type, word: t.word, start: i, end, ambiguous: Boolean(t.ambiguous) });
    i = end - 1;
  }
  // 到新街村、龙山村指导夏收夏种工作: an official's guidance on the spot is an inspection
  const guide = /到[^，,；;。]{1,30}?(?:指导|督导)/u.exec(s);
  if (guide && !hits.some((h) => h.type === 'Inspection')) {
    const at = (guide.index ?? 0) + guide[0].length - 2;
    hits.push({ type: 'Inspection', word: guide[0].slice(-2), start: at, end: at + 2, ambiguous: true });
    hits.sort((a, b) => a.start - b.start);
  }
  // 赴上海、杭州开展招商: a trip
  const trip = /赴[^，,；;。]{1,40}?(?:开展|招商|考察|学习|交流|对接|参加)/u.exec(s);
  if (trip && !hits.some((h) => h.type === 'Visit')) {
    hits.push({ type: 'Visit', word: '赴', start: trip.index ?? 0, end: (trip.index ?? 0) + 1, ambiguous: false });
    hits.sort((a, b) => a.start - b.start);
  }
  // the head of a Chinese noun phrase is its last word: 专项行动启动仪式 is a ceremony; keep one trigger per clause
  const byClause = new Map<number, Trigger[]>();
  for (const h of hits) {
    const clause = s.slice(0, h.start).split(CLAUSE).length;
    const kept = byClause.get(clause) ?? [];
    // festivals listed together (A节和B节期间) are each an event; otherwise the last word heads the clause
    byClause.set(clause, kept.length > 0 && kept[kept.length - 1].type === 'Fair' && h.type === 'Fair' && h.word === '节' ? [...kept, h] : [h]);
  }
  return [...byClause.values()].flat();
}

function eventName(s: string, t: Trigger): string {
  if (t.word === '节') {
    const name = /[^，,；;。、和]{2,30}$/u.exec(s.slice(0, t.end))?.[0];
    if (name) return name.replace(/^(?:在|于|参加|举办|举行)/u, '');
  }
  const clauseStart = Math.max(...[...'，,；;：:'].map((c) => s.lastIndexOf(c, t.start)), -1) + 1;
  let head = s.slice(clauseStart, t.end);
  const tail = /^(?:仪式|活动|会议|工作|会)/u.exec(s.slice(t.end));
  if (tail) head += tail[0];
  head = head.replace(/^[●◆■▲★☆◇□•▪◎]?\s*(?:\d{1,2}月[\d至日号上中下旬初底]*(?:上午|下午|晚上)?)?/u, '');
  const verb = /(?:召开|举行|举办|开展|组织)(?:了)?/u.exec(head);
  if (verb && verb.index < head.length - t.word.length) head = head.slice(verb.index + verb[0].length);
  return (head || t.word).slice(0, 120);
}

// 带队, 一行: whoever leads a party inspects in an inspection and visits on a visit; at a meeting or a ceremony, attends
function roleIn(role: ParticipantRole, type: EventType): ParticipantRole {
  if (role !== 'visitor') return role;
  return type === 'Inspection' ? 'inspector' : type === 'Visit' ? 'visitor' : 'attendee';
}

/**
 * What a person named at `from` does: the first role verb after the name, and the verbs joined to it in its clause
 * (出席会议并讲话: attendee and speaker; 出席仪式并宣布项目开工).
 */
function rolesAfter(s: string, from: number, type: EventType): ParticipantRole[] {
  let best: { at: number; role: ParticipantRole; word: string } | null = null;
  for (const v of ROLE_VERBS) {
    const at = s.indexOf(v.word, from);
    if (at >= 0 && (!best || at < best.at)) best = { at, role: v.role, word: v.word };
  }
  if (!best) return [];
  const roles = [roleIn(best.role, type)];
  const clause = s.slice(best.at + best.word.length).split(/[，,；;。：:]/u)[0];
  for (const joined of clause.split('并').slice(1)) {
    const next = ROLE_VERBS.filter((v) => joined.startsWith(v.word) || joined.startsWith(`作${v.word}`) || joined.startsWith(`发表${v.word}`))[0];
    if (next && !roles.includes(roleIn(next.role, type))) roles.push(roleIn(next.role, type));
  }
  return roles;
}

/** The clause (between commas) a position of the sentence is in. */
function clauseOf(s: string, at: number): number {
  return s.slice(0, at).split(CLAUSE).length;
}

/** What each entity of a sentence does in an event of that sentence. */
function participantsOf(s: string, t: Trigger, type: EventType, found: Located[]): Array<{ entity: DraftEntity; role: ParticipantRole }> {
  const out: Array<{ entity: DraftEntity; role: ParticipantRole }> = [];
  const hostVerb = HOST_VERBS.exec(s) ?? ORGANIZER_VERBS.exec(s);
  // 镇总工会联合县人社局举办招聘会: who joins in putting it on organises it too
  const jointly = JOINTLY.exec(s);
  const inspectFrom = /(?:观摩了|参观了|察看了|调研|视察|察看|观摩|深入|莅临|来到|走进|到)/u.exec(s);
  const visitFrom = /赴|参观|来到|走进/u.exec(s);
  const sponsor = SPONSOR.exec(s);
  for (const f of found) {
    const { entity } = f;
    if (entity.type === 'Person') {
      const roles = rolesAfter(s, f.end, type);
      for (const role of roles) out.push({ entity, role });
      if (roles.length > 0) continue;
      // 吴晨到陈堡村调研, 李明远赴深圳: the one who goes is the inspector or the visitor
      if (type === 'Inspection' && inspectFrom && f.end <= inspectFrom.index) out.push({ entity, role: 'inspector' });
      else if (type === 'Visit' && visitFrom && f.end <= visitFrom.index) out.push({ entity, role: 'visitor' });
      // 与镇党委书记孙立平等进行座谈交流: whoever the meeting's own clause names takes part in it
      else if (type === 'Meeting' && clauseOf(s, f.start) === clauseOf(s, t.start)) out.push({ entity, role: 'attendee' });
      continue;
    }
    const before = s.slice(0, f.start);
    // a place is where something happens (在南京签订, 赴上海、杭州开展), unless it starts the clause that holds it (马坝镇召开…会)
    const actor = entity.type === 'Organization' || entity.type === 'Village' || (entity.type === 'Place' && /(?:^|[，,；;：:])[●◆■▲★☆◇□•▪◎]?$/u.test(before));
    if (sponsor && f.start >= sponsor.index && f.end <= sponsor.index + sponsor[0].length && entity.type !== 'Place') out.push({ entity, role: 'organizer' });
    // a ceremony is about the project it starts, wherever the sentence names it (…开工活动在…项目现场举行)
    else if (entity.type === 'Project' && (f.end <= t.start || type === 'Ceremony') && type !== 'Inspection') out.push({ entity, role: 'subject' });
    else if (type === 'Signing' && f.start < t.start && entity.type === 'Organization') out.push({ entity, role: 'signatory' });
    // …开工仪式在开发区举行: where a ceremony is held, a zone or a company, hosts it
    else if (type === 'Ceremony' && entity.type === 'Organization' && /在$/u.test(before)) out.push({ entity, role: 'host' });
    else if (hostVerb && f.end <= hostVerb.index && actor) out.push({ entity, role: HOST_VERBS.test(hostVerb[0]) ? 'host' : 'organizer' });
    else if (jointly && entity.type === 'Organization' && f.start >= jointly.index && f.end <= jointly.index + jointly[0].length) out.push({ entity, role: 'organizer' });
    else if (type === 'Visit' && visitFrom && f.start > visitFrom.index) out.push({ entity, role: 'visited' });
    else if (type === 'Visit' && visitFrom && f.end <= visitFrom.index && entity.type === 'Organization') out.push({ entity, role: 'visitor' });
    else if (type === 'Inspection' && inspectFrom && f.start > inspectFrom.index && entity.type !== 'Place') out.push({ entity, role: 'inspected' });
    else if (type === 'Inspection' && inspectFrom && f.end <= inspectFrom.index && entity.type === 'Organization') out.push({ entity, role: 'inspector' });
  }
  return out;
}

export interface EventState {
  events: DraftEvent[];
  current: DraftEvent | null;
  year?: number;
}

function addParticipants(ev: DraftEvent, list: Array<{ entity: DraftEntity; role: ParticipantRole }>): void {
  const ps = ev.participants ?? (ev.participants = []);
  for (const p of list) {
    if (!ps.some((x) => x.entity === p.entity.key && x.role === p.role)) ps.push({ entity: p.entity.key, role: p.role });
  }
}

/** A sentence's parts between semicolons: each may report an event of its own (…赴印尼…4次；…赴上海…4次). */
function partsOf(s: string): Array<{ text: string; offset: number }> {
  const parts: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  for (const text of s.split(/(?<=[；;])/u)) {
    parts.push({ text, offset });
    offset += text.length;
  }
  return parts;
}

function openEvent(
  sentence: Sentence, part: string, t: Trigger, type: EventType, found: Located[], state: EventState, date: ReturnType<typeof findDates>[number] | undefined,
): DraftEvent {
  const cur = state.current;
  const ev: DraftEvent = {
    key: `event-${state.events.length + 1}`,
    type,
    name: eventName(part, { ...t, type }),
    evidence: sentence.raw,
    confidence: t.ambiguous || !date ? 0.6 : 0.8,
    paragraph: sentence.paragraph,
    sentence: sentence.index,
    participants: [],
  };
  if (date) {
    ev.date = date.date;
    if (date.endDate) ev.endDate = date.endDate;
    if (date.monthOnly) ev.attributes = { dateText: date.text };
  } else if (cur?.date) {
    // no date of its own: on the day of the story it is told in (集中签约活动 … 签订协议; 签约仪式前，…参观了)
    ev.date = cur.date;
    if (type === 'Signing' && OCCASIONS.has(cur.type) && cur.paragraph === sentence.paragraph) ev.partOf = cur.key;
  } else if (!state.year) {
    const dateText = /\d{1,2}月[\d日号至上中下旬]*/u.exec(part)?.[0];
    if (dateText) ev.attributes = { dateText };
  }
  addParticipants(ev, participantsOf(part, t, type, found));
  state.events.push(ev);
  state.current = ev;
  return ev;
}

/**
 * 开发区分别与A、B、C进行合作签约: one Signing per agreement, each between the party before 分别与 and one after
 * it (a kg-article/1 Signing's signatories are the parties to one agreement), held during the story's event.
 */
function openBilateral(
  sentence: Sentence, part: string, t: Trigger, found: Located[], state: EventState, date: ReturnType<typeof findDates>[number] | undefined,
): void {
  const at = part.search(SEPARATELY);
  const occasion = state.current;
  const party = [...found].reverse().find((f) => f.end <= at && f.entity.type === 'Organization');
  const others = found.filter((f) => f.start > at && f.end <= t.start && f.entity.type === 'Organization');
  if (!party || others.length === 0) return;
  // 集中签约仪式 where each party signed its own agreement: the occasion is the ceremony, the agreements the signings
  if (occasion?.type === 'Signing' && occasion.paragraph === sentence.paragraph) occasion.type = 'Ceremony';
  for (const other of others) {
    const ev: DraftEvent = {
      key: `event-${state.events.length + 1}`,
      type: 'Signing',
      name: `${party.entity.name}与${other.entity.name}签约`,
      evidence: sentence.raw,
      confidence: date ? 0.8 : 0.6,
      paragraph: sentence.paragraph,
      sentence: sentence.index,
      participants: [{ entity: party.entity.key, role: 'signatory' }, { entity: other.entity.key, role: 'signatory' }],
    };
    if (date) ev.date = date.date;
    if (occasion) ev.partOf = occasion.key;
    state.events.push(ev);
  }
}

function readPart(sentence: Sentence, part: string, found: Located[], state: EventState, earlier: ReturnType<typeof findDates>): boolean {
  const dates = state.year ? findDates(part, state.year) : [];
  const triggers = triggersIn(part);
  const opened = new Set<EventType>();
  for (const t of triggers) {
    let type = t.type;
    if (/赴/u.test(part) && ['Inspection', 'Meeting', 'Other'].includes(type)) type = 'Visit';
    if (opened.has(type) && t.word !== '节') continue;
    // 参观了…，并与师生座谈交流: a talk held on a visit or an inspection the sentence tells is part of it
    if (t.word === '座谈' && opened.size > 0) continue;
    const date = dates.find((d) => d.index < t.start) ?? dates[0] ?? (opened.size === 0 ? earlier[0] : undefined);
    const cur = state.current;
    // more about the event the story is already telling (签约仪式上, 随后召开的汇报会上, 一行先后察看了), not a new one
    const sameType = [...state.events].reverse().find((e) => e.type === type && e.paragraph === sentence.paragraph && e.sentence !== sentence.index);
    // 召开了X会 names a meeting of its own, unless the story says it followed (随后召开的汇报会上)
    const explicit = /(?:召开|举行|举办|开展|组织)[^，,；;。]*$/u.test(part.slice(0, t.start));
    const follows = /随后|会上|当日|当天/u.test(part);
    // 调研人员一行参观了…: what an inspection's party sees is part of the inspection
    const story = cur && cur.sentence !== sentence.index && !date
      ? (cur.type === type && !explicit) || (cur.paragraph === sentence.paragraph && (follows || SIGHTS.has(t.word))) || (cur.type === 'Inspection' && SIGHTS.has(t.word))
        ? cur
        : explicit ? undefined : sameType
      : sameType && !explicit && (!date || date.date === sameType.date) ? sameType : undefined;
    if (type === 'Signing' && SEPARATELY.test(part)) {
      opened.add(type);
      openBilateral(sentence, part, t, found, state, date ?? (cur?.date ? { date: cur.date, text: '', monthOnly: false, index: 0 } : undefined));
      continue;
    }
    if (story) {
      addParticipants(story, participantsOf(part, t, story.type, found).filter((p) => p.role !== 'signatory'));
      continue;
    }
    if (!date && !EVENT_VERBS.test(part)) continue;
    openEvent(sentence, part, t, type, found, state, date);
    opened.add(type);
  }
  return triggers.length > 0;
}

/**
 * A newsletter's sub-headline (开发区召开政校企人力资源对接会) starts a story: the paragraphs under it tell more of the
 * event it names, told before or after (a layout may put a story's end after another story). One told already of that
 * type is the story (the one whose name has the headline's event word, else the latest); none: a new story begins,
 * and what follows inherits no other story's date.
 */
function storyOfHeadline(s: string, state: EventState): DraftEvent | null {
  const head = triggersIn(s).pop();
  if (!head) return null;
  const earlier = [...state.events].reverse().filter((e) => e.type === head.type && !e.partOf);
  return earlier.find((e) => e.name.includes(head.word)) ?? earlier[0] ?? null;
}

/** Reads one sentence: opens events for its triggers, or adds to the event the story is about. */
export function readEvents(sentence: Sentence, found: Located[], state: EventState): void {
  const s = sentence.clean;
  if (sentence.headline) {
    state.current = storyOfHeadline(s, state);
    return;
  }
  const sentenceDates = state.year ? findDates(s, state.year) : [];
  if (BULLETS.test(s) || (state.current && state.current.paragraph !== sentence.paragraph && sentenceDates.length > 0)) state.current = null;
  let anyTrigger = false;
  for (const part of partsOf(s)) {
    const inPart = found
      .filter((f) => f.start >= part.offset && f.end <= part.offset + part.text.length)
      .map((f) => ({ ...f, start: f.start - part.offset, end: f.end - part.offset }));
    const earlier = sentenceDates.filter((d) => d.index < part.offset);
    if (readPart(sentence, part.text, inPart, state, earlier)) anyTrigger = true;
  }
  // 会上 (at the meeting): from there on the story is a meeting's, the latest told, even when the layout put its end
  // after another story (a caption between, a paragraph moved)
  const turn = s.search(/会上[，,]/u);
  const meeting = turn >= 0 && state.current && state.current.type !== 'Meeting' ? [...state.events].reverse().find((e) => e.type === 'Meeting') : undefined;
  // a sentence without a trigger tells more about the event its story is about: who spoke, who attended
  if (!anyTrigger && state.current) addParticipants(state.current, rolesIn(s, found.filter((f) => !meeting || f.start < turn), state.current.type));
  if (meeting) {
    addParticipants(meeting, rolesIn(s, found.filter((f) => f.start > turn), meeting.type));
    state.current = meeting;
  }
}

/** What the people of a sentence do in an event of the given type, from the verbs after their names. */
function rolesIn(s: string, found: Located[], type: EventType): Array<{ entity: DraftEntity; role: ParticipantRole }> {
  const list: Array<{ entity: DraftEntity; role: ParticipantRole }> = [];
  for (const p of found.filter((f) => f.entity.type === 'Person')) {
    for (const role of rolesAfter(s, p.end, type)) list.push({ entity: p.entity, role });
  }
  return list;
}
