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
 * The key under which names are compared for identity (spec: NFKC, trimmed, inner white space removed
 * for CJK text, case-folded for Latin text). Astral-plane characters are kept as they are.
 */
export function nameKey(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .replace(SPACE_NEXT_TO_CJK, '')
    .replace(/\s+/gu, ' ')
    .toLowerCase();
}

export function hasCjk(value: string): boolean {
  return CJK_CHAR.test(value);
}
