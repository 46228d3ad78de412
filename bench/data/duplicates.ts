/**
 * Planted duplicates for the duplicates evaluation (`bench/search/duplicates.ts`): an overlay of extra documents,
 * loaded after the ordinary archive, each naming one pool entity the way another source would — in traditional
 * characters (with that source's own id, so identity keeps it apart), with another legal form (有限公司 /
 * 股份有限公司 / 集团 / 分公司), a zone by its short form (经开区, 高新区) or as its city's bare 开发区, or in pinyin
 * (a company's trade name, an official's name with the titles they hold). The truth list says which graph entity
 * each variant duplicates. The ordinary archive is not touched: the overlay is drawn from its own seed, after it.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { nameKey } from '../../src/model/normalize';
import type { EntityType } from '../../src/model/domain';
import type { Archive, PoolEntity } from './generate';
import { Random } from './random';

export type PlantKind = 'traditional' | 'legalForm' | 'abbreviation' | 'cityZone' | 'pinyin';
export const PLANT_KINDS: PlantKind[] = ['traditional', 'legalForm', 'abbreviation', 'cityZone', 'pinyin'];

/** One planted duplicate: the variant entity (its id in the graph) and the pool entity it is another name of. */
export interface PlantedPair {
  kind: PlantKind;
  type: EntityType;
  originalId: string;
  original: string;
  variantId: string;
  variant: string;
}

export interface DuplicateOverlay {
  documents: Array<Record<string, any>>;
  truth: () => PlantedPair[];
}

/** Share of the pool planted (at least `MIN_PLANTS`), and each kind's share of the plants. */
const PLANT_SHARE = 0.02;
const MIN_PLANTS = 12;
const KIND_SHARE: Record<PlantKind, number> = { traditional: 0.25, legalForm: 0.25, abbreviation: 0.1, cityZone: 0.1, pinyin: 0.3 };

/** The kinds whose variants are made from a zone (`zoneOf`). */
const ZONE_KINDS: PlantKind[] = ['abbreviation', 'cityZone'];

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const HAN = /^[\u3400-\u9fff]+$/u;
/** The legal forms a variant swaps, longest first; the generator's company names end in one of the first three. */
const FORMS_IN_NAMES = ['股份有限公司', '集团有限公司', '有限公司'];
const OTHER_FORMS = ['股份有限公司', '有限公司', '集团', '分公司'];
const ZONES: Array<[long: string, short: string]> = [
  ['经济技术开发区', '经开区'],
  ['高新技术产业开发区', '高新区'],
  ['经济开发区', '经开区'],
];

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const syllables = (han: string): string[] => pinyin(han, { type: 'array', toneType: 'none' });

/** The zone of a name (`高邮经济开发区` → city 高邮, long 经济开发区, short 经开区), if it names one. */
function zoneOf(name: string): { city: string; long: string; short: string } | undefined {
  for (const [long, short] of ZONES) if (name.endsWith(long) && name.length > long.length) return { city: name.slice(0, -long.length), long, short };
  return undefined;
}

/** A company name without the legal form it ends in (`…光伏科技有限公司` → `…光伏科技`). */
function companyBase(name: string): string | undefined {
  const form = FORMS_IN_NAMES.find((f) => name.endsWith(f));
  return form && HAN.test(name) && name.length - form.length >= 4 ? name.slice(0, -form.length) : undefined;
}

/** The variant name of each kind for a pool entity (undefined: the kind does not apply to it). */
const MAKERS: Record<PlantKind, (e: PoolEntity, r: Random) => string | undefined> = {
  // the traditional spelling is one name key with the original: only a source with its own id keeps it apart,
  // and only from an entity that has an id of its own (else the new id would claim it)
  traditional: (e) => {
    if (!e.explicitId || !HAN.test(e.name)) return undefined;
    const t = toTraditional(e.name);
    return t !== e.name ? t : undefined;
  },
  legalForm: (e, r) => {
    if (e.type !== 'Organization' || e.kind !== 'Company') return undefined;
    const base = companyBase(e.name);
    if (!base) return undefined;
    const form = r.pick(OTHER_FORMS.filter((f) => !e.name.endsWith(f)));
    return `${base}${form}`;
  },
  abbreviation: (e) => {
    const zone = e.type === 'Organization' ? zoneOf(e.name) : undefined;
    return zone && `${zone.city}${zone.short}`;
  },
  cityZone: (e) => {
    const zone = e.type === 'Organization' ? zoneOf(e.name) : undefined;
    return zone && `${zone.city}开发区`;
  },
  pinyin: (e) => {
    if (e.type === 'Person' && e.positions && HAN.test(e.name)) {
      const [surname, ...given] = syllables(e.name);
      return given.length ? `${capital(surname)} ${capital(given.join(''))}` : undefined;
    }
    const base = e.type === 'Organization' && e.kind === 'Company' ? companyBase(e.name) : undefined;
    if (!base) return undefined;
    const s = syllables(base);
    const words: string[] = [];
    for (let i = 0; i < s.length; i += 2) words.push(capital(s.slice(i, i + 2).join('')));
    return words.join(' ');
  },
};

