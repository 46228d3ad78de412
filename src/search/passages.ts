import { nameKey } from '../model';
import { simplified } from './fold';

/** A sentence of a text holding the query, with the query's occurrences in it (UTF-16, relative to `text`). */
export interface TextPassage {
  /** where the sentence starts in the whole text */
  start: number;
  text: string;
  ranges: Array<{ start: number; end: number }>;
}

/** Ends a sentence: Chinese and Latin full stops, question and exclamation marks, semicolons, line breaks. */
const SENTENCE_END = /[。！？!?；;\n]+/g;

/** What a passage query looks for in text: simplified, NFKC, white space next to Han characters dropped, lower case. */
export function passageNeedle(query: string): string {
  return nameKey(simplified(query));
}

/** The text as it is searched: simplified and lower-cased when that keeps every offset, else lower-cased only. */
function haystackOf(text: string): string {
  const s = simplified(text).toLowerCase();
  return s.length === text.length ? s : text.toLowerCase();
}

/** The sentences of `text` that hold `needle` (from `passageNeedle`), in order, each with the parts to highlight. */
export function passagesIn(text: string, needle: string): TextPassage[] {
  if (needle === '') return [];
  const hay = haystackOf(text);
  const out: TextPassage[] = [];
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return out;
    const last = out[out.length - 1];
    if (last && at < last.start + last.text.length) {
      last.ranges.push({ start: at - last.start, end: at + needle.length - last.start });
    } else {
      const start = sentenceStart(text, at);
      const end = Math.max(sentenceEnd(text, at), at + needle.length);
      out.push({ start, text: text.slice(start, end), ranges: [{ start: at - start, end: at + needle.length - start }] });
    }
    from = at + needle.length;
  }
}

function sentenceStart(text: string, at: number): number {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m && m.index + m[0].length <= at; m = SENTENCE_END.exec(text)) start = m.index + m[0].length;
  // list bullets and white space before a sentence are layout
  while (start < at && /[\s●•·▪■◆◇○★☆]/u.test(text[start])) start++;
  return start;
}

function sentenceEnd(text: string, at: number): number {
  SENTENCE_END.lastIndex = at;
  const m = SENTENCE_END.exec(text);
  if (!m) return text.length;
  // the mark ends the sentence it closes; a line break does not belong to it
  return m.index + m[0].replace(/\n[\s\S]*$/, '').length;
}

/**
 * Whether a piece of evidence (a sentence an article gives for a fact) is part of a passage: one holds the
 * other, compared as searched (so traditional and simplified, case, and white space next to Han agree).
 */
export function evidenceInPassage(passage: string, evidence: string): boolean {
  const p = nameKey(simplified(passage));
  const e = nameKey(simplified(evidence));
  return e !== '' && (p.includes(e) || e.includes(p));
}
