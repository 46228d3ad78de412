/**
 * People with their positions, from the genre's patterns: `<organisation><title><name>`, chains of titles
 * joined by 、 before one name (开发区党工委副书记、管委会主任金锋), names sharing the titles before them
 * (副主席钱靖平、孙学平), and titles without an organisation that inherit the previous one in the sentence.
 */
import { TITLES } from './lexicon';
import type { NameMention } from './names';
import { DOUBLE_SURNAMES, NAME_FOLLOWERS, SURNAMES } from './surnames';

/** An organisation as a position names it: a mention of the sentence, or one implied by the title (市委常委). */
export interface OrgRef {
  name: string;
  kind?: string;
  /** names the organisation is also called in the text */
  alias?: string;
  confidence: number;
}

export interface Position {
  title: string;
  org: OrgRef | null;
}

export interface PersonMention {
  /** where the words of its first position start: the organisations there are the person's, not actors */
  from: number;
  name: string;
  start: number;
  end: number;
  positions: Position[];
  confidence: number;
}

export interface PeopleContext {
  /** the city the article is about (高邮): 我市, 市委 and 副市长 refer to it */
  city?: string;
  /** the county the article names its officials by (盱眙): 县委书记 and 县长 alone are its, when no city says otherwise */
  county?: string;
  /** the township the article is about (马坝镇): 镇党委书记, 镇长 and 镇人大主席 are its */
  town?: string;
  /** known person names (found earlier in the article or in the graph) */
  known: Set<string>;
  /** the zone's short name as the text writes it (开发区): 党工委副书记 alone is the zone's */
  zoneShort?: string;
  /** the article's own institution when it is not a zone (a university's newsletter): 校长 alone is its */
  home?: { name: string; kind: string; short: string[] };
}

