import type { EntityType } from '../../src/model/domain';
import type { PoolEntity } from './buildPool';
import * as N from './names';
import type { Random } from './random';
import { UniqueNames } from './uniqueNames';

const ORG_KINDS_WEIGHTED = ['Company', 'Company', 'Company', 'Company', 'Company', 'GovernmentAgency', 'GovernmentAgency', 'PartyCommittee', 'University', 'Institute', 'Association', 'School', 'DevelopmentZone', 'Other'];

/** A name of the kind, in the place, and maybe a short alias (drawn; uniqueness is the caller's). */
function organizationName(kind: string, place: string, random: Random): [string, string | undefined] {
  const stem = () => random.pick(N.ORG_STEMS) + random.pick(N.ORG_STEMS);
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
}

/** The organisations of the pool, located in `places` (drawn after them). */
export function organizationPool(
  count: number,
  random: Random,
  places: PoolEntity[],
  anyPlace: () => { type: EntityType; index: number },
): PoolEntity[] {
  const list: PoolEntity[] = [];
  const names = new UniqueNames();
  const fixed: Array<[string, string, string]> = [
    ['高邮经济开发区', '开发区', 'DevelopmentZone'],
    ['高邮市人民政府', '市政府', 'GovernmentAgency'],
    ['江南大学', 'Jiangnan University', 'University'],
  ];
  for (let i = 0; i < count; i++) {
    let name: string;
    let alias: string | undefined;
    let kind: string;
    if (i < fixed.length) {
      [name, alias, kind] = fixed[i];
      names.claim(name);
      names.claim(alias);
    } else {
      kind = random.pick(ORG_KINDS_WEIGHTED);
      const place = places[random.int(0, Math.min(places.length, 60) - 1)].name.replace(/(省|市|县|区|镇|壮族自治区)$/, '');
      let tries = 0;
      for (;;) {
        const [n, a] = organizationName(kind, place, random);
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
    list.push({
      type: 'Organization',
      index: i,
      name: name!,
      alias,
      kind,
      home: i === 0 ? { type: 'Place', index: 0 } : anyPlace(),
      attributes,
    });
  }
  return list;
}
