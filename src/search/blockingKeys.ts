import { spell } from './searchKeys';

/** Legal-form and branch suffixes: a company is the same company with or without them. Longer first. */
const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '分公司', '集团', '公司'];

/** A folded short-form name without its legal-form suffix (`新瑞光电科技股份有限公司` → `新瑞光电科技`). */
export function coreName(short: string): string {
  for (const suffix of LEGAL_FORMS) if (short.endsWith(suffix) && short.length - suffix.length >= 2) return short.slice(0, -suffix.length);
  return short;
}

/** What a blocking key says two entities share; the kinds of `blockingKeysOf`. */
export type BlockingKind = 'n' | 'c' | 'p';

/**
 * The blocking keys of an entity (`<type>|<kind>|<value>`): entities of one type sharing a key are duplicate
 * candidates. Per name: `n` its short form (equal names, and 经开区 against 经济开发区), `c` its short form without a
 * legal-form suffix (有限公司 against 股份有限公司), `p` that core's toneless pinyin (a Latin or pinyin alias against
 * the Han name, and Latin aliases in common). Derived with the search keys, written with them.
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
  }
  return [...keys].sort();
}
