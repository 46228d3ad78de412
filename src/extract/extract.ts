/**
 * The rule-based extractor: plain text of a newsletter → a `kg-article/1` draft, every fact with its
 * sentence, unsure facts marked `"confidence"` in their attributes.
 */
import { createHash } from 'node:crypto';
import { UNIVERSITY_SHORT_FORMS, ZONE_SHORT_FORMS } from './lexicon';
import { LIMITS, validateDocument, type ArticleDocument, type FigureInput, type RelationInput } from '../ingest';
import { FORMAT_TAG, type EntityType } from '../model';
import { articleYear } from './dates';
import { readEvents, type EventState, type Located } from './events';
import { findFigures, periodOf } from './figures';
import { Gazetteer } from './gazetteer';
import { dropOverlaps, findNames, orgKindOf, type NameMention } from './names';
import { findPeople } from './people';
import { Registry, type DraftEntity, type Setting } from './registry';
import { addWords, tokenize } from './segment';
import { splitSentences, type Sentence } from './text';
import { notice, type Notice } from './notices';
import { checkText } from './textCheck';
import { toDocument } from './toDocument';

export interface ArticleMeta {
  id?: string;
  title?: string;
  publishedOn?: string;
  publisher?: string;
  url?: string;
}

export interface ExtractOptions {
  gazetteer?: Gazetteer;
}

export interface Draft {
  document: ArticleDocument;
  /** what the extractor noticed: input it could not read well, facts it left out (a code and its parameters) */
  notices: Notice[];
  /** the notices in English */
  warnings: string[];
  /** how many facts carry a confidence below the sure level */
  unsure: number;
}

const ZONE_RE = /([\u4e00-\u9fff]{2,4}?)(经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区)/u;
const seededGazetteers = new WeakSet<Gazetteer>();

function settingOf(text: string, meta: ArticleMeta, gazetteer: Gazetteer): Setting {
  // a university's newsletter: 学校, 我校 and the units named without it are the university's
  if (meta.publisher && /(?:大学|学院)$/u.test(meta.publisher) && !/开发区|高新区|经开区|园区/u.test(meta.publisher)) {
    return { zone: meta.publisher, kind: 'University', zoneShort: [...UNIVERSITY_SHORT_FORMS] };
  }
  const fromPublisher = meta.publisher && /开发区|高新区|经开区|园区$/u.test(meta.publisher) ? meta.publisher : undefined;
  const m = ZONE_RE.exec(text);
  const known = /开发区/u.test(text) ? gazetteer.find('Organization', '开发区') : undefined;
  const zone = fromPublisher ?? (m ? m[0] : undefined) ?? (known?.kind === 'DevelopmentZone' ? known.name : undefined);
  const cityFrom = zone ?? meta.publisher;
  // a township's government publishes as 马坝镇人民政府: that is a town, not a city
  const cityName = cityFrom ? /^([\u4e00-\u9fff]{2,3}?)(?:市|县|区)?(?:经济|高新|开发|经开|政府|人民|日报|新闻|融媒)/u.exec(cityFrom)?.[1] : undefined;
  const city = cityName && !/[镇乡]$/u.test(cityName) ? cityName : undefined;
  const shorts = zone ? ZONE_SHORT_FORMS.find(([re]) => re.test(zone))?.[1] ?? [] : ['开发区'];
  const zoneShort = [...new Set([...shorts.flatMap((x) => (city ? [`${city}${x}`, `${city}市${x}`] : [])), ...shorts, '我区'])]
    .filter((x) => x !== zone)
    .sort((a, b) => b.length - a.length);
  const town = townOf(text, meta.publisher);
  // a township's own news: published by it, or about no zone and naming it most
  const townNews = Boolean(town) && !zone && !/开发区|高新区|经开区/u.test(text.slice(0, 200));
  return { zone, city, county: mostNamed(text, COUNTY_NAMES), town, townNews, zoneShort, kind: 'DevelopmentZone' };
}

