import type { EntityType } from '../../src/model/domain';
import * as N from './names';
import { organizationPool } from './organizationPool';
import type { Random } from './random';
import type { SizeSpec } from './sizes';
import { UniqueNames } from './uniqueNames';

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

type Home = { type: EntityType; index: number };

/** share of the pool per type */
const TYPE_SHARE: Record<EntityType, number> = { Person: 0.4, Organization: 0.3, Village: 0.08, Place: 0.07, Project: 0.15 };

function placePool(count: number, random: Random): PoolEntity[] {
  const names = new UniqueNames();
  const list: PoolEntity[] = [];
  const fixed: Array<[string, string]> = [
    ['高邮市', 'City'],
    ...N.PROVINCES.map((p): [string, string] => [p, 'Province']),
    ...N.CITIES.map((c): [string, string] => [c, 'City']),
    ...N.FOREIGN_PLACES.map((c): [string, string] => [c, 'Country']),
  ];
  for (let i = 0; i < count; i++) {
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
  return list;
}

function villagePool(count: number, random: Random, anyPlace: () => Home): PoolEntity[] {
  const names = new UniqueNames();
  const list: PoolEntity[] = [];
  for (let i = 0; i < count; i++) {
    const community = random.chance(0.3);
    const name = names.take(
      () => random.pick(N.VILLAGE_WORDS) + random.pick(N.VILLAGE_STEMS) + random.pick(N.VILLAGE_STEMS) + (community ? '社区' : '村'),
      (n) => `${random.pick(N.VILLAGE_WORDS)}家${n}${community ? '社区' : '村'}`,
    );
    list.push({ type: 'Village', index: i, name, kind: community ? 'Community' : 'Village', home: anyPlace() });
  }
  return list;
}

function projectPool(count: number, random: Random, villages: number, orgCount: number, anyPlace: () => Home): PoolEntity[] {
  const names = new UniqueNames();
  const list: PoolEntity[] = [];
  for (let i = 0; i < count; i++) {
    const manufacturing = random.chance(0.6);
    const name = names.take(
      () =>
        manufacturing
          ? `${random.pick(N.ORG_STEMS)}${random.pick(N.ORG_STEMS)}${random.pick(N.PROJECT_SCALES)}${random.pick(N.PROJECT_PRODUCTS)}项目`
          : `${random.pick(N.ORG_STEMS)}${random.pick(N.ORG_STEMS)}${random.pick(N.PROJECT_SERVICES)}项目`,
      (n) => `${random.pick(N.ORG_STEMS)}${random.pick(N.PROJECT_PRODUCTS)}${n}期项目`,
    );
    const village = villages > 0 && random.chance(0.3);
    list.push({
      type: 'Project',
      index: i,
      name,
      kind: manufacturing ? 'Manufacturing' : random.pick(['Services', 'Infrastructure', 'Other']),
      home: village ? { type: 'Village', index: random.int(0, villages - 1) } : anyPlace(),
      investor: random.int(0, orgCount - 1),
      attributes: { investmentCnyYi: random.int(1, 200), ...(manufacturing ? { capacity: `${random.int(1, 30)}GW` } : {}) },
    });
  }
  return list;
}

function personPool(count: number, random: Random, orgCount: number): PoolEntity[] {
  const names = new UniqueNames();
  const list: PoolEntity[] = [];
  for (let i = 0; i < count; i++) {
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
    list.push({ type: 'Person', index: i, name, positions: positions.length ? positions : undefined });
  }
  return list;
}

/** Builds the entity pool: deterministic from `random`. */
export function buildPool(spec: SizeSpec, random: Random): Record<EntityType, PoolEntity[]> {
  const count = (t: EntityType) => Math.max(t === 'Place' ? 6 : 8, Math.round(spec.entities * TYPE_SHARE[t]));
  const pool = { Person: [], Organization: [], Village: [], Place: [], Project: [] } as Record<EntityType, PoolEntity[]>;

  // places first: organisations, villages and projects are located in them
  pool.Place = placePool(count('Place'), random);
  const placeCount = pool.Place.length;
  const anyPlace = (): Home => ({ type: 'Place', index: random.int(0, Math.min(placeCount, 60) - 1) });
  pool.Village = villagePool(count('Village'), random, anyPlace);
  pool.Organization = organizationPool(count('Organization'), random, pool.Place, anyPlace);
  pool.Project = projectPool(count('Project'), random, pool.Village.length, pool.Organization.length, anyPlace);
  pool.Person = personPool(count('Person'), random, pool.Organization.length);

  // explicit ids for a share of every type (never the hubs, which articles name by name)
  for (const t of Object.keys(pool) as EntityType[]) {
    for (const e of pool[t]) {
      if (e.index >= 3 && random.chance(0.25)) e.explicitId = `bench-${t.toLowerCase()}-${e.index}`;
    }
  }
  return pool;
}
