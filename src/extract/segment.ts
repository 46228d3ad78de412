/**
 * Chinese word segmentation with part-of-speech tags (@node-rs/jieba), with the product's own words added:
 * titles, organisation suffixes, place names and event triggers, so they come out as one token each.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { EVENT_TRIGGERS, ORG_SUFFIXES, PLACES, TITLES, ZONE_UNITS } from './lexicon';

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

let shared: Jieba | null = null;

function productDictionary(): Buffer {
  const lines: string[] = [];
  for (const t of TITLES) lines.push(`${t} 50000 nn`);
  for (const [s] of ORG_SUFFIXES) if (s.length > 1) lines.push(`${s} 20000 nt`);
  for (const u of ZONE_UNITS) lines.push(`${u} 20000 nt`);
  for (const [p] of PLACES) lines.push(`${p} 30000 ns`);
  for (const t of EVENT_TRIGGERS) if (t.word.length > 1) lines.push(`${t.word} 20000 vn`);
  return Buffer.from(lines.join('\n'));
}

function jieba(): Jieba {
  if (!shared) {
    shared = Jieba.withDict(dict);
    shared.loadDict(productDictionary());
  }
  return shared;
}

const added = new Set<string>();

/**
 * Adds words (names already in the graph) to the segmenter's dictionary for the rest of the process. A word added
 * before is not added again: each request of the API reads the graph's names afresh, and reloading them all into
 * the dictionary cost seconds per request on a graph of 100 000 entities.
 */
export function addWords(words: Iterable<string>, tag = 'nz'): void {
  const lines: string[] = [];
  for (const w of words) {
    if (w.length <= 1 || /\s/u.test(w) || added.has(`${w}|${tag}`)) continue;
    added.add(`${w}|${tag}`);
    lines.push(`${w} 30000 ${tag}`);
  }
  if (lines.length > 0) jieba().loadDict(Buffer.from(lines.join('\n')));
}

/** The tokens of a sentence with their offsets. */
export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const { word, tag } of jieba().tag(sentence, true)) {
    tokens.push({ word, tag, start: at, end: at + word.length });
    at += word.length;
  }
  return tokens;
}
