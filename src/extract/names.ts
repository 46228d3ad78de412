/**
 * Names of organisations, villages, places and projects found in a sentence: from suffixes (有限公司, 大学,
 * 村, 项目 …), walking left over the segmenter's tokens until a word that cannot be part of a name.
 */
import type { EntityType } from '../model';
import {
  INFRASTRUCTURE_WORDS, MANUFACTURING_WORDS, NAME_STOPS, ORG_SUFFIXES, PLACES, PROJECT_SUFFIXES, SERVICES_WORDS,
  TITLES, VILLAGE_SUFFIXES, ZONE_UNITS,
} from './lexicon';
import type { Token } from './segment';

export interface NameMention {
  type: EntityType;
  kind?: string;
  name: string;
  start: number;
  end: number;
  confidence: number;
  /** a project's: the company its name starts with (鹏飞新能源 of 鹏飞新能源20GW…项目) */
  owner?: { name: string; start: number; end: number };
}

const STOP_SET = new Set(NAME_STOPS);
const TITLE_SET = new Set(TITLES);
const STOP_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'r', 'd', 't', 'f', 'q', 'y', 'e', 'o', 'zg', 'nn']);
// verbs that are part of institutional names (市老区开发建设促进会, 综合行政执法局); other verbs end a name
const NAME_VERBS = new Set(['开发', '建设', '发展', '管理', '服务', '合作', '促进', '研究', '创新', '执法', '监督', '规划', '实践',
  '保障', '投资', '控股', '招商', '生产', '制造', '应用', '检测', '设计', '培训', '交流', '孵化', '共享', '养老', '文明', '监管']);
const PLACE_NAMES = new Set(PLACES.map(([p]) => p));
const SHORT_ZONE = /^(开发区|经开区|高新区|园区|工业园)$/u;
const MAX_NAME = 30;

export function orgKindOf(name: string): string | undefined {
  for (const [suffix, kind] of ORG_SUFFIXES) if (name.endsWith(suffix)) return kind;
  for (const unit of ZONE_UNITS) if (name.endsWith(unit)) return unit.endsWith('公司') ? 'Company' : 'GovernmentAgency';
  return undefined;
}

export function projectKindOf(name: string): string {
  if (MANUFACTURING_WORDS.some((w) => name.includes(w))) return 'Manufacturing';
  if (INFRASTRUCTURE_WORDS.some((w) => name.includes(w))) return 'Infrastructure';
  if (SERVICES_WORDS.some((w) => name.includes(w))) return 'Services';
  return 'Other';
}

