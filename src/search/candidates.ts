import type { ManagedTransaction } from 'neo4j-driver';
import { APART_JUDGEMENT_KINDS, GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R, type RelationType } from '../model';
import { type DuplicateReason, type PairFacts, scorePair } from './duplicateScore';

type Tx = Pick<ManagedTransaction, 'run'>;

const HOLDS: RelationType = 'HOLDS_POSITION';

/**
 * The members of the blocks that went over `BLOCK_CAP` or back under it in this transaction (`CapCrossed`, set where
 * blocking keys are written: `sharedBlocks.ts`), label removed, added to the entities refreshed
 * (`ids`): their pairs from that block are to be dropped or made.
 * A label scan that finds nothing in almost every transaction; a block crosses with about `BLOCK_CAP` members.
 */
const SWEEP_CROSSED = `
  CALL () {
    OPTIONAL MATCH (k:${L.CapCrossed})
    REMOVE k:${L.CapCrossed}
    WITH k
    OPTIONAL MATCH (k)-[:${R.BLOCKS}]->(o:${L.Entity})
    RETURN collect(DISTINCT o.id) AS crossed
  }
  WITH $q.ids + [id IN crossed WHERE NOT id IN $q.ids] AS ids`;

/**
 * (`LOCK_PAIRS`, then `READ_PAIRS`.) Every pair of the entities `ids` with another entity of one of their shared blocks (`BlockingKey` of
 * `blockingKeys.ts`, `SharedBlock` of `sharedBlocks.ts`; not an `OversizedBlock`, over `BLOCK_CAP`), not kept apart by a judgement in force (`$q.apart`), with
 * what the scorer reads; and how many stored candidates the entities have now (`existing`). A pair of two of the
 * entities comes twice, once from each side.
 *
 * It first locks the entities' blocking keys, then the other entities of their shared blocks (each in key or id
 * order), and reads after that: a concurrent load that changes one of those entities (it locks them) or adds an
 * entity to one of those blocks (it locks the key) has committed before this reads, or waits until this commits and
 * then reads what this wrote; so the last write of a pair is made from what both its entities are (a pair written
 * from a view that missed the other's uncommitted change would be stale). Two loads that lock in opposite orders
 * deadlock, and the retry reads again.
 */
const LOCK_PAIRS = `
  CALL (ids) {
    UNWIND ids AS id
    MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
    MATCH (k:${L.BlockingKey})-[:${R.BLOCKS}]->(e)
    WITH DISTINCT k ORDER BY k.key
    SET k.locked = true
    REMOVE k.locked
  }
  CALL (ids) {
    UNWIND ids AS id
    MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
    MATCH (k:${L.SharedBlock})-[:${R.BLOCKS}]->(e) WHERE NOT k:${L.OversizedBlock}
    MATCH (k)-[:${R.BLOCKS}]->(o:${L.Entity})
    WITH DISTINCT o ORDER BY o.id
    SET o.locked = true
    REMOVE o.locked
  }`;
const READ_PAIRS = `
  CALL (ids) {
    UNWIND ids AS id
    MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
    MATCH (e)-[d:${R.DUPLICATE_CANDIDATE}]-()
    RETURN count(DISTINCT d) AS existing
  }
  CALL (ids) {
    UNWIND ids AS id
    MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
    MATCH (k:${L.SharedBlock})-[:${R.BLOCKS}]->(e) WHERE NOT k:${L.OversizedBlock}
    MATCH (k)-[:${R.BLOCKS}]->(o:${L.Entity}) WHERE o <> e
    WITH e, o, collect(k.key) AS keys
    WHERE NOT EXISTS { MATCH (j:${L.Judgement} {a: e.id}) WHERE j.b = o.id AND j.kind IN $q.apart AND j.undoneAt IS NULL }
      AND NOT EXISTS { MATCH (j:${L.Judgement} {a: o.id}) WHERE j.b = e.id AND j.kind IN $q.apart AND j.undoneAt IS NULL }
    RETURN collect({
      a: e.id, b: o.id, keys: keys, shorts: e.searchShort + o.searchShort,
      sameName: any(x IN e.searchNames WHERE x IN o.searchNames),
      sharedEvent: EXISTS { (e)-[:${R.PARTICIPATED_IN}]->(:${L.Event})<-[:${R.PARTICIPATED_IN}]-(o) },
      sharedPosition: EXISTS { (e)-[p:${HOLDS}]->()<-[q:${HOLDS}]-(o) WHERE p.key = q.key }
    }) AS pairs
  }
  RETURN existing, pairs, ids`;

