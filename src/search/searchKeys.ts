import { pinyin } from 'pinyin-pro';
import { type Folded, foldAligned } from './fold';
import { blockingKeysOf } from './blockingKeys';
import { shortForm } from './shortForms';

/**
 * Bump when the folding or the keys change: entities whose stored keys have another version get new ones at
 * start-up (`ensureSearchKeys`).
 */
export const SEARCH_KEYS_VERSION = 3;

/** What search looks names up by, one entry per name (the name first, then the aliases, in their order). */
export interface SearchKeys {
  /** each name folded (`searchFold`) */
  searchNames: string[];
  /** each folded name in its short form (`shortForm`: 经济开发区 → 经开区) */
  searchShort: string[];
  /** each name's folded form in toneless pinyin, Han characters as syllables, anything else as it is */
  searchPinyin: string[];
  /** the same with each Han character's initial letter (`高邮经济开发区` → `gyjjkfq`) */
  searchInitials: string[];
  /** all the above, one per line: what the text index's CONTAINS looks in */
  searchText: string;
  searchVersion: number;
  /** the duplicate candidates' blocking keys (`blockingKeysOf`), written as BlockingKey nodes */
  blockingKeys: string[];
}

/** A folded name spelled out in pinyin (or initials), with, per unit, the folded character it came from. */
export interface Spelled {
  text: string;
  /** `from[i]`: index in the folded text of the character that gave `text[i]` */
  from: number[];
}

const MARKS = /\p{M}/gu;

/**
 * Full pinyin and initials of a folded text: pinyin-pro reads polyphonic characters in context (银行 háng). Its
 * array form (one item per code point, a character it cannot spell given back as it is) costs a quarter of its
 * `all` form, and search highlights spell every hit of a page; `all` stays the fallback should the two ever
 * disagree in length.
 */
export function spell(folded: string): { pinyin: Spelled; initials: Spelled } {
  const chars = [...folded];
  const items = pinyin(folded, { type: 'array', toneType: 'none' });
  const parts =
    items.length === chars.length
      ? chars.map((origin, i) => ({ origin, isZh: items[i] !== origin, pinyin: items[i] }))
      : pinyin(folded, { type: 'all', toneType: 'none' });
  const full: Spelled = { text: '', from: [] };
  const initials: Spelled = { text: '', from: [] };
  const add = (into: Spelled, part: string, index: number): void => {
    into.text += part;
    for (let k = 0; k < part.length; k++) into.from.push(index);
  };
  let index = 0;
  for (const c of parts) {
    const syllable = c.isZh ? c.pinyin.normalize('NFD').replace(MARKS, '') : c.origin;
    add(full, syllable, index);
    add(initials, c.isZh ? syllable.slice(0, 1) : c.origin, index);
    index += c.origin.length;
  }
  return { pinyin: full, initials };
}

/**
 * Spelling a name out in pinyin is most of an ingest's client-side CPU, and the same entities are named again and
 * again across documents: keys are remembered for the most recent names (frozen, so that a caller that changed a
 * shared result would fail loudly instead of corrupting another document's keys).
 */
const MEMO_SIZE = 5_000;
const memo = new Map<string, SearchKeys>();

/** The search keys of an entity of this type with these names (name first). */
export function searchKeysOf(type: string, names: readonly string[]): SearchKeys {
  const key = `${type}\u0000${names.join('\u0000')}`;
  const known = memo.get(key);
  if (known) return known;
  const keys = computeSearchKeys(type, names);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(key, keys);
  return keys;
}

function computeSearchKeys(type: string, names: readonly string[]): SearchKeys {
  const folded: Folded[] = names.map((n) => foldAligned(n));
  const spelled = folded.map((f) => spell(f.text));
  const searchNames = folded.map((f) => f.text);
  const searchShort = searchNames.map(shortForm);
  const searchPinyin = spelled.map((s) => s.pinyin.text);
  const searchInitials = spelled.map((s) => s.initials.text);
  return Object.freeze({
    searchNames: Object.freeze(searchNames) as string[],
    searchShort: Object.freeze(searchShort) as string[],
    searchPinyin: Object.freeze(searchPinyin) as string[],
    searchInitials: Object.freeze(searchInitials) as string[],
    searchText: [...new Set([...searchNames, ...searchShort, ...searchPinyin, ...searchInitials])].join('\n'),
    searchVersion: SEARCH_KEYS_VERSION,
    blockingKeys: Object.freeze(blockingKeysOf(type, searchShort)) as string[],
  });
}
