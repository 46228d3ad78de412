import type { WriteTx } from '../graph';
import { distinctPairs, type Judge, type JudgementRecord, pairKey, recordJudgement } from './judgements';
import { MergeRefused, resolvePair } from './mergeEntities';

/**
 * Records that entities `a` and `b` (ids, or ids merged into them) are not the same (a DISTINCT judgement): from
 * then on the duplicate candidates leave the pair out, `mergeEntities` refuses it, and the ingester never
 * resolves one to the other by name (a name matching both is ambiguous; an id given for one does not absorb the
 * other: src/ingest/README.md). Nothing else in the graph changes. `MergeRefused` for an unknown id, the same
 * entity twice (which `splitEntity` takes apart), two types, or a pair already marked.
 */
export async function markDistinct(tx: WriteTx, a: string, b: string, judge: Judge): Promise<JudgementRecord> {
  const { keepId, mergeId, names } = await resolvePair(tx, a, b, ' (a merge, or a load that joined them by name): split it by the articles whose mentions are the other one (splitEntity)');
  if ((await distinctPairs(tx, [keepId, mergeId])).has(pairKey(keepId, mergeId))) {
    throw new MergeRefused('invalid', `${JSON.stringify(a)} and ${JSON.stringify(b)} are already marked distinct`);
  }
  const assessed = judge.assess ? await judge.assess(tx, keepId, mergeId) : {};
  return recordJudgement(tx, { kind: 'DISTINCT', a: keepId, b: mergeId, names, reason: judge.reason, by: judge.by, ...assessed });
}
