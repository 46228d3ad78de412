import type { WriteTx } from '../../graph';
import { JUDGEMENT_FIELDS, type JudgementRecord } from '../../ingest';
import type { Context } from '../context';
import { int, readQuery } from '../db/run';
import { type DuplicateReason, type PairFacts, scorePair } from '../../search';
import { type Page, pageOf } from './entityPage';
import { L, R, relType } from './labels';

const HOLDS = relType('HOLDS_POSITION');

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

/**
 * The open candidates: the stored `DUPLICATE_CANDIDATE` relationships (kept by every write: src/search/
 * candidates.ts) scoring at least `minScore`, sought in the score index (with `type`: the type-and-score one), best
 * first, then by ids. Parameters `minScore`, `type`, `skip`, `take`.
 */
const OPEN_PAIRS = (byType: boolean): string => `
  MATCH (x:${L.Entity})-[c:${R.DUPLICATE_CANDIDATE}]->(y:${L.Entity})
  USING INDEX c:${R.DUPLICATE_CANDIDATE}(${byType ? 'type, score' : 'score'})
  WHERE ${byType ? 'c.type = $type AND ' : ''}c.score >= $minScore
  WITH c, CASE WHEN x.id < y.id THEN [x.id, y.id] ELSE [y.id, x.id] END AS ids
  ORDER BY c.score DESC, ids[0], ids[1]
  WITH collect({a: ids[0], b: ids[1], score: c.score, reasons: c.reasons}) AS found
  RETURN size(found) AS total, found[$skip..($skip + $take + 1)] AS rows`;

/** Open candidate pairs of `type` (null: every type) scoring at least `minScore`, best first (then by ids): one index read. */
export async function duplicatesPage(ctx: Context, type: string | null, minScore: number, skip: number, take: number): Promise<Page<DuplicateRow>> {
  // the slice's end is a 32-bit integer in Cypher: a caller taking everything asks for at most this many
  const [row] = await readQuery(ctx, OPEN_PAIRS(type !== null), { type, minScore, skip: int(skip), take: int(Math.min(take, 1e9)) });
  const rows = (row.rows as Array<{ a: string; b: string; score: number; reasons: DuplicateReason[] }>).map((p) => ({
    aId: p.a,
    bId: p.b,
    score: p.score,
    reasons: p.reasons,
    status: 'OPEN' as const,
    judgement: null,
  }));
  return pageOf(rows, take, Number(row.total));
}

/**
 * The blocks over the cap (`OversizedBlock`, kept where blocking keys are written), largest first: a label scan.
 * Parameters `type` (null: any), `take`.
 */
const SKIPPED_BLOCKS = `
  MATCH (k:${L.OversizedBlock})
  WHERE $type IS NULL OR k.key STARTS WITH $type + '|'
  WITH k.key AS key, COUNT { (k)-[:${R.BLOCKS}]->() } AS entities
  RETURN key, entities ORDER BY entities DESC, key LIMIT $take`;

export interface SkippedBlockRow {
  type: string;
  kind: string;
  value: string;
  entities: number;
}

/** The largest `take` blocks not compared pairwise (over `BLOCK_CAP`), of `type` (null: any). */
export async function skippedBlocks(ctx: Context, type: string | null, take: number): Promise<SkippedBlockRow[]> {
  const rows = await readQuery(ctx, SKIPPED_BLOCKS, { type, take: int(take) });
  return rows.map((r) => {
    const [blockType, kind, ...value] = (r.key as string).split('|');
    return { type: blockType, kind, value: value.join('|'), entities: Number(r.entities) };
  });
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
  WITH collect(${JUDGEMENT_FIELDS}) AS found
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