/**
 * The entities' stored candidates replaced by `$c.pairs` (each once, `a` the smaller id). MERGE, so that two
 * transactions writing one pair (each touching one side) leave one relationship: the second waits for the first's
 * lock on the nodes, then finds it.
 */
const WRITE_PAIRS = `
  CALL () {
    UNWIND $c.ids AS id
    MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
    MATCH (e)-[d:${R.DUPLICATE_CANDIDATE}]-()
    WITH DISTINCT d
    DELETE d
  }
  CALL () {
    UNWIND $c.pairs AS p
    MATCH (a:${L.Entity} {id: p.a}), (b:${L.Entity} {id: p.b}) USING INDEX SEEK a:${L.Entity}(id) USING INDEX SEEK b:${L.Entity}(id)
    MERGE (a)-[d:${R.DUPLICATE_CANDIDATE}]->(b)
    SET d.type = a.type, d.score = p.score, d.reasons = p.reasons
  }`;

/** A candidate as stored: the two ids (`a` < `b`), its score and reasons. */
export interface ScoredPair {
  a: string;
  b: string;
  score: number;
  reasons: DuplicateReason[];
}

const LOCKED_READ = `CYPHER replan=skip ${SWEEP_CROSSED}${LOCK_PAIRS}${READ_PAIRS}`;
const PLAIN_READ = `CYPHER replan=skip WITH $q.ids AS ids ${READ_PAIRS}`;

/**
 * The candidates of these entities as they are now (read in `tx`), scored; each pair once. With `lock` (a write
 * transaction about to store them), after locking what they are computed from (`LOCK_PAIRS`), and with the entities
 * of the blocks that crossed `BLOCK_CAP` in it (`SWEEP_CROSSED`; `ids`: all the entities read).
 */
export async function candidatesOf(tx: Tx, ids: Iterable<string>, { lock = false } = {}): Promise<{ pairs: ScoredPair[]; existing: number; ids: string[] }> {
  const q = { ids: [...new Set(ids)].sort(), apart: APART_JUDGEMENT_KINDS };
  if (q.ids.length === 0) return { pairs: [], existing: 0, ids: [] };
  const row = (await tx.run(lock ? LOCKED_READ : PLAIN_READ, { q })).records[0];
  const seen = new Map<string, ScoredPair>();
  for (const p of row.get('pairs') as Array<PairFacts & { a: string; b: string }>) {
    const [a, b] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
    if (seen.has(`${a}\n${b}`)) continue;
    seen.set(`${a}\n${b}`, { a, b, ...scorePair(p) });
  }
  return { pairs: [...seen.values()], existing: Number(row.get('existing')), ids: row.get('ids') as string[] };
}

/**
 * Makes the stored duplicate candidates (`DUPLICATE_CANDIDATE`) of these entities what their blocking keys, names,
 * events, positions and the judgements in force say now, inside the caller's transaction: one read, and one write
 * when there is something to write. Run by every write that changes an entity's names or facts (a load, a
 * derivation, a judgement), after it; ids of entities that no longer exist are ignored.
 */
export async function refreshCandidates(tx: Tx, ids: Iterable<string>): Promise<void> {
  // the entities of blocks that crossed the cap in this transaction are refreshed with them (`SWEEP_CROSSED`)
  const { pairs, existing, ids: refreshed } = await candidatesOf(tx, ids, { lock: true });
  if (pairs.length === 0 && existing === 0) return;
  await tx.run(`CYPHER replan=skip ${WRITE_PAIRS}`, { c: { ids: refreshed, pairs } });
}