// 盱眙县委, 灌南县人民政府: a county the text names as the level of its officials and bodies (not 全县, 该县)
const COUNTY_NAMES = /([\u4e00-\u9fff]{2})县(?=委|人民政府|政府|人大|政协|长|副县长|常务|[\d，,])/gu;
// 马坝镇召开, 到马坝镇调研: a township
const TOWN_NAMES = /([\u4e00-\u9fff]{2}[镇乡])(?=[\u4e00-\u9fff\d，,])/gu;
const NOT_IN_PLACE_NAME = /[全本我该各每为在到和与及的了是等城小大重集乡镇村县市区省副]/u;

/** The place the text names most often with this pattern, when named more often than any other. */
function mostNamed(text: string, re: RegExp): string | undefined {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(re)) if (!NOT_IN_PLACE_NAME.test(m[1].slice(0, 2))) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && (!second || second[1] < first[1]) ? first[0] : undefined;
}

/** The township an article is about (镇长, 镇党委 alone are its): its publisher's, or the one it names most. */
function townOf(text: string, publisher: string | undefined): string | undefined {
  return (publisher ? /^([\u4e00-\u9fff]{2,3}?[镇乡])(?:人民政府|政府|党委|$)/u.exec(publisher)?.[1] : undefined) ?? mostNamed(text, TOWN_NAMES);
}

