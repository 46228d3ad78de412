import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { type Page, pageOf } from './entityPage';
import { L, R, relType } from './labels';

const HOLDS = relType('HOLDS_POSITION');

export type DuplicateReason =
  | 'SAME_NAME'
  | 'SHORT_FORM'
  | 'LEGAL_FORM'
  | 'CITY_ZONE'
  | 'PINYIN_OR_LATIN'
  | 'HOMOPHONE'
  | 'SHARED_EVENT'
  | 'SHARED_POSITION';

export interface DuplicateRow {
  aId: string;
  bId: string;
  score: number;
  reasons: DuplicateReason[];
}

/** What each name reason is worth (the best one counts); a shared event or position adds to it. */
const NAME_WEIGHT: Record<string, number> = { SAME_NAME: 1, SHORT_FORM: 0.9, LEGAL_FORM: 0.85, CITY_ZONE: 0.85, PINYIN_OR_LATIN: 0.8, HOMOPHONE: 0.5 };
/** A name part this short is shared by unrelated bodies and people: a bare trade name (华恒集团, 华恒公司), a personal name in pinyin. */
const WEAK = 0.7;
const SHORT_CORE = 4;
const SHORT_PINYIN = 12;
const CONTEXT_WEIGHT = 0.1;

/**
 * Pairs of entities of one type that share a blocking key (written with their derivation: `src/search/
 * blockingKeys.ts`), so only the entities in one block are compared, never all pairs; only the blocks of two or
 * more are read (the `SharedBlock`s, marked with each derivation); with the keys they share. A pair an editor
 * marked distinct (a DISTINCT judgement in force) is left out.
 */
const CANDIDATE_PAIRS = `
  MATCH (k:${L.SharedBlock}) WHERE k.key STARTS WITH $prefix
  MATCH (k)-[:${R.BLOCKS}]->(a:${L.Entity}), (k)-[:${R.BLOCKS}]->(b:${L.Entity})
  WHERE a.id < b.id
    AND NOT EXISTS { MATCH (j:${L.Judgement} {a: a.id}) WHERE j.b = b.id AND j.kind = 'DISTINCT' AND j.undoneAt IS NULL }
    AND NOT EXISTS { MATCH (j:${L.Judgement} {a: b.id}) WHERE j.b = a.id AND j.kind = 'DISTINCT' AND j.undoneAt IS NULL }
  WITH a, b, collect(k.key) AS keys
  RETURN a.id AS a, b.id AS b, keys, a.searchShort + b.searchShort AS shorts, any(x IN a.searchNames WHERE x IN b.searchNames) AS sameName`;

/** What else the pairs share: an event both took part in, the same title at the same organisation. */
const PAIR_CONTEXT = `
  UNWIND $pairs AS pair
  MATCH (a:${L.Entity} {id: pair[0]}), (b:${L.Entity} {id: pair[1]})
  RETURN pair[0] AS a, pair[1] AS b,
         EXISTS { (a)-[:${R.PARTICIPATED_IN}]->(:${L.Event})<-[:${R.PARTICIPATED_IN}]-(b) } AS sharedEvent,
         EXISTS { (a)-[p:${HOLDS}]->(o)<-[q:${HOLDS}]-(b) WHERE p.key = q.key } AS sharedPosition`;

export interface PairNames {
  /** the blocking keys both have (`<type>|<kind>|<value>`) */
  keys: string[];
  /** both entities' names in their short forms */
  shorts: string[];
  sameName: boolean;
}

export interface PairFacts extends PairNames {
  sharedEvent: boolean;
  sharedPosition: boolean;
}

/** The name reason of a pair and what it is worth, from the keys it shares (null: none counts). */
export function nameReason(r: PairNames): { reason: DuplicateReason; weight: number } | null {
  const shared = r.keys.map((k) => {
    const [, kind, ...value] = k.split('|');
    return { kind, value: value.join('|') };
  });
  const of = (kind: string) => shared.filter((s) => s.kind === kind);
  if (r.sameName) return { reason: 'SAME_NAME', weight: NAME_WEIGHT.SAME_NAME };
  if (of('n').length) return { reason: 'SHORT_FORM', weight: NAME_WEIGHT.SHORT_FORM };
  const cores = of('c');
  if (cores.length) {
    const long = cores.some((c) => [...c.value].length >= SHORT_CORE);
    return { reason: 'LEGAL_FORM', weight: long ? NAME_WEIGHT.LEGAL_FORM : WEAK };
  }
  if (of('z').length) return { reason: 'CITY_ZONE', weight: NAME_WEIGHT.CITY_ZONE };
  // the pinyin key is the core's: it says something of its own only when the characters differ. A Latin name's
  // short form is its own pinyin, so a value among the names is a romanisation; otherwise two Han names sound alike
  const sounds = of('p');
  const latin = sounds.filter((s) => r.shorts.includes(s.value));
  if (latin.length) return { reason: 'PINYIN_OR_LATIN', weight: latin.some((s) => s.value.length >= SHORT_PINYIN) ? NAME_WEIGHT.PINYIN_OR_LATIN : WEAK };
  if (sounds.length) return { reason: 'HOMOPHONE', weight: NAME_WEIGHT.HOMOPHONE };
  return null;
}

export function scorePair(r: PairFacts): { score: number; reasons: DuplicateReason[] } {
  const name = nameReason(r);
  const reasons: DuplicateReason[] = name ? [name.reason] : [];
  if (r.sharedEvent) reasons.push('SHARED_EVENT');
  if (r.sharedPosition) reasons.push('SHARED_POSITION');
  const bonus = (r.sharedEvent ? CONTEXT_WEIGHT : 0) + (r.sharedPosition ? CONTEXT_WEIGHT : 0);
  return { score: Math.round(Math.min(1, (name?.weight ?? 0) + bonus) * 1000) / 1000, reasons };
}

/**
 * Candidate pairs of `type` (null: every type) scoring at least `minScore`, best first (then by ids). The pairs'
 * names are scored first; what else they share is read only for the pairs it can lift to `minScore`.
 */
export async function duplicatesPage(ctx: Context, type: string | null, minScore: number, skip: number, take: number): Promise<Page<DuplicateRow>> {
  const named = (await readQuery(ctx, CANDIDATE_PAIRS, { prefix: type ? `${type}|` : '' }))
    .map((r: Row) => ({ a: r.a as string, b: r.b as string, names: r as unknown as PairNames }))
    .filter((p) => (nameReason(p.names)?.weight ?? 0) + 2 * CONTEXT_WEIGHT >= minScore - 1e-9);
  const context = named.length
    ? new Map((await readQuery(ctx, PAIR_CONTEXT, { pairs: named.map((p) => [p.a, p.b]) })).map((r) => [`${r.a}|${r.b}`, r]))
    : new Map<string, Row>();
  const pairs = named
    .map((p) => {
      const c = context.get(`${p.a}|${p.b}`);
      return { aId: p.a, bId: p.b, ...scorePair({ ...p.names, sharedEvent: c?.sharedEvent === true, sharedPosition: c?.sharedPosition === true }) };
    })
    .filter((p) => p.score >= minScore)
    .sort((x, y) => y.score - x.score || (x.aId < y.aId ? -1 : x.aId > y.aId ? 1 : x.bId < y.bId ? -1 : x.bId > y.bId ? 1 : 0));
  return pageOf(pairs.slice(skip), take, pairs.length);
}
