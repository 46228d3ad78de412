import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R } from '../model';
import { type Judge, type JudgementRecord, JudgementRefused, mentionOf, recordJudgement } from './judgements';
import { quote } from './problem';
import { rebuildEntity } from './rebuildEntity';
import { NotStored, storedDocuments } from './storedDocuments';

/** The entity an id is (its own, or the one it was merged into), with the mentions of it. Parameter `id`. */
const ENTITY_MENTIONS = `
  OPTIONAL MATCH (:${L.MergedId} {id: $id})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
  OPTIONAL MATCH (own:${L.Entity} {id: $id})
  WITH coalesce(kept, own) AS e WHERE e IS NOT NULL
  RETURN e.id AS id, e.nameOnly IS NOT NULL AS nameOnly, COLLECT { MATCH (a:${L.Article})-[m:${R.MENTIONS}]->(e) RETURN {article: a.id, key: m.key} } AS mentions`;

/** Which of these ids an entity or a merged id has. Parameter `ids`. */
const TAKEN = `
  UNWIND $ids AS id
  WITH id WHERE EXISTS { MATCH (:${L.Entity} {id: id}) } OR EXISTS { MATCH (:${L.MergedId} {id: id}) }
  RETURN collect(id) AS taken`;

/**
 * Splits an entity that a load joined by name (two people called 王伟) in the caller's transaction: the mentions of
 * it in `articles` are a second entity, `newId` (default `<id>~split-2`, or the next number free), and the rest stay `id`.
 * Recorded as a SPLIT judgement listing those mentions (article and document key), and carried out by rebuilding
 * the entity from its articles' stored documents with the judgement in force (`rebuildEntity`): each listed mention
 * resolves to `newId` as if its document had given that id, and the two are kept apart as a DISTINCT pair is (a later
 * name matching both is ambiguous; merges are refused). Undoing it rebuilds both as one again. `JudgementRefused`:
 * an unknown id (`not-found`); no article, an article that does not name the entity, every article that names it, an
 * article that names it by its `id` (the document says it is that entity), or a `newId` already taken (`invalid`).
 */
export async function splitEntity(tx: WriteTx, id: string, articles: string[], judge: Judge, newId?: string | null): Promise<JudgementRecord> {
  const found = await tx.run(ENTITY_MENTIONS, { id });
  if (found.records.length === 0) throw new JudgementRefused('not-found', `no entity has the id ${quote(id)}`);
  const root = found.records[0].get('id') as string;
  const mentions = found.records[0].get('mentions') as Array<{ article: string; key: string }>;
  const chosen = [...new Set(articles)];
  if (chosen.length === 0) throw new JudgementRefused('invalid', 'name at least one article whose mention is the other entity');
  const named = new Set(mentions.map((m) => m.article));
  const stray = chosen.filter((a) => !named.has(a));
  if (stray.length > 0) throw new JudgementRefused('invalid', `${stray.map(quote).join(', ')} do not mention ${quote(root)}`);
  if (chosen.length === named.size) {
    throw new JudgementRefused('invalid', `every article that mentions ${quote(root)} is listed: leave at least one to the entity itself`);
  }
  const split = mentions.filter((m) => chosen.includes(m.article));
  const docs = await storedDocuments(tx, chosen).catch((error: unknown) => {
    throw error instanceof NotStored ? new JudgementRefused('invalid', error.message) : error;
  });
  for (const { doc } of docs) {
    const byId = doc.entities.find((e) => e.id !== undefined && split.some((m) => m.article === doc.article.id && m.key === e.key));
    if (byId) {
      throw new JudgementRefused(
        'invalid',
        `article ${quote(doc.article.id)} names ${quote(root)} by the id ${quote(byId.id!)}: correct the article, or undo the merge that joined that id`,
      );
    }
  }
  const b = await freeId(tx, root, newId ?? null);
  // an entity with an id keeps its other mentions pinned: replayed before the document that gave the id, a name-only
  // one would otherwise meet the split-off entity first and join it by name
  const kept = found.records[0].get('nameOnly') ? null : mentions.filter((m) => !chosen.includes(m.article)).map((m) => mentionOf(m.article, m.key)).sort();
  const judgement = await recordJudgement(tx, {
    kind: 'SPLIT',
    a: root,
    b,
    mentions: split.map((m) => mentionOf(m.article, m.key)).sort(),
    kept,
    reason: judge.reason,
    by: judge.by,
  });
  await rebuildEntity(tx, root).catch((error: unknown) => {
    throw error instanceof JudgementRefused ? new JudgementRefused('invalid', `cannot split: ${error.message}`) : error;
  });
  return judgement;
}

/** The id the split-off entity gets: the one asked for when free, else `<id>~split-n` for the first n from 2 that is free. */
async function freeId(tx: WriteTx, root: string, wanted: string | null): Promise<string> {
  if (wanted !== null) {
    const taken = (await tx.run(TAKEN, { ids: [wanted] })).records[0].get('taken') as string[];
    if (taken.length > 0) throw new JudgementRefused('invalid', `the id ${quote(wanted)} is taken: give another, or none`);
    return wanted;
  }
  for (let from = 2; ; from += 20) {
    const ids = Array.from({ length: 20 }, (_, k) => `${root}~split-${from + k}`);
    const taken = new Set((await tx.run(TAKEN, { ids })).records[0].get('taken') as string[]);
    const free = ids.find((x) => !taken.has(x));
    if (free) return free;
  }
}