function articleId(text: string, meta: ArticleMeta): string {
  if (meta.id) return meta.id;
  return `article-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

function gazetteerHits(s: string, gazetteer: Gazetteer): NameMention[] {
  const out: NameMention[] = [];
  for (const { text, entry, start } of gazetteer.scan(s)) {
    out.push({ type: entry.type, kind: entry.kind, name: text, start, end: start + text.length, confidence: 0.9 });
  }
  return out;
}

function zoneHits(s: string, setting: Setting): NameMention[] {
  const out: NameMention[] = [];
  const forms = [...(setting.zone ? [setting.zone] : []), ...setting.zoneShort];
  if (forms.length === 0) return out;
  for (const m of s.matchAll(new RegExp(forms.join('|'), 'gu'))) {
    out.push({ type: 'Organization', kind: setting.kind, name: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, confidence: 0.7 });
  }
  return out;
}

interface Run {
  registry: Registry;
  zoneEntity?: DraftEntity;
  knownPeople: Set<string>;
  relations: RelationInput[];
  figures: FigureInput[];
  events: EventState;
  period?: { paragraph: number; value: string };
}

function readSentence(sentence: Sentence, run: Run, gazetteer: Gazetteer): void {
  const s = sentence.clean;
  const { registry } = run;
  const tokens = tokenize(s);
  const names = dropOverlaps([...gazetteerHits(s, gazetteer), ...findNames(s, tokens, run.knownPeople), ...zoneHits(s, registry.setting)]);
  const { setting } = registry;
  const zoneShort = setting.kind === 'DevelopmentZone' ? setting.zoneShort.filter((z) => z !== '我区').pop() : undefined;
  const home = setting.kind !== 'DevelopmentZone' && setting.zone ? { name: setting.zone, kind: setting.kind, short: setting.zoneShort } : undefined;
  const people = findPeople(s, names, { city: setting.city, county: setting.county, town: setting.town, known: run.knownPeople, zoneShort, home });
  const found: Located[] = [];
  const ev = { evidence: sentence.raw, sentence: sentence.index };
  for (const named of names) {
    const n = afterPerson(s, named, people);
    if (!n) continue;
    // 泰州市副市长蒋立群率市发改委: 市 is the city the sentence named last, not the article's
    const city = n.type === 'Organization' && /^市/u.test(n.name)
      ? [...names].reverse().find((x) => x.end <= n.start && x.type === 'Place' && /市$/u.test(x.name))?.name.replace(/市$/u, '')
      : undefined;
    const entity = n.kind === setting.kind && setting.zoneShort.includes(n.name) && run.zoneEntity
      ? run.zoneEntity
      : registry.mention(n.type, n.name, { kind: n.kind, confidence: n.confidence, city, ...ev });
    // 鹏飞新能源20GW…项目: the company that builds it, named inside the project's name
    if (n.owner) registry.mention('Organization', n.owner.name, { kind: 'Company', confidence: 0.6, ...ev });
    // the organisation in a person's titles (开发区党工委副书记金锋) is where the person works, not an actor
    if (people.some((p) => n.start >= p.from && n.end <= p.start)) continue;
    found.push({ entity, start: n.start, end: n.end });
  }
  for (const p of people) {
    const person = registry.mention('Person', p.name, { confidence: p.confidence, ...ev });
    run.knownPeople.add(p.name);
    found.push({ entity: person, start: p.start, end: p.end });
    for (const pos of p.positions) {
      if (!pos.org) continue;
      const org = registry.mention('Organization', pos.org.name, { kind: pos.org.kind, confidence: pos.org.confidence, alias: pos.org.alias, ...ev });
      const relation: RelationInput = { type: 'HOLDS_POSITION', from: person.key, to: org.key, attributes: { title: pos.title }, evidence: sentence.raw };
      if (Math.min(p.confidence, pos.org.confidence) < 0.8) relation.attributes = { ...relation.attributes, confidence: 0.6 };
      if (!run.relations.some((r) => r.from === relation.from && r.to === relation.to && r.attributes?.title === pos.title)) run.relations.push(relation);
    }
  }
  // people met before, named again without a title (金锋指出)
  for (const name of run.knownPeople) {
    for (let at = s.indexOf(name); at >= 0; at = s.indexOf(name, at + name.length)) {
      if (found.some((f) => at < f.end && f.start < at + name.length)) continue;
      const entity = registry.find('Person', name);
      if (entity) found.push({ entity, start: at, end: at + name.length });
    }
  }
  found.sort((a, b) => a.start - b.start);
  readEvents(sentence, found, run.events);
  readFigures(sentence, found, run);
}

/**
 * A name that overlaps a person is not a name, unless the segmenter glued the person's last character to an
 * organisation after it (蒋立群率市发改委 as 蒋立/群率/市/发改委): then the organisation is what follows the person and
 * the verb of the story.
 */
function afterPerson(s: string, n: NameMention, people: ReturnType<typeof findPeople>): NameMention | null {
  const person = people.find((p) => n.start < p.end && p.start < n.end);
  if (!person) return n;
  if (n.type !== 'Organization' || person.end >= n.end) return null;
  const rest = s.slice(person.end, n.end).replace(/^(?:率领|带领|陪同|率|和|与|及|、)/u, '');
  if (rest.length < 3 || !orgKindOf(rest)) return null;
  return { ...n, start: n.end - rest.length, name: rest };
}

/** A township's news reports the township's numbers (全镇完成…): its place, drafted on first need. */
function townEntity(sentence: Sentence, run: Run): DraftEntity | undefined {
  const { town } = run.registry.setting;
  if (!town || !run.registry.setting.townNews) return undefined;
  return run.registry.find('Place', town) ?? run.registry.mention('Place', town, { kind: 'Other', confidence: 0.6, evidence: sentence.raw, sentence: sentence.index });
}

function readFigures(sentence: Sentence, found: Located[], run: Run): void {
  const s = sentence.clean;
  const period = periodOf(s, run.events.year);
  if (period) run.period = { paragraph: sentence.paragraph, value: period };
  else if (run.period && run.period.paragraph !== sentence.paragraph) run.period = undefined;
  for (const f of findFigures(s, found)) {
    const about = f.aboutAt !== undefined ? found.find((x) => x.start === f.aboutAt && x.entity.type !== 'Person') : undefined;
    const subject = about?.entity ?? run.zoneEntity ?? found.find((x) => x.entity.type === 'Organization')?.entity ?? townEntity(sentence, run);
    if (!subject) continue;
    const lead = found.find((x) => x.start === f.metricStart);
    const metric = lead && f.metric.length > lead.end - lead.start + 1 ? f.metric.slice(lead.end - lead.start).replace(/^(?:实现|完成|共|累计)/u, '') : f.metric;
    const figure: FigureInput & { qualifier?: string; stated?: string } = { subject: subject.key, metric, value: f.value, unit: f.unit, evidence: sentence.raw };
    const p = run.period?.value;
    if (p) figure.period = p;
    if (f.change !== undefined) figure.change = f.change;
    if (f.qualifier) figure.qualifier = f.qualifier;
    if (f.stated) figure.stated = f.stated;
    run.figures.push(figure);
  }
}

/** Extracts a draft from an article's plain text. Never throws on text: bad input gives warnings and an empty draft. */
export function extractArticle(input: string, meta: ArticleMeta = {}, options: ExtractOptions = {}): Draft {
  const checked = checkText(input);
  const { notices } = checked;
  // longer than an article may store: not one article; say so and draft nothing rather than a partial reading
  const text = checked.text.length > LIMITS.articleText ? '' : checked.text;
  if (checked.text.length > LIMITS.articleText) {
    notices.push(notice('text.tooLong', { length: checked.text.length, max: LIMITS.articleText }));
  }
  const gazetteer = options.gazetteer ?? new Gazetteer();
  if (!seededGazetteers.has(gazetteer)) {
    addWords(gazetteer.entries.flatMap((e) => [e.name, ...e.aliases]));
    seededGazetteers.add(gazetteer);
  }
  const setting = settingOf(text, meta, gazetteer);
  const registry = new Registry(setting, gazetteer);
  const year = articleYear(meta.publishedOn, text);
  if (year === undefined && /\d{1,2}月/u.test(text)) notices.push(notice('date.noYear'));
  const run: Run = {
    registry,
    // the graph's people this text names (found through the gazetteer's index): every known person is looked for at
    // every position of every sentence, so all of a large graph's people would cost seconds per article
    knownPeople: new Set(gazetteer.scan(text).filter((h) => h.entry.type === 'Person').map((h) => h.text)),
    relations: [],
    figures: [],
    events: { events: [], current: null, year },
  };
  const sentences = splitSentences(text);
  if (setting.zone || /开发区/u.test(text)) {
    const zoneName = setting.zone ?? '开发区';
    const used = setting.zoneShort.filter((z) => z !== '我区' && text.includes(z));
    const first = sentences.find((x) => used.some((z) => x.clean.includes(z))) ?? sentences[0];
    run.zoneEntity = registry.mention('Organization', zoneName, {
      kind: setting.kind, confidence: setting.zone ? 0.9 : 0.6, evidence: first?.raw ?? zoneName, sentence: first?.index ?? 0,
    });
    for (const alias of used) registry.mention('Organization', alias, { kind: setting.kind, confidence: 0.9, alias: zoneName, evidence: first?.raw ?? zoneName, sentence: first?.index ?? 0 });
  }
  for (const sentence of sentences) readSentence(sentence, run, gazetteer);
  const document = toDocument({
    article: {
      id: articleId(checked.text, meta),
      title: meta.title ?? sentences.find((x) => x.headline)?.clean ?? (sentences[0]?.clean.slice(0, 60) || 'untitled'),
      publisher: meta.publisher,
      publishedOn: meta.publishedOn,
      url: meta.url,
      language: /[\u4e00-\u9fff]/u.test(text) ? 'zh' : undefined,
      text: text.length > 0 ? text : undefined,
    },
    entities: registry.entities,
    events: run.events.events,
    relations: run.relations,
    figures: run.figures,
  });
  const validation = validateDocument(document.document);
  if (!validation.ok) notices.push(...validation.problems.map((p) => notice('draft.invalid', { path: p.path, message: p.message })));
  return { document: document.document, notices, warnings: notices.map((n) => n.message), unsure: document.unsure };
}

export type { EntityType };