const DELIMS = /[、，,；;：:。“”"（）()\s]/u;
const PARTY_DEPTS = ['组织部', '宣传部', '统战部', '政法委', '纪委'];
const CITY_PREFIX = /^(?:我市|本市|全市|市|我县|本县|全县|县)$/u;
// words before a position that are not part of it: 在灌南县委书记陈国华的见证下, 由科研院院长徐东主持
const POSITION_LEAD = /^(?:在|由|与|和|及|受|向|请|邀请)/u;

function isHan(s: string): boolean {
  return /^[\u4e00-\u9fff]+$/u.test(s);
}

function boundaryAt(s: string, i: number): boolean {
  if (i >= s.length) return true;
  if (DELIMS.test(s[i])) return true;
  // 刘国华教授, 孙立平书记要求: a title after a name ends it
  return NAME_FOLLOWERS.some((f) => s.startsWith(f, i)) || POST_TITLES.some((t) => s.startsWith(t, i));
}

/** Titles written after a name (院长刘国华教授, 孙立平书记): they end the name; they say no organisation. */
const POST_TITLES = ['教授', '研究员', '院士', '博士', '书记', '主任', '镇长', '县长', '市长', '区长', '局长', '董事长', '总经理', '会长', '校长', '院长', '主席', '部长', '处长', '委员', '同志'];

/** A person's name starting at `i`, or null. */
export function nameAt(s: string, i: number, known: Set<string>): string | null {
  for (const k of known) if (s.startsWith(k, i) && boundaryAt(s, i + k.length)) return k;
  const double = DOUBLE_SURNAMES.some((d) => s.startsWith(d, i));
  if (!double && !SURNAMES.has(s[i])) return null;
  const two = s.slice(i, i + 2);
  const three = s.slice(i, i + 3);
  const candidates = double ? [s.slice(i, i + 3), s.slice(i, i + 4)] : [two, three];
  // 金锋等出席: the third character starting a follower word means the name has two
  if (!double && NAME_FOLLOWERS.some((f) => s.startsWith(f, i + 2))) return isHan(two) && two.length === 2 ? two : null;
  for (const c of [...candidates].reverse()) {
    if (c.length >= 2 && isHan(c) && boundaryAt(s, i + c.length) && !TITLES.some((t) => c.includes(t))) return c;
  }
  return null;
}

interface TitleHit {
  title: string;
  start: number;
  end: number;
}

const TITLES_BY_FIRST = new Map<string, string[]>();
for (const t of TITLES) TITLES_BY_FIRST.set(t[0], [...(TITLES_BY_FIRST.get(t[0]) ?? []), t]);

function titleHits(s: string): TitleHit[] {
  const hits: TitleHit[] = [];
  for (let i = 0; i < s.length; i++) {
    const t = TITLES_BY_FIRST.get(s[i])?.find((x) => s.startsWith(x, i));
    if (t) {
      hits.push({ title: t, start: i, end: i + t.length });
      i += t.length - 1;
    }
  }
  return hits;
}

// 市委/县委/区委 titles name the party committee of that level, 市长/县长/区长 titles its government
function levelOf(title: string): { level: string; party: boolean } | null {
  const m = /([市县区])委/u.exec(title) ?? /([市县区])长$/u.exec(title);
  return m ? { level: m[1], party: m[0].endsWith('委') } : null;
}

/** Where a title of a city, a county or a district without a place of its own belongs: the article's place of that level. */
function levelPlace(title: string, ctx: PeopleContext): string | undefined {
  return levelOf(title)?.level === '县' ? ctx.county ?? ctx.city : ctx.city;
}

// 马坝镇党委书记, 镇党委副书记、镇长, 镇人大主席: a township's party committee, government and other bodies
const TOWN_PREFIX = /^(?:([\u4e00-\u9fff]{2,3}?[镇乡])|[镇乡](?![村镇乡]))([\u4e00-\u9fff]{0,6})$/u;
const TOWN_HEAD = /^(?:常务)?副?[镇乡]长$/u;

/** The township a position's words name (or the article's, for 镇 alone), and the unit of it they name. */
function townPosition(prefix: string, title: string, previous: OrgRef | null, ctx: PeopleContext): Position | null {
  const m = TOWN_PREFIX.exec(prefix);
  const chainTown = /^中共(.+?[镇乡])委员会$|^(.+?[镇乡])(?:人民政府|党委)$/u.exec(previous?.name ?? '');
  const town = m?.[1] ?? (m || TOWN_HEAD.test(title) ? chainTown?.[1] ?? chainTown?.[2] ?? ctx.town : undefined);
  if (!town) return null;
  const unit = m?.[2] ?? '';
  if (TOWN_HEAD.test(title) && unit === '') return { title, org: { name: `${town}人民政府`, kind: 'GovernmentAgency', confidence: 0.7 } };
  if (/^党委/u.test(title) && unit === '') {
    return { title, org: { name: `中共${town}委员会`, alias: `${town}党委`, kind: 'PartyCommittee', confidence: 0.7 } };
  }
  if (!m || unit === '' || !isHan(unit)) return null;
  // 镇人大主席, 镇纪委书记: a body of the township named by its short form
  const kind = unit === '人大' ? 'GovernmentAgency' : /纪委|党委/u.test(unit) ? 'PartyCommittee' : 'GovernmentAgency';
  return { title, org: { name: town + unit, kind, confidence: 0.6 } };
}

function cityOrg(title: string, prefix: string, fallback: string | undefined): OrgRef | null {
  const lv = levelOf(title);
  if (!lv) return null;
  // 泰州市副市长, 灌南县委书记: the place the words name; 市长 alone: the place of the chain, or the article's
  const place = new RegExp(`^([\u4e00-\u9fff]{2,3}?)${lv.level}$`, 'u').exec(prefix)?.[1] ?? /^([\u4e00-\u9fff]{2,3})$/u.exec(prefix)?.[1] ?? fallback;
  if (!place) return null;
  if (lv.party) return { name: `中共${place}${lv.level}委`, alias: `${place}${lv.level}委`, kind: 'PartyCommittee', confidence: 0.7 };
  return { name: `${place}${lv.level}人民政府`, kind: 'GovernmentAgency', confidence: 0.7 };
}

/** The place of the organisation a chain of titles named last (中共灌南县委 → 灌南). */
function chainPlace(previous: OrgRef | null): string | undefined {
  const name = previous?.name ?? '';
  return /^中共(.+?)[市县区]委$/u.exec(name)?.[1] ?? /^(.+?)[市县区]人民政府$/u.exec(name)?.[1];
}

// titles only some kinds of organisation have: a 校长 after a company's 董事长 is not the company's
const TITLE_KINDS: Array<[RegExp, string[]]> = [
  [/校长/u, ['University', 'School']],
  [/董事长|总经理|总裁|厂长/u, ['Company']],
];

function fits(title: string, org: OrgRef | null): boolean {
  const rule = TITLE_KINDS.find(([re]) => re.test(title));
  return !rule || !org?.kind || rule[1].includes(org.kind);
}

/** The organisation a title without one of its own belongs to: the chain's, unless the title cannot be there. */
function inherited(title: string, previous: OrgRef | null, ctx: PeopleContext): OrgRef | null {
  // 开发区党工委委员、副主任: the zone's 管委会 has the 主任s
  if (previous && /党工委$/u.test(previous.name) && /^(?:常务)?副?主任$/u.test(title)) {
    return { name: previous.name.replace(/党工委$/u, '管委会'), kind: 'GovernmentAgency', confidence: previous.confidence };
  }
  if (fits(title, previous)) return previous;
  return ctx.home && fits(title, { name: ctx.home.name, kind: ctx.home.kind, confidence: 0.7 }) ? { name: ctx.home.name, kind: ctx.home.kind, confidence: 0.7 } : null;
}

/** The organisation and title a position's words give; `previous` is the organisation of the chain before it. */
function positionOf(
  s: string, from: number, hit: TitleHit, orgs: NameMention[], previous: OrgRef | null, ctx: PeopleContext,
): Position | null {
  from += POSITION_LEAD.exec(s.slice(from, hit.start))?.[0].length ?? 0;
  const prefix = s.slice(from, hit.start);
  // 开发区党工委书记 where the graph knows 开发区党工委: the name runs into the title, whose first words it ends with
  const known = orgs.find((o) => o.type === 'Organization' && o.start >= from && o.start < hit.start && o.end > hit.start && o.end < hit.end);
  if (known) return { title: hit.title, org: { name: known.name, kind: known.kind, confidence: known.confidence } };
  const org = orgs.filter((o) => o.type === 'Organization' && o.start >= from && o.end <= hit.start).pop();
  if (org) {
    const unit = s.slice(org.end, hit.start);
    // 上海交通大学科研院副院长: a unit (a 处, a 部, a 院 of a university) between the organisation and the title
    if (unit && !/[处部科室办院]$|中心$/u.test(unit)) return null;
    const ref: OrgRef = { name: org.name, kind: org.kind, confidence: org.confidence };
    // 开发区党工委副书记: the party working committee of the zone, titled 党工委副书记
    const inner = /^(党工委|管委会|纪工委)/u.exec(hit.title);
    if (inner && !unit) return { title: hit.title, org: { name: org.name + inner[1], kind: inner[1] === '管委会' ? 'GovernmentAgency' : 'PartyCommittee', confidence: ref.confidence } };
    return { title: unit + hit.title, org: ref };
  }
  // 校党委书记, 学校副校长: the university whose newsletter it is
  if (ctx.home && (ctx.home.short.includes(prefix) || prefix === '校')) return { title: hit.title, org: { name: ctx.home.name, kind: ctx.home.kind, confidence: 0.8 } };
  const p = prefix.replace(CITY_PREFIX, '');
  const town = townPosition(prefix, hit.title, previous, ctx);
  if (town) return town;
  const implied = CITY_PREFIX.test(prefix) || prefix === '' ? cityOrg(hit.title, '', chainPlace(previous) ?? levelPlace(hit.title, ctx)) : cityOrg(hit.title, prefix, undefined);
  const inner = /^(党工委|管委会|纪工委)/u.exec(hit.title);
  if (inner && prefix === '' && ctx.zoneShort) {
    return { title: hit.title, org: { name: ctx.zoneShort + inner[1], kind: inner[1] === '管委会' ? 'GovernmentAgency' : 'PartyCommittee', confidence: 0.7 } };
  }
  if (implied) return { title: hit.title, org: implied };
  if (p === '' || CITY_PREFIX.test(prefix)) return { title: hit.title, org: inherited(hit.title, previous, ctx) };
  if (!isHan(p.replace(/[()（）]/gu, '')) || p.length > 10) return null;
  const dept = PARTY_DEPTS.find((d) => p.endsWith(d));
  // 盐城市委常委、宣传部部长: the department of the party committee the chain named, else of the article's city
  const committee = previous && /^中共.+[市县区]委$/u.test(previous.name) ? previous.name : ctx.city ? `中共${ctx.city}市委` : undefined;
  if (dept && committee) return { title: p + hit.title, org: { name: committee + dept, kind: 'PartyCommittee', confidence: 0.6 } };
  if (/[处部科室办]$/u.test(p)) return { title: p + hit.title, org: previous };
  return null;
}

/** People named with titles in a sentence, and the positions the titles give. */
export function findPeople(s: string, orgs: NameMention[], ctx: PeopleContext): PersonMention[] {
  const people: PersonMention[] = [];
  let pending: Position[] = [];
  let lastOrg: OrgRef | null = null;
  let lastPositions: Position[] = [];
  let from = 0;
  let chainStart: number | undefined;
  for (const hit of titleHits(s)) {
    if (hit.start < from) continue;
    // the position's words start after the last delimiter before the title
    let start = from;
    for (let i = hit.start - 1; i >= from; i--) if (DELIMS.test(s[i]) && !/[()（）]/u.test(s[i])) { start = i + 1; break; }
    if (start > from && !/[、]/u.test(s[start - 1])) {
      pending = [];
      chainStart = undefined;
    }
    const position = positionOf(s, start, hit, orgs, lastOrg, ctx);
    if (!position) { from = hit.end; pending = []; continue; }
    if (position.org) lastOrg = position.org;
    const name = nameAt(s, hit.end, ctx.known);
    if (!name) {
      if (s[hit.end] === '、') {
        pending.push(position);
        chainStart ??= start;
      }
      else pending = [];
      from = hit.end;
      continue;
    }
    const positions = [...pending, position];
    people.push({ from: chainStart ?? start, name, start: hit.end, end: hit.end + name.length, positions, confidence: position.org ? 0.85 : 0.6 });
    chainStart = undefined;
    lastPositions = positions;
    pending = [];
    from = hit.end + name.length;
    // 院长刘国华教授、副院长黄敏: a title after the name is said of that person, not the next one's first title
    from += POST_TITLES.find((t) => s.startsWith(t, from))?.length ?? 0;
    // 副主席钱靖平、孙学平: names listed after one share its titles
    while (s[from] === '、') {
      const next = nameAt(s, from + 1, ctx.known);
      if (!next || TITLES.some((t) => s.startsWith(t, from + 1))) break;
      people.push({ from: from + 1, name: next, start: from + 1, end: from + 1 + next.length, positions: lastPositions, confidence: 0.7 });
      from += 1 + next.length;
    }
  }
  return people;
}
