/**
 * Deterministic generator of `kg-article/1` documents that look like a large news archive.
 *
 * - A pool of entities per type (people, organisations, villages, places, projects) with unique names per
 *   type (by the product's name key), some with short aliases, some with explicit ids (`bench-…`).
 * - Articles in date order (2016 → 2024). Each introduces a few "fresh" pool entities (so every pool
 *   entity appears at least once) and mentions others Zipf-distributed by pool rank; a few hubs appear in
 *   a fixed share of all articles (the development zone in 20% of them).
 * - Shared entities across articles are named by name or alias only (no id), so the ingester's identity
 *   resolution decides that they are the same; the first mention of an entity with an id always carries it.
 * - Officials hold 1-3 positions (stable per person) stated by the articles that mention them; organisations
 *   and projects have stable locations and investors; events have 3-20 participants with type-specific roles.
 *
 * Everything derives from one seed: `generateArchive(size, seed)` yields the same documents every time.
 */
import { generatedEntityId } from '../../src/ingest/nameKeys';
import { nameKey } from '../../src/model/normalize';
import type { EntityType, EventType, FigureQualifier, ParticipantRole, RelationType } from '../../src/model/domain';
import * as N from './names';
import { Random, Zipf } from './random';

export const SIZE_NAMES = ['tiny', 'S', 'M', 'L'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

export interface SizeSpec {
  articles: number;
  /** distinct entities in the pool; every one is mentioned at least once */
  entities: number;
}

/**
 * S ≈ 10k entities, M ≈ 100k, L ≈ 320k entities (with ~200k articles, ~400k events and ~400k name keys:
 * about 1.3M nodes and 6M relationships).
 */
export const SIZES: Record<SizeName, SizeSpec> = {
  tiny: { articles: 40, entities: 160 },
  S: { articles: 4_000, entities: 10_000 },
  M: { articles: 40_000, entities: 100_000 },
  L: { articles: 200_000, entities: 320_000 },
};

export const DEFAULT_SEED = 20240521;

/** share of the pool per type */
const TYPE_SHARE: Record<EntityType, number> = { Person: 0.4, Organization: 0.3, Village: 0.08, Place: 0.07, Project: 0.15 };
/** Zipf-distributed mentions per article, per type (expected) */
const PICKS: Record<EntityType, number> = { Person: 3, Organization: 2.2, Village: 0.5, Place: 0.8, Project: 0.7 };
const ZIPF_S = 1.0;
/** rank offset: flattens the very top so that hubs come from HUBS, not from Zipf alone */
const ZIPF_OFFSET = 8;
/** hub entities (type, pool index) and the share of all articles that mention them */
const HUBS: Array<{ type: EntityType; index: number; share: number }> = [
  { type: 'Organization', index: 0, share: 0.2 },
  { type: 'Organization', index: 1, share: 0.1 },
  { type: 'Place', index: 0, share: 0.12 },
  { type: 'Person', index: 0, share: 0.06 },
];

export interface PoolEntity {
  type: EntityType;
  index: number;
  name: string;
  alias?: string;
  kind?: string;
  /** explicit id given by the "extractor", or undefined */
  explicitId?: string;
  /** positions held (officials): organisation pool index and title */
  positions?: Array<{ org: number; title: string }>;
  /** organisation/project/village: place or village where it is */
  home?: { type: EntityType; index: number };
  /** project: the investing organisation */
  investor?: number;
  attributes?: Record<string, string | number | boolean>;
}

export interface ArchiveStats {
  articles: number;
  entities: number;
  mentions: number;
  events: number;
  participations: number;
  relations: number;
  figures: number;
}

type Doc = Record<string, any>;

class UniqueNames {
  private readonly used = new Set<string>();
  take(candidate: () => string, fallback: (n: number) => string): string {
    for (let i = 0; i < 40; i++) {
      const c = candidate();
      if (this.claim(c)) return c;
    }
    for (let n = 2; ; n++) {
      const c = fallback(n);
      if (this.claim(c)) return c;
    }
  }
  claim(name: string): boolean {
    const k = nameKey(name);
    if (this.used.has(k)) return false;
    this.used.add(k);
    return true;
  }
}

const ORG_KINDS_WEIGHTED = ['Company', 'Company', 'Company', 'Company', 'Company', 'GovernmentAgency', 'GovernmentAgency', 'PartyCommittee', 'University', 'Institute', 'Association', 'School', 'DevelopmentZone', 'Other'];

/** Builds the entity pool: deterministic from `random`. */
export function buildPool(spec: SizeSpec, random: Random): Record<EntityType, PoolEntity[]> {
  const count = (t: EntityType) => Math.max(t === 'Place' ? 6 : 8, Math.round(spec.entities * TYPE_SHARE[t]));
  const pool = { Person: [], Organization: [], Village: [], Place: [], Project: [] } as Record<EntityType, PoolEntity[]>;

  // places first: organisations, villages and projects are located in them
  {
    const names = new UniqueNames();
    const list = pool.Place;
    const fixed: Array<[string, string]> = [
      ['高邮市', 'City'],
      ...N.PROVINCES.map((p): [string, string] => [p, 'Province']),
      ...N.CITIES.map((c): [string, string] => [c, 'City']),
      ...N.FOREIGN_PLACES.map((c): [string, string] => [c, 'Country']),
    ];
    for (let i = 0; i < count('Place'); i++) {
      let name: string;
      let kind: string;
      if (i < fixed.length && names.claim(fixed[i][0])) [name, kind] = fixed[i];
      else {
        const suffix = random.pick(N.PLACE_SUFFIXES);
        kind = suffix === '县' ? 'County' : suffix === '区' ? 'District' : 'Other';
        name = names.take(
          () => random.pick(N.COUNTY_STEMS) + random.pick(N.COUNTY_STEMS) + (random.chance(0.3) ? random.pick(N.COUNTY_STEMS) + '镇' : suffix),
          (n) => `${random.pick(N.COUNTY_STEMS)}${random.pick(N.COUNTY_STEMS)}第${n}${suffix}`,
        );
      }
      list.push({ type: 'Place', index: i, name, kind });
    }
  }
  const placeCount = pool.Place.length;
  const anyPlace = (): { type: EntityType; index: number } => ({ type: 'Place', index: random.int(0, Math.min(placeCount, 60) - 1) });

  {
    const names = new UniqueNames();
    for (let i = 0; i < count('Village'); i++) {
      const community = random.chance(0.3);
      const name = names.take(
        () => random.pick(N.VILLAGE_WORDS) + random.pick(N.VILLAGE_STEMS) + random.pick(N.VILLAGE_STEMS) + (community ? '社区' : '村'),
        (n) => `${random.pick(N.VILLAGE_WORDS)}家${n}${community ? '社区' : '村'}`,
      );
      pool.Village.push({ type: 'Village', index: i, name, kind: community ? 'Community' : 'Village', home: anyPlace() });
    }
  }

  {
    const names = new UniqueNames();
    const fixed: Array<[string, string, string]> = [
      ['高邮经济开发区', '开发区', 'DevelopmentZone'],
      ['高邮市人民政府', '市政府', 'GovernmentAgency'],
      ['江南大学', 'Jiangnan University', 'University'],
    ];
    for (let i = 0; i < count('Organization'); i++) {
      let name: string;
      let alias: string | undefined;
      let kind: string;
      if (i < fixed.length) {
        [name, alias, kind] = fixed[i];
        names.claim(name);
        names.claim(alias);
      } else {
        kind = random.pick(ORG_KINDS_WEIGHTED);
        const place = pool.Place[random.int(0, Math.min(placeCount, 60) - 1)].name.replace(/(省|市|县|区|镇|壮族自治区)$/, '');
        const stem = () => random.pick(N.ORG_STEMS) + random.pick(N.ORG_STEMS);
        const make = (): [string, string | undefined] => {
          switch (kind) {
            case 'Company':
              if (random.chance(0.2)) {
                const s = `${['Sino', 'Euro', 'Asia', 'Global', 'Pacific', 'Nordic', 'Alpine'][random.int(0, 6)]}${random.pick(['tec', 'max', 'tron', 'gen', 'lux', 'via', 'sol'])}`;
                return [`${s} ${random.pick(N.LATIN_INDUSTRIES)} ${random.pick(N.LATIN_FORMS)}`, s];
              } else {
                const s = stem();
                return [`${place}${s}${random.pick(N.INDUSTRIES)}${random.pick(N.COMPANY_FORMS)}`, random.chance(0.5) ? `${s}${random.pick(['科技', '股份', '集团', '公司'])}` : undefined];
              }
            case 'GovernmentAgency':
              return [`${place}${random.pick(N.AGENCIES)}`, undefined];
            case 'PartyCommittee':
              return [`中共${place}${random.pick(['委员会', '纪律检查委员会', '组织部', '宣传部'])}`, undefined];
            case 'University': {
              const s = stem();
              return [`${place}${s}${random.pick(N.UNIVERSITY_FORMS)}`, `${s}大学`];
            }
            case 'Institute':
              return [`${place}${random.pick(N.INDUSTRIES)}${random.pick(N.INSTITUTE_FORMS)}`, undefined];
            case 'Association':
              return [`${place}${random.pick(N.INDUSTRIES)}${random.pick(N.ASSOCIATION_FORMS)}`, undefined];
            case 'School':
              return [`${place}${stem()}${random.pick(N.SCHOOL_FORMS)}`, undefined];
            case 'DevelopmentZone':
              return [`${place}${random.pick(N.ZONE_KINDS)}`, undefined];
            default:
              return [`${place}${stem()}${random.pick(['服务中心', '合作社', '基金会', '促进会'])}`, undefined];
          }
        };
        let tries = 0;
        for (;;) {
          const [n, a] = make();
          const candidate = tries > 30 ? `${n}（${tries}）` : n;
          tries += 1;
          if (!names.claim(candidate)) continue;
          name = candidate;
          alias = a !== undefined && names.claim(a) ? a : undefined;
          break;
        }
      }
      const attributes: Record<string, string | number | boolean> | undefined =
        kind === 'Company' && random.chance(0.4) ? { employees: random.int(20, 5000), listed: random.chance(0.2) } : undefined;
      pool.Organization.push({
        type: 'Organization',
        index: i,
        name: name!,
        alias,
        kind,
        home: i === 0 ? { type: 'Place', index: 0 } : anyPlace(),
        attributes,
      });
    }
  }
  const orgCount = pool.Organization.length;

  {
    const names = new UniqueNames();
    for (let i = 0; i < count('Project'); i++) {
      const manufacturing = random.chance(0.6);
      const name = names.take(
        () =>
          manufacturing
            ? `${random.pick(N.ORG_STEMS)}${random.pick(N.ORG_STEMS)}${random.pick(N.PROJECT_SCALES)}${random.pick(N.PROJECT_PRODUCTS)}项目`
            : `${random.pick(N.ORG_STEMS)}${random.pick(N.ORG_STEMS)}${random.pick(N.PROJECT_SERVICES)}项目`,
        (n) => `${random.pick(N.ORG_STEMS)}${random.pick(N.PROJECT_PRODUCTS)}${n}期项目`,
      );
      const village = pool.Village.length > 0 && random.chance(0.3);
      pool.Project.push({
        type: 'Project',
        index: i,
        name,
        kind: manufacturing ? 'Manufacturing' : random.pick(['Services', 'Infrastructure', 'Other']),
        home: village ? { type: 'Village', index: random.int(0, pool.Village.length - 1) } : anyPlace(),
        investor: random.int(0, orgCount - 1),
        attributes: { investmentCnyYi: random.int(1, 200), ...(manufacturing ? { capacity: `${random.int(1, 30)}GW` } : {}) },
      });
    }
  }

  {
    const names = new UniqueNames();
    for (let i = 0; i < count('Person'); i++) {
      const latin = random.chance(0.12);
      const name = names.take(
        () => (latin ? N.latinName(random) : N.chineseName(random)),
        (n) => (latin ? `${N.latinName(random)} ${['Jr.', 'II', 'III', 'IV'][n % 4]}${n}` : `${N.chineseName(random)}${N.GIVEN_CHARS[n % N.GIVEN_CHARS.length]}`),
      );
      const official = i === 0 || random.chance(0.35);
      const positions: Array<{ org: number; title: string }> = [];
      if (official) {
        const n = i === 0 ? 3 : random.chance(0.5) ? 1 : random.chance(0.6) ? 2 : 3; // officials hold several positions
        for (let k = 0; k < n; k++) {
          // most positions in popular organisations
          const org = k === 0 && random.chance(0.3) ? random.int(0, Math.min(orgCount, 30) - 1) : random.int(0, orgCount - 1);
          if (!positions.some((p) => p.org === org)) positions.push({ org, title: random.pick(N.TITLES) });
        }
      }
      pool.Person.push({ type: 'Person', index: i, name, positions: positions.length ? positions : undefined });
    }
  }

  // explicit ids for a share of every type (never the hubs, which articles name by name)
  for (const t of Object.keys(pool) as EntityType[]) {
    for (const e of pool[t]) {
      if (e.index >= 3 && random.chance(0.25)) e.explicitId = `bench-${t.toLowerCase()}-${e.index}`;
    }
  }
  return pool;
}

interface ArticleEntity {
  key: string;
  e: PoolEntity;
}

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

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;
const START = Date.UTC(2016, 0, 1);
const END = Date.UTC(2024, 11, 31);
const isoDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

export interface Archive {
  size: SizeName;
  seed: number;
  spec: SizeSpec;
  pool: Record<EntityType, PoolEntity[]>;
  /** the documents, generated lazily in order; iterate once per call */
  documents(): Generator<Doc>;
  /** the graph id the product gives a pool entity (explicit id, or the id generated from its first mention) */
  graphIdOf(e: PoolEntity): string;
}

/**
 * The archive of the given size. `documents()` can be iterated several times and gives the same documents
 * each time (it restarts from the seed), so large sizes never need to be held in memory.
 */
/** How a hedged number is written, by qualifier; undefined entries are exact numbers. */
const HEDGES: ReadonlyArray<{ qualifier: FigureQualifier; before: string; after: string } | undefined> = [
  { qualifier: 'estimate', before: '预计', after: '' },
  { qualifier: 'approx', before: '近', after: '' },
  { qualifier: 'atLeast', before: '', after: '以上' },
  undefined,
  undefined,
  undefined,
];

export function generateArchive(size: SizeName, seed: number = DEFAULT_SEED, spec: SizeSpec = SIZES[size]): Archive {
  const pool = buildPool(spec, new Random(seed));
  // first mention names decide generated ids; they are fixed by a dry run over the mention forms
  const firstName = new Map<PoolEntity, string>();

  function* documents(): Generator<Doc> {
    const random = new Random(seed ^ 0x5bd1e995);
    const zipf = {} as Record<EntityType, Zipf>;
    const types = Object.keys(pool) as EntityType[];
    for (const t of types) zipf[t] = new Zipf(pool[t].length + ZIPF_OFFSET, ZIPF_S);
    const cursor = Object.fromEntries(types.map((t) => [t, 0])) as Record<EntityType, number>;
    const seen = new Set<PoolEntity>();

    for (let a = 0; a < spec.articles; a++) {
      const r = random.fork(a);
      const articleId = `bench-${size}-${String(a).padStart(7, '0')}`;
      const published = START + Math.floor(((END - START) * a) / Math.max(1, spec.articles)) + r.int(0, 2) * DAY_MS;
      const publishedOn = isoDay(Math.min(published, END));

      const members: ArticleEntity[] = [];
      const inArticle = new Map<PoolEntity, ArticleEntity>();
      const add = (e: PoolEntity): ArticleEntity => {
        let m = inArticle.get(e);
        if (!m) {
          m = { key: `e${members.length}`, e };
          members.push(m);
          inArticle.set(e, m);
        }
        return m;
      };
      const zipfPick = (t: EntityType): PoolEntity => {
        for (;;) {
          const k = zipf[t].sample(r) - ZIPF_OFFSET + 0;
          const idx = k < 0 ? r.int(0, Math.min(pool[t].length, ZIPF_OFFSET) - 1) : k;
          if (idx < pool[t].length) return pool[t][idx];
        }
      };

      // hubs
      for (const h of HUBS) if (r.chance(h.share) && pool[h.type][h.index]) add(pool[h.type][h.index]);
      // fresh entities: every pool entity appears at least once, spread evenly over the archive
      for (const t of types) {
        const due = Math.floor((pool[t].length * (a + 1)) / spec.articles);
        while (cursor[t] < due) add(pool[t][cursor[t]++]);
      }
      // Zipf mentions
      for (const t of types) {
        const expected = PICKS[t];
        const n = Math.floor(expected) + (r.chance(expected - Math.floor(expected)) ? 1 : 0) + (r.chance(0.3) ? 1 : 0);
        for (let i = 0; i < n; i++) add(zipfPick(t));
      }
      if (!members.some((m) => m.e.type === 'Organization')) add(zipfPick('Organization'));
      if (!members.some((m) => m.e.type === 'Person')) add(zipfPick('Person'));

      // events: 1-3, with 3-20 participants
      const events: Doc[] = [];
      const nEvents = 1 + (r.chance(0.6) ? 1 : 0) + (r.chance(0.2) ? 1 : 0);
      for (let k = 0; k < nEvents; k++) {
        const type = r.pick(EVENT_TYPE_WEIGHTS);
        const nParticipants = 3 + Math.floor(17 * Math.pow(r.next(), 3));
        while (members.length < nParticipants + 1) add(zipfPick(r.chance(0.6) ? 'Person' : 'Organization'));
        const roles = ROLES_BY_EVENT[type];
        const chosen: ArticleEntity[] = [];
        const leads = members.filter((m) => roles.leadTypes.includes(m.e.type));
        if (leads.length) chosen.push(r.pick(leads));
        if (type === 'Signing') {
          const orgs = members.filter((m) => m.e.type === 'Organization' && !chosen.includes(m));
          if (orgs.length) chosen.push(r.pick(orgs));
        }
        let guard = 0;
        while (chosen.length < nParticipants && guard++ < 200) {
          const m = r.pick(members);
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
        const locations = members.filter((m) => m.e.type === 'Place' || m.e.type === 'Village' || (m.e.type === 'Organization' && m.e.kind === 'DevelopmentZone'));
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

      // relations: stable facts stated by some of the articles that mention their subject
      const relations: Doc[] = [];
      const relate = (type: RelationType, from: ArticleEntity, to: ArticleEntity, extra: Doc = {}) =>
        relations.push({ type, from: from.key, to: to.key, ...extra });
      for (const m of [...members]) {
        const e = m.e;
        if (e.type === 'Person' && e.positions && r.chance(0.7)) {
          const p = e.positions[r.int(0, e.positions.length - 1)];
          const org = add(pool.Organization[p.org]);
          relate('HOLDS_POSITION', m, org, { attributes: { title: p.title }, evidence: `${pool.Organization[p.org].name}${p.title}${e.name}` });
        }
        if ((e.type === 'Organization' || e.type === 'Village') && e.home && r.chance(0.25)) {
          relate('LOCATED_IN', m, add(pool[e.home.type][e.home.index]));
        }
        if (e.type === 'Project') {
          if (e.home && r.chance(0.5)) relate('LOCATED_IN', m, add(pool[e.home.type][e.home.index]));
          if (e.investor !== undefined && r.chance(0.5)) {
            relate('INVESTS_IN', add(pool.Organization[e.investor]), m, { since: publishedOn.slice(0, 7), evidence: `${pool.Organization[e.investor].name}投资建设${e.name}` });
          }
        }
      }
      const orgs = members.filter((m) => m.e.type === 'Organization');
      if (orgs.length >= 2 && r.chance(0.3)) {
        const x = r.pick(orgs);
        const y = r.pick(orgs);
        if (x !== y) relate('PARTNER_OF', x, y, { since: publishedOn, evidence: `${x.e.name}与${y.e.name}签署战略合作协议` });
      }
      const people = members.filter((m) => m.e.type === 'Person');
      const villages = members.filter((m) => m.e.type === 'Village');
      if (people.length && villages.length && r.chance(0.3)) relate('SUPERVISES', r.pick(people), r.pick(villages));
      if (orgs.length >= 2 && r.chance(0.05)) {
        const x = r.pick(orgs);
        const y = r.pick(orgs);
        if (x !== y) relate(r.chance(0.5) ? 'OWNS' : 'RELATED_TO', x, y);
      }

      // figures
      const figures: Doc[] = [];
      if (r.chance(0.5)) {
        const subjects = orgs.length ? orgs : members;
        const nFig = r.chance(0.5) ? 1 : 2;
        for (let k = 0; k < nFig; k++) {
          const s = r.pick(subjects);
          const m = r.pick(N.METRICS);
          const value = Math.round((m.min + r.next() * (m.max - m.min)) * 100) / 100;
          // about a third of the numbers hedged, as newsletters do (预计 …, 近 …, … 以上); chosen from the value, not
          // drawn, so that the archive's other draws stay as they were
          const hedge = HEDGES[Math.round(value * 100) % 6];
          const stated = hedge ? `${hedge.before}${value}${m.unit}${hedge.after}` : `${value}${m.unit}`;
          figures.push({
            subject: s.key,
            metric: m.metric,
            value,
            unit: m.unit,
            period: r.chance(0.5) ? publishedOn.slice(0, 4) : `${publishedOn.slice(0, 4)}-H1`,
            change: Math.round((r.next() * 0.6 - 0.1) * 1000) / 1000,
            ...(hedge ? { qualifier: hedge.qualifier } : {}),
            stated,
            evidence: `${s.e.name}${m.metric}${stated}`,
          });
        }
      }

      // the entities as this article names them
      const entities = members.map((m) => {
        const e = m.e;
        const first = !seen.has(e);
        seen.add(e);
        const form = r.next();
        let name = e.name;
        let aliases: string[] | undefined;
        if (e.alias) {
          if (form < 0.3) {
            name = e.alias;
            aliases = [e.name];
          } else if (form < 0.6) aliases = [e.alias];
        }
        if (first && !firstName.has(e)) firstName.set(e, name);
        const withId = e.explicitId !== undefined && (first || r.chance(0.8));
        return {
          key: m.key,
          type: e.type,
          name,
          ...(e.kind && r.chance(0.9) ? { kind: e.kind } : {}),
          ...(withId ? { id: e.explicitId } : {}),
          ...(aliases ? { aliases } : {}),
          ...(e.attributes && r.chance(0.5) ? { attributes: e.attributes } : {}),
          ...(r.chance(0.3) ? { evidence: `${name}${e.type === 'Person' ? '出席活动' : '相关情况'}。` } : {}),
        };
      });

      const lead = events[0];
      yield {
        format: 'kg-article/1',
        article: {
          id: articleId,
          title: `${lead?.name ?? members[0].e.name}`.slice(0, 200),
          publisher: r.pick(N.PUBLISHERS),
          publishedOn,
          language: 'zh',
        },
        entities,
        events,
        relations,
        figures,
      };
    }
  }

  const archive: Archive = {
    size,
    seed,
    spec,
    pool,
    documents,
    graphIdOf(e: PoolEntity): string {
      if (e.explicitId) return e.explicitId;
      if (!firstName.has(e)) for (const _ of documents()) if (firstName.has(e)) break;
      return generatedEntityId(e.type, firstName.get(e) ?? e.name);
    },
  };
  return archive;
}

/** Counts what the documents state (facts = mentions + events + participations + relations + figures). */
export function factsOf(doc: Doc): number {
  return (
    doc.entities.length +
    doc.events.length +
    doc.events.reduce((n: number, e: Doc) => n + (e.participants?.length ?? 0), 0) +
    doc.relations.length +
    doc.figures.length
  );
}

export function statsOf(docs: Iterable<Doc>, entities: number): ArchiveStats {
  const s: ArchiveStats = { articles: 0, entities, mentions: 0, events: 0, participations: 0, relations: 0, figures: 0 };
  for (const d of docs) {
    s.articles += 1;
    s.mentions += d.entities.length;
    s.events += d.events.length;
    s.participations += d.events.reduce((n: number, e: Doc) => n + (e.participants?.length ?? 0), 0);
    s.relations += d.relations.length;
    s.figures += d.figures.length;
  }
  return s;
}

export function poolSize(archive: Pick<Archive, 'pool'>): number {
  return Object.values(archive.pool).reduce((n, list) => n + list.length, 0);
}
