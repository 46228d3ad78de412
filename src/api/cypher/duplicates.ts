import type { WriteTx } from '../../graph';
import type { JudgementRecord } from '../../ingest';
import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
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

/** Where a pair is in review: a candidate still (`OPEN`), or judged (`MERGED`, `DISTINCT`: a judgement in force). */
export type DuplicateStatus = 'OPEN' | 'MERGED' | 'DISTINCT';

export interface DuplicateRow {
  aId: string;
  bId: string;
  score: number;
  reasons: DuplicateReason[];
  status: DuplicateStatus;
  /** the judgement in force on a judged pair */
  judgement: JudgementRecord | null;
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
 * marked distinct (a DISTINCT or SPLIT judgement in force) is left out.
 */
const CANDIDATE_PAIRS = `
  MATCH (k:${L.SharedBlock}) WHERE k.key STARTS WITH $prefix
  MATCH (k)-[:${R.BLOCKS}]->(a:${L.Entity}), (k)-[:${R.BLOCKS}]->(b:${L.Entity})
  WHERE a.id < b.id
    AND NOT EXISTS { MATCH (j:${L.Judgement} {a: a.id}) WHERE j.b = b.id AND j.kind IN ['DISTINCT', 'SPLIT'] AND j.undoneAt IS NULL }
    AND NOT EXISTS { MATCH (j:${L.Judgement} {a: b.id}) WHERE j.b = a.id AND j.kind IN ['DISTINCT', 'SPLIT'] AND j.undoneAt IS NULL }
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
      const scored = scorePair({ ...p.names, sharedEvent: c?.sharedEvent === true, sharedPosition: c?.sharedPosition === true });
      return { aId: p.a, bId: p.b, ...scored, status: 'OPEN' as const, judgement: null };
    })
    .filter((p) => p.score >= minScore)
    .sort((x, y) => y.score - x.score || (x.aId < y.aId ? -1 : x.aId > y.aId ? 1 : x.bId < y.bId ? -1 : x.bId > y.bId ? 1 : 0));
  return pageOf(pairs.slice(skip), take, pairs.length);
}

/** One pair's blocking keys, names and context, as `CANDIDATE_PAIRS` and `PAIR_CONTEXT` read them. Parameters `a`, `b`. */
const ONE_PAIR = `
  MATCH (a:${L.Entity} {id: $a}), (b:${L.Entity} {id: $b})
  RETURN COLLECT { MATCH (a)<-[:${R.BLOCKS}]-(k:${L.BlockingKey})-[:${R.BLOCKS}]->(b) RETURN k.key } AS keys,
         a.searchShort + b.searchShort AS shorts, any(x IN a.searchNames WHERE x IN b.searchNames) AS sameName,
         EXISTS { (a)-[:${R.PARTICIPATED_IN}]->(:${L.Event})<-[:${R.PARTICIPATED_IN}]-(b) } AS sharedEvent,
         EXISTS { (a)-[p:${HOLDS}]->(o)<-[q:${HOLDS}]-(b) WHERE p.key = q.key } AS sharedPosition`;

/**
 * A pair's score and reasons as `duplicates` gives them, read in the caller's write transaction (a judgement keeps
 * what the review queue showed: the pair is no candidate once judged, and a merged one no pair at all).
 */
export async function assessPair(tx: WriteTx, a: string, b: string): Promise<{ score: number; reasons: string[] }> {
  const result = await tx.run(ONE_PAIR, { a, b });
  if (result.records.length === 0) return { score: 0, reasons: [] };
  const r = result.records[0].toObject() as PairFacts;
  return scorePair({ keys: r.keys ?? [], shorts: r.shorts ?? [], sameName: r.sameName === true, sharedEvent: r.sharedEvent, sharedPosition: r.sharedPosition });
}

const JUDGED_FIELDS = `j {.id, .kind, .a, .b, .reason, .by, at: toString(j.at), undoneAt: toString(j.undoneAt), .undoneBy, .undoReason, .mentions, .kept, .score, .reasons}`;

/**
 * The judged pairs of the review queue: the MERGE or DISTINCT judgements in force (parameter `kind`) whose two ids
 * still resolve to entities (a merged id to the kept one), of `type` (null: any), scoring at least `minScore` when
 * judged (a pair judged without a score counts as 0), best first, then newest. Parameters `skip`, `take`.
 */
const JUDGED_PAIRS = `
  MATCH (j:${L.Judgement} {kind: $kind}) USING INDEX j:${L.Judgement}(kind)
  WHERE j.undoneAt IS NULL AND coalesce(j.score, 0.0) >= $minScore
  CALL (j) {
    UNWIND [j.a, j.b] AS id
    OPTIONAL MATCH (:${L.MergedId} {id: id})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
    OPTIONAL MATCH (own:${L.Entity} {id: id})
    WITH coalesce(kept, own) AS e
    RETURN collect(e.type) AS types
  }
  WITH j WHERE size(types) = 2 AND ($type IS NULL OR types[0] = $type)
  WITH j ORDER BY coalesce(j.score, 0.0) DESC, j.at DESC, j.id
  WITH collect(${JUDGED_FIELDS}) AS found
  RETURN size(found) AS total, found[$skip..($skip + $take + 1)] AS rows`;

/** The pairs an editor judged (`status` MERGED or DISTINCT), as `duplicatesPage` gives the open ones. */
export async function judgedPairsPage(
  ctx: Context,
  status: Exclude<DuplicateStatus, 'OPEN'>,
  type: string | null,
  minScore: number,
  skip: number,
  take: number,
): Promise<Page<DuplicateRow>> {
  const kind = status === 'MERGED' ? 'MERGE' : 'DISTINCT';
  const [row] = await readQuery(ctx, JUDGED_PAIRS, { kind, type, minScore, skip: int(skip), take: int(take) });
  const rows = (row.rows as JudgementRecord[]).map((j) => ({
    aId: j.a,
    bId: j.b,
    score: j.score ?? 0,
    reasons: (j.reasons ?? []) as DuplicateReason[],
    status,
    judgement: j,
  }));
  return pageOf(rows, take, Number(row.total));
}
