import { foldAligned, type Folded } from './fold';
import { spell } from './searchKeys';

/** How a name matched a query, best first. */
export type MatchKind = 'EXACT' | 'PREFIX' | 'CONTAINS' | 'PINYIN' | 'INITIALS' | 'FUZZY';

export interface NameMatch {
  kind: MatchKind;
  /** UTF-16 ranges [start, end) of the name that matched, in order, not overlapping */
  ranges: Array<{ start: number; end: number }>;
}

const rangeOf = (f: Folded, from: number, to: number): { start: number; end: number } => ({
  start: f.origin[from],
  end: f.originEnd[to - 1],
});

/** Runs of the name of two or more folded characters (one, for a one-character query) that the query contains. */
function overlaps(f: Folded, q: string): Array<{ start: number; end: number }> {
  const min = Math.min(2, q.length);
  const ranges: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < f.text.length) {
    let j = i + min;
    if (j > f.text.length || !q.includes(f.text.slice(i, j))) {
      i++;
      continue;
    }
    while (j < f.text.length && q.includes(f.text.slice(i, j + 1))) j++;
    const r = rangeOf(f, i, j);
    const last = ranges[ranges.length - 1];
    if (last && last.end >= r.start) last.end = Math.max(last.end, r.end);
    else ranges.push(r);
    i = j;
  }
  return ranges;
}

/**
 * Where a folded query `q` matches a name as stored (`kind` says how the database matched it; SPELLED: by its
 * pinyin or its initials, told apart here): the UTF-16 ranges of the stored name to highlight. Pinyin and initials
 * matches highlight the characters whose syllables the query covers.
 */
export function highlightName(name: string, q: string, kind: MatchKind | 'SPELLED'): NameMatch {
  const f = foldAligned(name);
  if (kind === 'EXACT' || kind === 'PREFIX' || kind === 'CONTAINS') {
    const at = f.text.indexOf(q);
    if (at >= 0 && q.length > 0) return { kind, ranges: [rangeOf(f, at, at + q.length)] };
  } else if (kind === 'PINYIN' || kind === 'INITIALS' || kind === 'SPELLED') {
    // spelled once: SPELLED (the database matched the pinyin or the initials) is told apart here
    const both = spell(f.text);
    const how = kind === 'SPELLED' ? (both.pinyin.text.includes(q) ? 'PINYIN' : 'INITIALS') : kind;
    const spelled = both[how === 'PINYIN' ? 'pinyin' : 'initials'];
    const at = spelled.text.indexOf(q);
    if (at >= 0 && q.length > 0) {
      const from = spelled.from[at];
      const to = spelled.from[at + q.length - 1] + 1;
      return { kind: how, ranges: [rangeOf(f, from, to)] };
    }
    return { kind: how, ranges: overlaps(f, q) };
  }
  return { kind, ranges: overlaps(f, q) };
}
