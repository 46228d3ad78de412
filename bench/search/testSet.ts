import type { Driver } from 'neo4j-driver';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

/** One query of the search test set: what an analyst types, the entity they mean, and which form it is. */
export interface SearchCase {
  form: string;
  query: string;
  expected: string;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const HAN = /^[\u3400-\u9fff]+$/u;

/**
 * Queries an analyst types by hand, each naming one entity of the seed: single characters, short and long
 * forms of institutional names, traditional spellings of places (the forms of issue 25).
 */
const HAND: SearchCase[] = [
  { form: 'single character', query: '金', expected: 'person:jin-feng' },
  { form: 'single character', query: '雍', expected: 'person:yong-daming' },
  { form: 'single character', query: '塔', expected: 'village:tayuan' },
  { form: 'single character', query: '鋒', expected: 'person:jin-feng' },
  { form: 'short form', query: '高邮经开区', expected: 'org:gaoyou-edz' },
  { form: 'short form', query: '高郵經開區', expected: 'org:gaoyou-edz' },
  { form: 'long form', query: '高邮经济开发区管理委员会', expected: 'org:gaoyou-edz-management-committee' },
  { form: 'traditional', query: '開發區', expected: 'org:gaoyou-edz' },
  { form: 'pinyin', query: 'gaoyou', expected: 'place:gaoyou' },
  { form: 'pinyin', query: 'Gāoyóu', expected: 'place:gaoyou' },
  { form: 'initials', query: 'gyjjkfq', expected: 'org:gaoyou-edz' },
];

/**
 * The test set built from a graph loaded from the seed: for every entity whose name is Han characters only and
 * is no other entity's name, its name in each written form (simplified, traditional, full pinyin without and with
 * spaces, with tone marks and capitals, initials), a prefix (the first 60 % of the characters, at least two) and
 * a contiguous inner part (without its first and last character, names of five characters or more); then the
 * hand-written queries. Pinyin comes from pinyin-pro over the name, like the index, so this measures the ranking
 * and the folding of what is typed, not the romanisation.
 */
export async function buildSearchTestSet(driver: Driver, database?: string): Promise<SearchCase[]> {
  const { records } = await driver.executeQuery('MATCH (e:Entity) RETURN e.id AS id, e.name AS name ORDER BY id', {}, { database });
  const named = records.map((r) => ({ id: r.get('id') as string, name: r.get('name') as string }));
  const count = new Map<string, number>();
  for (const e of named) count.set(e.name, (count.get(e.name) ?? 0) + 1);
  const cases: SearchCase[] = [];
  for (const { id, name } of named) {
    if (!HAN.test(name) || count.get(name)! > 1) continue;
    const chars = [...name];
    const syllables = pinyin(name, { type: 'array', toneType: 'none' });
    const toned = pinyin(name, { type: 'array' });
    const add = (form: string, query: string): void => {
      cases.push({ form, query, expected: id });
    };
    add('simplified', name);
    add('traditional', toTraditional(name));
    add('pinyin', syllables.join(''));
    add('pinyin with spaces', syllables.join(' '));
    add('pinyin with tones', toned.map((s) => s[0].toUpperCase() + s.slice(1)).join(' '));
    add('initials', syllables.map((s) => s[0]).join(''));
    if (chars.length >= 3) add('prefix', chars.slice(0, Math.max(2, Math.ceil(chars.length * 0.6))).join(''));
    if (chars.length >= 5) add('contained part', chars.slice(1, -1).join(''));
  }
  return [...cases, ...HAND];
}
