import { PASSAGES_INDEX } from '../../graph/schemaStatements';
import { evidenceInPassage, passagesIn, simplified } from '../../search';
import { nameKey } from '../../model';
import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { type Page, pageOf } from './entityPage';
import { where } from './group';
import { L, R } from './labels';
import { articleRow, type ArticleRow } from './rows';

export interface PassageRow {
  article: ArticleRow;
  /** where the passage starts in the article's text; null when it is an event's evidence (no text stored) */
  start: number | null;
  text: string;
  ranges: Array<{ start: number; end: number }>;
  /** ids of the entities and events whose evidence lies in the passage (entities also when it names them) */
  entityIds: string[];
  eventIds: string[];
}

interface Evidence {
  id: string;
  evidence: string | null;
  names?: string[];
}

/**
 * The articles whose text (or, for an article stored without text, an event's evidence) holds the phrase
 * (full-text index, cjk bigrams as a phrase), best first, with the evidence of what each reports and mentions.
 */
const PASSAGE_ARTICLES = (dates: string[]): string => `
  CALL db.index.fulltext.queryNodes($index, $phrase) YIELD node, score
  OPTIONAL MATCH (src:${L.Article})-[:${R.REPORTS}]->(node) WHERE node:${L.Event}
  WITH CASE WHEN node:${L.Article} THEN node ELSE src END AS a, score,
       CASE WHEN node:${L.Event} THEN node.evidence END AS evidence
  WITH a, max(score) AS score, collect(evidence) AS evidenceHits
  ${where(['a IS NOT NULL', ...dates])}
  WITH a, score, evidenceHits ORDER BY score DESC, a.id ASC
  RETURN a {.id, .title, .publisher, .publishedOn, .url, .language, .text} AS article, evidenceHits,
         [(a)-[r:${R.REPORTS}]->(x:${L.Event}) | {id: x.id, evidence: coalesce(r.evidence, x.evidence)}] AS events,
         [(a)-[m:${R.MENTIONS}]->(e:${L.Entity}) | {id: e.id, evidence: m.evidence, names: [m.name] + coalesce(m.aliases, [])}] AS entities`;

/** Entities whose evidence lies in the passage, or which it names (names of two characters or more). */
function supportedEntities(passage: string, entities: Evidence[]): string[] {
  const folded = nameKey(simplified(passage));
  const ids = entities
    .filter(
      (e) =>
        (e.evidence && evidenceInPassage(passage, e.evidence)) ||
        (e.names ?? []).some((n) => [...nameKey(n)].length >= 2 && folded.includes(nameKey(simplified(n)))),
    )
    .map((e) => e.id);
  return [...new Set(ids)].sort();
}

/**
 * Passages (sentences) of article text holding the query, with the part to highlight and what they support,
 * in the order of the articles' relevance, then of the text; one page and the total. Every matching article's
 * text is read and cut into sentences in Node (the total needs them all).
 */
export async function passagesPage(
  ctx: Context,
  query: { needle: string; phrase: string },
  window: { from: string | null; to: string | null },
  skip: number,
  take: number,
): Promise<Page<PassageRow>> {
  const dates = [
    ...(window.from ? ["a.publishedOn + CASE size(a.publishedOn) WHEN 7 THEN '-31' ELSE '' END >= $from"] : []),
    ...(window.to ? ['a.publishedOn <= $to'] : []),
  ];
  const rows = await readQuery(ctx, PASSAGE_ARTICLES(dates), { index: PASSAGES_INDEX, phrase: query.phrase, from: window.from, to: window.to });
  const all: PassageRow[] = [];
  for (const r of rows) {
    const a = r.article as Row;
    const article = articleRow(a);
    const events = r.events as Evidence[];
    const entities = r.entities as Evidence[];
    const found =
      typeof a.text === 'string'
        ? passagesIn(a.text, query.needle)
        : [...new Set(r.evidenceHits as string[])].flatMap((e) => passagesIn(e, query.needle).map((p) => ({ ...p, start: null })));
    for (const p of found) {
      all.push({
        article,
        start: p.start,
        text: p.text,
        ranges: p.ranges,
        entityIds: supportedEntities(p.text, entities),
        eventIds: [...new Set(events.filter((e) => e.evidence && evidenceInPassage(p.text, e.evidence)).map((e) => e.id))].sort(),
      });
    }
  }
  return pageOf(all.slice(skip), take, all.length);
}
