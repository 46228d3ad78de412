import * as OpenCC from 'opencc-js';

/** Traditional to simplified, phrase-aware (OpenCC's dictionaries), as identity's name keys (src/model) fold them. */
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Separators and punctuation carry no meaning when looking a name up: `TOPCon、HJT` is found by `topcon hjt`. */
const IGNORED = /[\s\p{P}\p{S}]/u;
const MARKS = /\p{M}/gu;

/** A text folded for search, with where each of its UTF-16 units came from in the original text. */
export interface Folded {
  text: string;
  /** `origin[i]`: the UTF-16 index, in the original, of the character that gave `text[i]` */
  origin: number[];
  /** UTF-16 end (exclusive), in the original, of the character that gave `text[i]` */
  originEnd: number[];
}

function foldChar(c: string): string {
  if (IGNORED.test(c)) return '';
  return c.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '').normalize('NFC').replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * The search form of a text: traditional characters as simplified (OpenCC), NFKC (full-width forms as
 * ASCII), lower case, diacritics dropped (`Jīn` is `jin`), white space, punctuation and symbols dropped. Names and
 * queries are folded alike, so a match is a substring of folded forms. Folded character by character after the
 * whole text's conversion (OpenCC keeps the length of Han text), so every folded unit knows its original place.
 */
export function foldAligned(value: string): Folded {
  const chars = Array.from(value);
  const converted = Array.from(toSimplified(value));
  // phrase conversion that changed the number of characters cannot be aligned: fold the original characters
  const source = converted.length === chars.length ? converted : chars.map((c) => toSimplified(c));
  const out: Folded = { text: '', origin: [], originEnd: [] };
  let at = 0;
  chars.forEach((c, i) => {
    const f = foldChar(source[i]);
    for (let k = 0; k < f.length; k++) {
      out.origin.push(at);
      out.originEnd.push(at + c.length);
    }
    out.text += f;
    at += c.length;
  });
  return out;
}

/** The search form of a text (`foldAligned` without the alignment). */
export function searchFold(value: string): string {
  return foldAligned(value).text;
}

/** Traditional characters of a text as simplified, nothing else changed (for phrase search in article text). */
export function simplified(value: string): string {
  return toSimplified(value);
}
