/**
 * The draft's entities: mentions of the same thing become one entity with one key; short forms of the
 * article's own zone and city (开发区党工委, 区综合行政执法局, 市科协) are expanded to full names, the short form
 * kept as an alias; names known to the graph get its id.
 */
import type { EntityInput } from '../ingest';
import { nameKey, type EntityType } from '../model';
import type { Gazetteer } from './gazetteer';
import { PLACES, UNIVERSITY_UNIT, ZONE_UNITS } from './lexicon';

const PLACE_START = new RegExp(`^(?:${PLACES.map(([p]) => p).join('|')})|^[\\u4e00-\\u9fff]{2,3}[省市县]`, 'u');

export interface Setting {
  /** the article's development zone, full name (高邮经济开发区), when known */
  zone?: string;
  /** what the text calls the zone for short (开发区, 高新区, 宿迁经开区), longest first */
  zoneShort: string[];
  /** the city the article is about, without 市 (高邮) */
  city?: string;
  /** the county its officials' titles name (盱眙 of 县委书记), without 县 */
  county?: string;
  /** the township its bare 镇 titles and bodies are of (马坝镇) */
  town?: string;
  /** the article is a township's own news: its numbers are the township's */
  townNews?: boolean;
  /** what the article's own institution is: a development zone, or a university publishing its news */
  kind: 'DevelopmentZone' | 'University';
}

export interface DraftEntity extends EntityInput {
  confidence: number;
  evidenceSentence: number;
}

const KEY_PREFIX: Record<EntityType, string> = { Person: 'person', Organization: 'org', Village: 'village', Place: 'place', Project: 'project' };

/** `short` is the trade name of the company called `full` (新瑞光电 of 新瑞光电科技有限公司): its name up to its business and legal form. */
function tradeNameOf(short: string, full: string): boolean {
  if (short.length < 2 || PLACE_START.test(short)) return false;
  // 江苏恒越光能科技有限公司 is 恒越光能 of Jiangsu: a place before the trade name is not part of it
  return [full, full.replace(PLACE_START, '').replace(/^[省市县]/u, '')].some((body) =>
    body.length > short.length && body.startsWith(short) && /^[\u4e00-\u9fff]{0,8}(?:股份有限公司|有限责任公司|有限公司|集团)$/u.test(body.slice(short.length)));
}

const CITY_SHI = new RegExp(`^(${PLACES.filter(([, kind]) => kind === 'City').map(([p]) => p).join('|')})市(?=[\\u4e00-\\u9fff]{2})`, 'u');

/** 扬州科协 and 扬州市科协: in one article, a city's body with and without 市 is one body (a lookup key, never a name). */
function cityKey(type: EntityType, name: string): string {
  return `${type}|~${nameKey(name.replace(CITY_SHI, '$1'))}`;
}

export class Registry {
  readonly entities: DraftEntity[] = [];
  private readonly byName = new Map<string, DraftEntity>();
  private readonly counters = new Map<EntityType, number>();

  constructor(readonly setting: Setting, private readonly gazetteer: Gazetteer) {}

  /** The full name a short form stands for in this article (开发区经发局 → 高邮经济开发区经发局), or the name. */
  expand(type: EntityType, name: string, city = this.setting.city): string {
    const { zone, zoneShort, kind } = this.setting;
    if (type !== 'Organization') return name;
    if (name === '管委') name = '管委会';
    if (zone) {
      const short = zoneShort.find((z) => name.startsWith(z));
      if (short) return zone + name.slice(short.length);
      if (kind === 'University') return this.universityUnit(name) ? zone + name : name;
      if (/^区/u.test(name) && name.length > 3) return zone + name.slice(1);
      if (ZONE_UNITS.includes(name)) return zone + (name === '管委' ? '管委会' : name);
    }
    // 县人社局 in a county's news: that county's; 镇总工会 in a township's: that township's
    const county = /^(?:我|本)?县/u.test(name) ? this.setting.county ?? city : city;
    if (county && /^(?:我市|本市|市|我县|本县|县)[\u4e00-\u9fff]{2,}/u.test(name) && !/^市(?:场|民)/u.test(name)) {
      const level = /^(?:我|本)?县/u.test(name) ? '县' : '市';
      return `${county}${level}${name.replace(/^(?:我市|本市|市|我县|本县|县)/u, '')}`;
    }
    const { town } = this.setting;
    if (town && /^(?:我|本)?[镇乡][\u4e00-\u9fff]{2,}/u.test(name) && name[name.search(/[镇乡]/u)] === town.slice(-1)) {
      return town + name.replace(/^(?:我|本)?[镇乡]/u, '');
    }
    return name;
  }