/** Fisher-Yates with the overlay's own random numbers. */
function shuffled<T>(xs: readonly T[], r: Random): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The name keys of every pool name and alias, per type: a variant must not be another pool entity's name. */
function takenKeys(archive: Archive): Set<string> {
  const taken = new Set<string>();
  for (const list of Object.values(archive.pool)) {
    for (const e of list) for (const n of [e.name, e.alias]) if (n) taken.add(`${e.type}|${nameKey(n)}`);
  }
  return taken;
}

/** The variants to plant: per kind its share of the plants, each pool entity at most once, names never taken. */
function choosePlants(archive: Archive, r: Random): Array<{ kind: PlantKind; e: PoolEntity; name: string }> {
  const all = Object.values(archive.pool).flat();
  const total = Math.max(MIN_PLANTS, Math.round(all.length * PLANT_SHARE));
  const taken = takenKeys(archive);
  const used = new Set<PoolEntity>();
  const plants: Array<{ kind: PlantKind; e: PoolEntity; name: string }> = [];
  // abbreviations and bare city zones are drawn from the same zones: each takes at most half of them, so that at M
  // (120 zones for 200 of each wanted) the abbreviations do not use them all up (at tiny and S the cap is not reached)
  const zones = all.filter((e) => e.type === 'Organization' && zoneOf(e.name)).length;
  for (const kind of PLANT_KINDS) {
    const share = Math.max(1, Math.round(total * KIND_SHARE[kind]));
    const want = ZONE_KINDS.includes(kind) ? Math.min(share, Math.max(1, Math.floor(zones / ZONE_KINDS.length))) : share;
    let n = 0;
    for (const e of shuffled(all, r)) {
      if (n >= want) break;
      if (used.has(e)) continue;
      const name = MAKERS[kind](e, r);
      if (!name) continue;
      const key = `${e.type}|${nameKey(name)}`;
      if (kind !== 'traditional' && taken.has(key)) continue;
      used.add(e);
      taken.add(key);
      plants.push({ kind, e, name });
      n += 1;
    }
  }
  return plants;
}

/** A pool entity as the overlay names it: by its id when it has one (a traditional variant may share its name key). */
const named = (key: string, e: PoolEntity): Record<string, any> => ({ key, type: e.type, name: e.name, ...(e.explicitId ? { id: e.explicitId } : {}) });

/** One overlay document: the variant (with its source's id), and what that source says about it. */
function variantDocument(archive: Archive, id: string, variantId: string, plant: { e: PoolEntity; name: string }, day: string, r: Random): Record<string, any> {
  const { e, name } = plant;
  const entities: Array<Record<string, any>> = [{ key: 'v', type: e.type, name, id: variantId, ...(e.kind ? { kind: e.kind } : {}) }];
  const relations: Array<Record<string, any>> = [];
  // an official is named with the titles they hold (an English-language report: "Wang Wei, director of …")
  for (const [i, p] of (e.type === 'Person' ? (e.positions ?? []) : []).entries()) {
    const org = archive.pool.Organization[p.org];
    entities.push(named(`o${i}`, org));
    relations.push({ type: 'HOLDS_POSITION', from: 'v', to: `o${i}`, attributes: { title: p.title }, evidence: `${org.name}${p.title}${name}` });
  }
  const people = archive.pool.Person;
  let guest = people[r.int(0, people.length - 1)];
  if (guest === e) guest = people[(guest.index + 1) % people.length];
  entities.push(named('g', guest));
  return {
    format: 'kg-article/1',
    article: { id, title: `${name}考察交流`, publishedOn: day, language: 'zh' },
    entities,
    events: [
      {
        key: 'ev0',
        type: 'Visit',
        name: `${name}考察交流`,
        date: day,
        participants: [{ entity: 'v', role: 'visitor' }, { entity: 'g', role: 'attendee' }],
        evidence: `${name}一行考察交流。`,
      },
    ],
    relations,
    figures: [],
  };
}

/**
 * The overlay of an archive: deterministic from the archive's seed, drawn after it (the archive's documents are
 * the same with or without it). Each variant is one article dated after the archive's last. `truth()` gives the
 * graph ids (an original named only by name has the id of its first mention: cheap once the archive was iterated).
 */
export function plantDuplicates(archive: Archive): DuplicateOverlay {
  const r = new Random(archive.seed ^ 0x2d0b1e5);
  const plants = choosePlants(archive, r);
  const documents = plants.map((plant, n) => {
    const id = `dup-${archive.size}-${String(n).padStart(5, '0')}`;
    const day = `2025-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    return variantDocument(archive, id, `${id}-v`, plant, day, r);
  });
  const truth = (): PlantedPair[] =>
    plants.map((plant, n) => ({
      kind: plant.kind,
      type: plant.e.type,
      originalId: archive.graphIdOf(plant.e),
      original: plant.e.name,
      variantId: documents[n].entities[0].id,
      variant: plant.name,
    }));
  return { documents, truth };
}
