import { Converter } from 'opencc-js';

/**
 * Text as stored: Unicode NFC, trimmed. Nothing else changes, so what an article says is returned
 * exactly as it said it.
 */
export function storedText(value: string): string {
  return value.normalize('NFC').trim();
}

// Han, Hiragana/Katakana, Hangul, CJK punctuation and full-width forms: white space next to these is
// layout, not meaning ("金 锋" is 金锋), while between Latin words it separates words.
const CJK = '\\u2E80-\\u9FFF\\uA960-\\uA97F\\uAC00-\\uD7FF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF';
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'gu');
const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');

/**
 * The standard short forms of Chinese institutional names, as government newsletters use them: a name
 * key writes the full form as its short form, so `高邮经济开发区管理委员会` and `高邮经济开发区管委会` are one
 * name. Only forms that name the same body whatever surrounds them are here; `经济开发区` → `经开区` is not
 * (the spec keeps those apart, as it does `有限公司` and `股份有限公司`). Longer forms are tried first.
 */
export const INSTITUTION_SHORT_FORMS: ReadonlyArray<readonly [full: string, short: string]> = [
  ['中国共产党', '中共'],
  ['中国共产主义青年团', '共青团'],
  ['管理委员会', '管委会'],
  ['常务委员会', '常委会'],
  ['村民委员会', '村委会'],
  ['居民委员会', '居委会'],
  ['纪律检查委员会', '纪委'],
  ['发展和改革委员会', '发改委'],
  ['工作委员会', '工委'], // 党工作委员会 = 党工委, 人大工作委员会 = 人大工委, 团工作委员会 = 团工委
  ['人民代表大会', '人大'],
  ['政治协商会议', '政协'],
  ['人民政府', '政府'],
  ['人力资源和社会保障局', '人社局'],
  ['市场监督管理局', '市场监管局'],
  ['经济发展局', '经发局'],
  ['科学技术协会', '科协'],
  ['妇女联合会', '妇联'],
  ['工商业联合会', '工商联'],
  ['安全生产委员会办公室', '安委办'],
];

const SHORT_FORM = new Map(INSTITUTION_SHORT_FORMS.map(([full, short]) => [full, short]));
const FULL_FORMS = new RegExp(
  [...SHORT_FORM.keys()].sort((a, b) => b.length - a.length).join('|'),
  'gu',
);

/** Traditional characters (Taiwan, Hong Kong, OpenCC standard) as mainland simplified ones: 金鋒 → 金锋. */
const toSimplified = Converter({ from: 't', to: 'cn' });

/**
 * Which rules `nameKey` and the derivation of entities from their mentions follow (3: of names tied in count, a Chinese
 * one, then the longer, is the name). A graph stores name keys and derived names; when the rules change, every entity written
 * under older rules is re-derived once (`src/ingest/rekeyNames.ts`).
 */
export const NAME_KEY_VERSION = 3;

/**
 * The key under which names are compared for identity (spec: NFKC, trimmed, inner white space removed
 * for CJK text, case-folded for Latin text, traditional characters folded to simplified, the standard short
 * forms of institutional names for their full forms). Astral-plane characters are kept as they are.
 */
export function nameKey(value: string): string {
  const plain = value
    .normalize('NFKC')
    .trim()
    .replace(SPACE_NEXT_TO_CJK, '')
    .replace(/\s+/gu, ' ')
    .toLowerCase();
  if (!hasCjk(plain)) return plain;
  return toSimplified(plain).replace(FULL_FORMS, (full: string) => SHORT_FORM.get(full)!);
}

export function hasCjk(value: string): boolean {
  return CJK_CHAR.test(value);
}