function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else if (tokens[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function canBeInName(t: Token, project: boolean, people: Set<string>): boolean {
  if (project && t.word === '及') return true;
  // 县人社局, 市发改委: the bare level of government before an agency is part of its name
  if (!project && /^[市县区]$/u.test(t.word)) return true;
  if (STOP_SET.has(t.word) || (!project && TITLE_SET.has(t.word)) || people.has(t.word)) return false;
  if (/^[\s、，,。；;：:“”"《》！？!?]+$/u.test(t.word)) return false;
  if (/^[A-Za-z0-9.\-]+$/u.test(t.word)) return project;
  if (project && (t.tag === 'q' || t.tag === 'm' || t.tag === 'v')) return !/^(?:在|到|为|是|的|了|与|和|对|向)$/u.test(t.word);
  if (STOP_TAGS.has(t.tag)) return false;
  if (t.tag.startsWith('v') && t.tag !== 'vn' && !NAME_VERBS.has(t.word)) return false;
  if (t.tag === 'm' && !project) return false;
  if (/[年月日]$/u.test(t.word) && /\d/u.test(t.word)) return false;
  return /[\u4e00-\u9fffA-Za-z0-9]/u.test(t.word);
}

/** The start of a name ending at `end` whose last token holds `from`: walk left while tokens can be part of a name. */
function walkLeft(sentence: string, tokens: Token[], from: number, project: boolean, people: Set<string>): number {
  let i = tokenAt(tokens, from);
  if (i < 0) return from;
  let start = Math.min(tokens[i].start, from);
  if (!canBeInName(tokens[i], project, people) && tokens[i].start < from) start = from;
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j];
    if (canBeInName(t, project, people)) {
      start = t.start;
      continue;
    }
    // TOPCon、HJT光伏电池项目, 20GW N型: 、 or a space between two Latin words inside a project's name
    if (project && /^(?:、|\s+)$/u.test(t.word) && /[A-Za-z0-9]$/u.test(sentence.slice(0, t.start)) && /^[A-Za-z]/u.test(sentence.slice(t.end))) {
      start = t.start;
      continue;
    }
    // 县自然资源和规划局, 市人力资源和社会保障局: 和 inside an agency's name, a level of government before its first part
    if (!project && t.word === '和' && /^[\u4e00-\u9fff]{2,4}$/u.test(sentence.slice(t.end, from))) {
      const left = /([县市区省])([\u4e00-\u9fff]{2,4})$/u.exec(sentence.slice(Math.max(0, t.start - 5), t.start));
      if (left && !NAME_STOPS.some((w) => left[2].includes(w)) && !orgKindOf(left[2])) {
        start = walkLeft(sentence, tokens, t.start - left[2].length - 1, false, people);
        break;
      }
    }
    // 江南大学生命科学与健康工程学院: 与 inside a college's name when a university stands before it
    if ((t.word === '与' || t.word === '和') && /学院$/u.test(sentence.slice(start, from + 2))) {
      const left = sentence.slice(Math.max(0, t.start - 12), t.start);
      const uni = left.lastIndexOf('大学');
      if (uni >= 0) {
        start = walkLeft(sentence, tokens, Math.max(0, t.start - 12) + uni, false, people);
        break;
      }
      // 参观了船舶与海洋工程学院: one discipline word before 与, after a word no name has
      const word = tokens[j - 1];
      // (not 开发区与江南大学…学院: two parties, the second a university's college)
      if (word && /^[\u4e00-\u9fff]{2,4}$/u.test(word.word) && !orgKindOf(word.word) && !PLACE_NAMES.has(word.word) && !/大学/u.test(sentence.slice(t.end, from))
        && canBeInName(word, false, people) && (j < 2 || !canBeInName(tokens[j - 2], false, people))) start = word.start;
    }
    break;
  }
  return start;
}

const CHAR_WALK_KINDS = new Set(['Company', 'University', 'School', 'Institute']);
const CHAR_STOPS = [...NAME_STOPS, ...TITLES, '了', '的', '是'].sort((a, b) => b.length - a.length);

/**
 * Where a company's or a school's name starts: the segmenter splits unknown brand names into odd pieces
 * (江苏/华鼎/新/材料), so walk left character by character until a word that cannot be inside a name.
 */
function charWalkLeft(sentence: string, from: number, people: Set<string>): number {
  let start = from;
  let crossed = false;
  while (start > 0 && from - start < MAX_NAME) {
    // 招商局重工（江苏）有限公司: a place in brackets inside a company's name
    const bracket = /[（(][\u4e00-\u9fff]{2,4}[）)]$/u.exec(sentence.slice(Math.max(0, start - 8), start));
    if (bracket && start === from) {
      start -= bracket[0].length;
      continue;
    }
    const before = sentence.slice(Math.max(0, start - 6), start);
    if (!/[\u4e00-\u9fffA-Za-z]$/u.test(before)) break;
    const stop = CHAR_STOPS.find((w) => before.endsWith(w));
    // 美的集团股份有限公司: a company's name has a body before its legal form, even when it looks like a word
    if (stop && !crossed && stop.length === 1 && LEGAL_FORM.test(sentence.slice(start, from + 6))) {
      crossed = true;
      start -= 1;
      continue;
    }
    if (stop || [...people].some((p) => before.endsWith(p))) break;
    start -= 1;
  }
  return start;
}
const LEGAL_FORM = /^(?:集团)?(?:股份有限公司|有限责任公司|有限公司|集团)/u;

function suffixRegex(suffixes: string[]): RegExp {
  const sorted = [...suffixes].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((s) => s.replace(/[()]/gu, '\\$&')).join('|'), 'gu');
}

const ORG_RE = suffixRegex([...ORG_SUFFIXES.map(([s]) => s), ...ZONE_UNITS]);
const PROJECT_RE = suffixRegex(PROJECT_SUFFIXES);
const VILLAGE_RE = /(?<=^|[、，,：:；;。（(“]|了|区|镇|乡|街道|到|赴|与|和|及|在|对|至|联合|会同|组织|走访|深入)([^\s在到赴与和及对至了区镇乡的、，,：:；;。（(“][\u4e00-\u9fff]{1,2}?)(村|社区)(?![级民委务庄集镇组])/gu;
const PLACE_RE = suffixRegex(PLACES.map(([p]) => p));
const PLACE_KIND = new Map(PLACES);

// words for any government or any company, not names: 地方政府, 相关部门, 党群服务中心
const GENERIC_ORG = /^(?:地方|当地|各级|有关|相关|各|全|该|本)?(?:政府|部门|单位|企业|公司|党群服务中心|服务中心|学校|医院)$/u;

/** Function words that end a name on their left (参观了中环半导体, 推动与和达科技): particles, prepositions, conjunctions. */
const PARTICLES = new Set(['了', '的', '与', '和', '及', '在', '对', '将', '把', '向', '被', '给', '从', '于', '由', '到', '赴', '是', '并']);
const FUNCTION_TAGS = /^(?:p|c|u[a-z]*|y|e|o)$/u;

/** The token that covers exactly [start, end) of the sentence, if the segmenter made one there. */
function tokenExactly(tokens: Token[], start: number, end: number): Token | undefined {
  const i = tokenAt(tokens, start);
  return i >= 0 && tokens[i].start === start && tokens[i].end === end ? tokens[i] : undefined;
}

/**
 * Where a name without a suffix starts inside `[from, to)`: after the last word the segmenter made of its own that
 * cannot be in a name (a particle, a preposition, a verb of the story). A function word counts only as a word of its
 * own, so 美的电器 keeps its 的 while 参观了中环半导体 loses 参观了.
 */
function nameStartAfterStops(sentence: string, tokens: Token[], from: number, to: number): number {
  let start = from;
  for (let i = Math.max(0, tokenAt(tokens, from)); i < tokens.length && tokens[i].end < to; i++) {
    const t = tokens[i];
    if (t.start < from) continue;
    const stop = PARTICLES.has(t.word) || STOP_SET.has(t.word) || FUNCTION_TAGS.test(t.tag)
      || (t.tag.startsWith('v') && t.tag !== 'vn' && t.word.length > 1 && !NAME_VERBS.has(t.word));
    if (stop) start = t.end;
  }
  return start;
}

/** A name found by its suffix never starts with a function word the segmenter kept apart (了中环半导体有限公司). */
function trimLeadingParticles<T extends NameMention>(m: T, sentence: string, tokens: Token[]): T | null {
  let { start } = m;
  while (m.end - start > 2 && PARTICLES.has(sentence[start]) && tokenExactly(tokens, start, start + 1)) start += 1;
  if (start === m.start) return m;
  const name = sentence.slice(start, m.end);
  return m.end - start >= 2 ? { ...m, start, name } : null;
}

/** 中环半导体、欧力特能源、晶樱光电等企业: names listed before 等企业 (等单位) are organisations without a suffix. */
function listedOrgMentions(sentence: string, tokens: Token[]): NameMention[] {
  const out: NameMention[] = [];
  for (const m of sentence.matchAll(/((?:[\u4e00-\u9fffA-Za-z]{2,12}、)+[\u4e00-\u9fffA-Za-z]{2,12})等(企业|公司|单位)/gu)) {
    let at = m.index ?? 0;
    const items = m[1].split('、');
    // the first item's left edge: the words of the story before it (参观了中环半导体) are not part of it
    const cut = nameStartAfterStops(sentence, tokens, at, at + items[0].length) - at;
    if (cut > 0) {
      at += cut;
      items[0] = items[0].slice(cut);
    }
    for (const item of items) {
      const kind = orgKindOf(item) ?? (m[2] === '单位' && !COMMERCIAL.test(item) ? 'Other' : 'Company');
      if (item.length >= 2 && !/(?:村|社区)$/u.test(item) && !PLACE_NAMES.has(item)) {
        out.push({ type: 'Organization', kind, name: item, start: at, end: at + item.length, confidence: 0.6 });
      }
      at += item.length + 1;
    }
  }
  return out;
}
const COMMERCIAL = /燃气|能源|光电|科技|电子|半导体|材料|集团|股份|电力|化工|机械|制造|实业|物流|置业|银行/u;

function orgMentions(sentence: string, tokens: Token[], people: Set<string>): NameMention[] {
  const out: NameMention[] = [];
  for (const m of sentence.matchAll(ORG_RE)) {
    const sEnd = (m.index ?? 0) + m[0].length;
    // a suffix that runs into a title (党委书记, 局长) or goes on as a longer word is not the end of a name
    if (TITLES.some((t) => sentence.startsWith(t, m.index ?? 0) && t.length > m[0].length)) continue;
    // 江苏华昇…有限公司母公司上海华昇集团: a parent or a subsidiary is said of a company, it is not one's name
    if (m[0] === '公司' && /[母子]$/u.test(sentence.slice(0, m.index ?? 0))) continue;
    // 政协委员, 人大代表: members, not the body
    if (m[0] === '政协' && /^委员(?!会)/u.test(sentence.slice(sEnd))) continue;
    const suffixKind = orgKindOf(m[0]);
    let start = suffixKind && CHAR_WALK_KINDS.has(suffixKind) && !/学院$/u.test(m[0])
      ? charWalkLeft(sentence, m.index ?? 0, people)
      : walkLeft(sentence, tokens, m.index ?? 0, false, people);
    // “绿色智能船舶联合研发中心”: a quoted name is the whole quotation
    const quoted = /“([^“”]{2,30})$/u.exec(sentence.slice(Math.max(0, sEnd - 31), sEnd));
    if (quoted && sentence[sEnd] === '”') start = sEnd - quoted[1].length;
    // 共建现代产业学院: what is to be built is a plan, not yet an organisation (unless it is named in quotes)
    else if (/(?:共建|筹建|打造|建设)[\u4e00-\u9fff]{0,4}$/u.test(sentence.slice(0, start))) continue;
    const name = sentence.slice(start, sEnd);
    const bareUnit = ZONE_UNITS.includes(name);
    if (name.length <= m[0].length && !bareUnit) continue;
    if (name.length > MAX_NAME) continue;
    const kind = orgKindOf(name);
    if (!kind || GENERIC_ORG.test(name)) continue;
    // 高邮开发区 is a zone; 帮助开发区 is not: a short zone word needs a place before it
    const zoneWord = SHORT_ZONE.exec(m[0]);
    if (zoneWord && !PLACE_NAMES.has(name.slice(0, -m[0].length).replace(/[市县区]$/u, ''))) continue;
    if (m[0] === '局' && /(?:布|格|结|大|开|全|当|时|赛|骗|饭|邮|政|棋|僵|残)局$/u.test(name)) continue;
    // 苏州普康智慧养老有限公司高邮分公司: a branch names its company
    const parent = /^(.{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团|银行))[\u4e00-\u9fff]{0,6}(?:分公司|分行|支行)$/u.exec(name)?.[1];
    const owner = parent ? { name: parent, start, end: start + parent.length } : undefined;
    out.push({ type: 'Organization', kind, name, start, end: sEnd, confidence: bareUnit || name.length <= 3 ? 0.6 : 0.85, owner });
  }
  return out;
}

// categories of projects, not projects: 重大项目, 扬州市级重大制造业项目, 村级集体经济项目, 外资项目
const GENERIC_PROJECT = /(?:国家|省|市|县|区|镇|村|乡)级|重大|重点|在手|在建|新开工|新竣工|外资|列省|集体经济|亿元以上|^(?:该|此|相关|各类|工业|服务业|签约|原有|缺少|要[招建抓]|确保|洽谈|招引|招商|储备|产业|推进)|(?:工业|服务业|制造业)项目$/u;

const OWNER_WITH_FORM = /^[\u4e00-\u9fff（）()]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团)(?=.)/u;
const OWNER_BRAND = /^[\u4e00-\u9fff]{2,6}?(?=\d|年产)/u;
const NOT_AN_OWNER = /^(?:新建|扩建|改建|续建|建设|实施|推进|启动|开工|投产|计划|拟建|总投资|投资|新增|建成|打造|全市|全区|全县|年产)|[级类型期]$/u;

/** 鹏飞新能源20GW…项目, 东润年产1.6GWh…项目, 江苏华昇…有限公司年产…项目: the company a project's name starts with. */
function ownerOf(name: string, at: number): NameMention['owner'] {
  const m = OWNER_WITH_FORM.exec(name) ?? OWNER_BRAND.exec(name);
  if (!m || NOT_AN_OWNER.test(m[0]) || PLACE_NAMES.has(m[0]) || PLACE_PREFIX.test(m[0]) && !/(?:公司|集团)$/u.test(m[0])) return undefined;
  return { name: m[0], start: at, end: at + m[0].length };
}

/**
 * 新能源材料项目, 光伏项目: a sector, not a project. A project's name says whose it is, where, how big or which phase
 * (a company, a place, a number, 二期, a quotation), or is long enough to be a description of one thing.
 */
function specificProject(name: string): boolean {
  const body = name.slice(0, -2);
  return /\d|[一二三四五六七八九十]期|年产|有限公司|集团|股份|[“"《]/u.test(body) || PLACE_PREFIX.test(body)
    || /[\u4e00-\u9fff]{2}(?:市|县|区|镇|乡|村|街道)/u.test(body) || body.length >= 8;
}
const PLACE_PREFIX = new RegExp(`^(?:${PLACES.map(([p]) => p).join('|')})`, 'u');

function projectMentions(sentence: string, tokens: Token[], people: Set<string>): NameMention[] {
  const out: NameMention[] = [];
  for (const m of sentence.matchAll(PROJECT_RE)) {
    const sEnd = (m.index ?? 0) + m[0].length;
    let start = walkLeft(sentence, tokens, m.index ?? 0, true, people);
    const company = /(?:有限公司|股份有限公司|集团)/u.exec(sentence.slice(start, m.index ?? 0));
    if (company || start === (m.index ?? 0)) start = Math.min(start, charWalkLeft(sentence, start, people));
    let name = sentence.slice(start, sEnd).replace(/^(?:总投资|投资|年产值)[\d.]+亿元的/u, '');
    // 昌农村鑫潮生态园: the village before a village project is not part of its name
    const village = /^[\u4e00-\u9fff]{2,3}?(?:村|社区)(?=[\u4e00-\u9fff]{3,})/u.exec(name);
    if (village && !/项目$/u.test(village[0])) name = name.slice(village[0].length);
    name = name.replace(/^项目/u, '');
    name = name.replace(/项目项目$/u, '项目');
    // a project's name says whose or what it is: at least four characters before 项目 (东润年产…项目), two before 生态园
    const minBefore = m[0] === '项目' ? 4 : 2;
    if (name.length < m[0].length + minBefore || name.length > 50 || GENERIC_PROJECT.test(name)) continue;
    if (/^(\d|[一二三四五六七八九十]+个|新开工|新竣工)/u.test(name) || /(亿元|万元|万美元)[以及上下]*项目$/u.test(name)) continue;
    // 横向科研项目27项: a count of projects of a kind, not one project
    if (/^\d+(?:\.\d+)?(?:个|项)/u.test(sentence.slice(sEnd))) continue;
    if (m[0] === '项目' && !specificProject(name)) continue;
    // 打造长三角新能源产业基地: what a place wants to become, not a project
    if (m[0] !== '项目' && sentence[sEnd] !== '”' && /(?:打造|成为|建成|作为|定位为)[^，,。；;“]{0,12}$/u.test(sentence.slice(0, sEnd - name.length))) continue;
    out.push({ type: 'Project', kind: projectKindOf(name), name, start: sEnd - name.length, end: sEnd, confidence: 0.7, owner: ownerOf(name, sEnd - name.length) });
  }
  return out;
}

function villageMentions(sentence: string): NameMention[] {
  const out: NameMention[] = [];
  for (const m of sentence.matchAll(VILLAGE_RE)) {
    const name = m[1] + m[2];
    if (/[各全每本该个乡新]$/u.test(m[1]) || /^[各全每本该]/u.test(m[1]) || NAME_STOPS.some((w) => w.length > 1 && m[1].includes(w))) continue;
    const kind = VILLAGE_SUFFIXES.find(([s]) => m[2] === s)?.[1];
    out.push({ type: 'Village', kind, name, start: m.index ?? 0, end: (m.index ?? 0) + name.length, confidence: 0.8 });
  }
  return out;
}

// 马坝镇, 新集镇: a township, named where a name can start (not 全镇, 城镇, 乡镇)
const TOWN_RE = /(?<=^|[、，,：:；;。（(“]|了|县|市|区|到|赴|与|和|及|在|对|至|联合|深入|来到|走进)([\u4e00-\u9fff]{2})([镇乡])(?![长级域])/gu;
const NOT_A_TOWN = /[全本我该各每为在到和与及的了是等城小大重集乡镇村县市区省]/u;

function placeMentions(sentence: string): NameMention[] {
  const out: NameMention[] = [];
  for (const m of sentence.matchAll(TOWN_RE)) {
    if (NOT_A_TOWN.test(m[1])) continue;
    out.push({ type: 'Place', kind: 'Other', name: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, confidence: 0.7 });
  }
  for (const m of sentence.matchAll(PLACE_RE)) {
    let name = m[0];
    const start = m.index ?? 0;
    if (sentence[start + name.length] === '市' && PLACE_KIND.get(name) === 'City') name += '市';
    out.push({ type: 'Place', kind: PLACE_KIND.get(m[0]), name, start, end: start + name.length, confidence: 0.9 });
  }
  return out;
}

/** Longer mentions win over the ones they contain or overlap; on equal length, the earlier one. */
export function dropOverlaps<T extends { start: number; end: number }>(mentions: T[]): T[] {
  const sorted = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const m of sorted) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** Every organisation, village, place and project a sentence names by its form. */
export function findNames(sentence: string, tokens: Token[], people: Set<string>): NameMention[] {
  const byForm = [
    ...projectMentions(sentence, tokens, people),
    ...orgMentions(sentence, tokens, people),
    ...listedOrgMentions(sentence, tokens),
  ].flatMap((m) => trimLeadingParticles(m, sentence, tokens) ?? []);
  return [...byForm, ...villageMentions(sentence), ...placeMentions(sentence)];
}
