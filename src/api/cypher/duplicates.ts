import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { type Page, pageOf } from './entityPage';
import { L, R } from './labels';

export type DuplicateReason = 'SAME_NAME' | 'SHORT_FORM' | 'LEGAL_FORM' | 'PINYIN_OR_LATIN' | 'SHARED_EVENT' | 'SHARED_POSITION';

export interface DuplicateRow {
  aId: string;
  bId: string;
  score: number;
  reasons: DuplicateReason[];
}

/** What each reason is worth; a shared event or position adds to the best name reason. */
const NAME_WEIGHT: Record<string, number> = { SAME_NAME: 1, SHORT_FORM: 0.9, LEGAL_FORM: 0.85, PINYIN_OR_LATIN: 0.75 };
const CONTEXT_WEIGHT = 0.1;

/**
 * Pairs of entities of one type that share a blocking key (written with their derivation: `src/search/
 * blockingKeys.ts`), so only the entities in one block are compared, never all pairs; with what else they
 * share (an event both took part in, the same title at the same organisation).
 */
const CANDIDATE_PAIRS = `
  MATCH (k:${L.BlockingKey}) WHERE k.key STARTS WITH $prefix
  MATCH (k)-[:${R.BLOCKS}]->(a:${L.Entity}), (k)-[:${R.BLOCKS}]->(b:${L.Entity})
  WHERE a.id < b.id
  WITH a, b, collect(DISTINCT split(k.key, '|')[1]) AS kinds
  RETURN a.id AS a, b.id AS b, kinds,
         any(x IN a.searchNames WHERE x IN b.searchNames) AS sameName,
         EXISTS { (a)-[:${R.PARTICIPATED_IN}]->(:${L.Event})<-[:${R.PARTICIPATED_IN}]-(b) } AS sharedEvent,
         EXISTS { (a)-[p:HOLDS_POSITION]->(o)<-[q:HOLDS_POSITION]-(b) WHERE p.key = q.key } AS sharedPosition`;

export function scorePair(r: { kinds: string[]; sameName: boolean; sharedEvent: boolean; sharedPosition: boolean }): { score: number; reasons: DuplicateReason[] } {
  const reasons: DuplicateReason[] = [];
  if (r.sameName) reasons.push('SAME_NAME');
  else if (r.kinds.includes('n')) reasons.push('SHORT_FORM');
  if (r.kinds.includes('c')) reasons.push('LEGAL_FORM');
  // the pinyin key is the core's: equal cores have it too, so it says something only when the characters differ
  if (r.kinds.includes('p') && reasons.length === 0) reasons.push('PINYIN_OR_LATIN');
  const base = Math.max(0, ...reasons.map((x) => NAME_WEIGHT[x]));
  if (r.sharedEvent) reasons.push('SHARED_EVENT');
  if (r.sharedPosition) reasons.push('SHARED_POSITION');
  const bonus = (r.sharedEvent ? CONTEXT_WEIGHT : 0) + (r.sharedPosition ? CONTEXT_WEIGHT : 0);
  return { score: Math.round(Math.min(1, base + bonus) * 1000) / 1000, reasons };
}

/** Candidate pairs of `type` (null: every type) scoring at least `minScore`, best first (then by ids). */
export async function duplicatesPage(ctx: Context, type: string | null, minScore: number, skip: number, take: number): Promise<Page<DuplicateRow>> {
  const rows = await readQuery(ctx, CANDIDATE_PAIRS, { prefix: type ? `${type}|` : '' });
  const pairs = rows
    .map((r: Row) => ({ aId: r.a as string, bId: r.b as string, ...scorePair(r as never) }))
    .filter((p) => p.score >= minScore)
    .sort((x, y) => y.score - x.score || (x.aId < y.aId ? -1 : x.aId > y.aId ? 1 : x.bId < y.bId ? -1 : x.bId > y.bId ? 1 : 0));
  return pageOf(pairs.slice(skip), take, pairs.length);
}
