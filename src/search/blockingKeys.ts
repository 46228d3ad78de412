import { spell } from './searchKeys';

/** Legal-form and branch suffixes: a company is the same company with or without them. Longer first. */
const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '分公司', '集团', '公司'];

/** A folded short-form name without its legal-form suffix (`新瑞光电科技股份有限公司` → `新瑞光电科技`). */
export function coreName(short: string): string {
  for (const suffix of LEGAL_FORMS) if (short.endsWith(suffix) && short.length - suffix.length >= 2) return short.slice(0, -suffix.length);
  return short;
}

/** The specific zones a city's bare `开发区` may stand for, as short forms (`shortForms.ts`). */
const SPECIFIC_ZONES = ['经开区', '高新区'];
const GENERIC_ZONE = '开发区';

/** A city part without its trailing 市 or 县 (`高邮市` → `高邮`), kept when that would leave one character. */
function cityPart(city: string): string {
  return /[市县]$/u.test(city) && [...city].length > 2 ? city.slice(0, -1) : city;
}

/**
 * The zone keys of a short-form name (`z`): a city's bare `开发区` (高邮开发区) is written for its specific zones
 * (高邮经开区, 高邮高新区), and a specific zone for itself, so a bare zone meets each specific zone of its city
 * while two specific zones of one city (经开区 and 高新区) share nothing.
 */
function zoneKeys(short: string): string[] {
  for (const zone of SPECIFIC_ZONES) {
    if (short.endsWith(zone) && short.length > zone.length) return [`${cityPart(short.slice(0, -zone.length))}${zone}`];
  }
  if (short.endsWith(GENERIC_ZONE) && short.length > GENERIC_ZONE.length) {
    const city = cityPart(short.slice(0, -GENERIC_ZONE.length));
    return SPECIFIC_ZONES.map((zone) => `${city}${zone}`);
  }
  return [];
}

/** What a blocking key says two entities share; the kinds of `blockingKeysOf`. */
export type BlockingKind = 'n' | 'c' | 'p' | 'z';

/**
 * The blocking keys of an entity (`<type>|<kind>|<value>`): entities of one type sharing a key are duplicate
 * candidates. Per name: `n` its short form (equal names, and 经开区 against 经济开发区), `c` its short form without a
 * legal-form suffix (有限公司 against 股份有限公司), `p` that core's toneless pinyin (a Latin or pinyin alias against
 * the Han name, and Latin aliases in common), `z` a zone with its city (`zoneKeys`: 高邮开发区 against
 * 高邮经济开发区). Derived with the search keys, written with them.
 */
export function blockingKeysOf(type: string, searchShort: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const short of searchShort) {
    if ([...short].length < 2) continue;
    keys.add(`${type}|n|${short}`);
    const core = coreName(short);
    if (core !== short) keys.add(`${type}|c|${core}`);
    const pinyin = spell(core).pinyin.text;
    if (pinyin.length >= 4) keys.add(`${type}|p|${pinyin}`);
    for (const zone of zoneKeys(short)) keys.add(`${type}|z|${zone}`);
  }
  return [...keys].sort();
}