  /** 船舶与海洋工程学院 in a university's newsletter: a unit of that university (not 上海交通大学科研院, not 江苏省…学院). */
  private universityUnit(name: string): boolean {
    return UNIVERSITY_UNIT.test(name) && !/大学|学校|公司|集团/u.test(name) && !PLACE_START.test(name) && name.length >= 3 && name.length <= 16;
  }

  /** The kind of a unit of the article's own institution (a zone's 招商服务中心, a university's 学院). */
  private unitKind(full: string, kind: string | undefined): string | undefined {
    const { zone, kind: home } = this.setting;
    if (!zone || !full.startsWith(zone) || full === zone) return kind;
    if (home === 'University') return 'University';
    // 开发区招商服务中心: a service centre of the zone is part of its administration
    return kind === 'Other' && /中心$/u.test(full) ? 'GovernmentAgency' : kind;
  }

/**
   * 新瑞光电 and 新瑞光电科技有限公司: a company named by its trade name and by its full name is one company (the full
   * name is its name, the trade name an alias).
   */
  private sameCompany(name: string): DraftEntity | undefined {
    const companies = this.entities.filter((e) => e.type === 'Organization' && e.kind === 'Company');
    const hit = companies.find((e) => tradeNameOf(e.name, name) || tradeNameOf(name, e.name));
    if (hit && tradeNameOf(hit.name, name)) {
      hit.aliases = [...new Set([...(hit.aliases ?? []), hit.name])].filter((x) => x !== name);
      hit.name = name;
    }
    return hit;
  }

  find(type: EntityType, name: string): DraftEntity | undefined {
    return this.byName.get(`${type}|${nameKey(name)}`) ?? this.byName.get(`${type}|${nameKey(this.expand(type, name))}`);
  }

  /** The entity a mention names, made on first sight. */
  mention(
    type: EntityType,
    written: string,
    opts: { kind?: string; confidence: number; evidence: string; sentence: number; alias?: string; city?: string },
  ): DraftEntity {
    const full = this.expand(type, written, opts.city);
    if (type === 'Organization') opts = { ...opts, kind: this.unitKind(full, opts.kind) };
    const names = [...new Set([full, written, ...(opts.alias ? [opts.alias] : [])])];
    let entity = names.map((n) => this.byName.get(`${type}|${nameKey(n)}`) ?? this.byName.get(cityKey(type, n))).find(Boolean);
    entity ??= type === 'Organization' && opts.kind === 'Company' ? this.sameCompany(full) : undefined;
    const known = entity ? undefined : names.map((x) => this.gazetteer.find(type, x)).find(Boolean);
    // 扬州 and 扬州市, names the graph has for one entity: one draft entity with its id (two would be a duplicate id)
    if (!entity && known) entity = this.entities.find((e) => e.id === known.id);
    if (!entity) {
      const n = (this.counters.get(type) ?? 0) + 1;
      this.counters.set(type, n);
      entity = { key: `${KEY_PREFIX[type]}-${n}`, type, name: full, confidence: opts.confidence, evidence: opts.evidence, evidenceSentence: opts.sentence };
      if (opts.kind) entity.kind = opts.kind;
      if (known) {
        entity.id = known.id;
        // 开发区 in a text about a zone the graph knows: the draft names it as the graph does
        if (known.aliases.some((a) => nameKey(a) === nameKey(full))) {
          entity.name = known.name;
          names.push(full);
        }
        if (!entity.kind && known.kind) entity.kind = known.kind;
        entity.confidence = Math.max(entity.confidence, 0.9);
      }
      this.entities.push(entity);
    } else {
      entity.confidence = Math.max(entity.confidence, opts.confidence);
      if (!entity.kind && opts.kind) entity.kind = opts.kind;
    }
    for (const n of names) {
      this.byName.set(`${type}|${nameKey(n)}`, entity);
      if (!this.byName.has(cityKey(type, n))) this.byName.set(cityKey(type, n), entity);
      if (nameKey(n) !== nameKey(entity.name)) {
        entity.aliases = [...new Set([...(entity.aliases ?? []), n])];
      }
    }
    return entity;
  }
}
