import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R } from '../model';
import { deriveEntities } from './deriveEntities';
import { forgetArticle } from './forgetArticle';
import { lockNameKeysOf } from './identityChanges';
import { JudgementRefused } from './judgements';
import { mergeResolved } from './mergeEntities';
import { quote } from './problem';
import { NotStored, type StoredArticle, storedDocuments } from './storedDocuments';
import { Rejected, writeDocuments } from './writeDocuments';

/** Every id merged into the entities, and the articles that name them. Parameter `ids`: the entities'. */
const CLUSTER = `
  CALL () {
    UNWIND $ids AS id
    MATCH (m:${L.MergedId})-[:${R.MERGED_INTO}]->(:${L.Entity} {id: id})
    RETURN collect(DISTINCT m.id) AS aliases
  }
  CALL () {
    UNWIND $ids AS id
    MATCH (a:${L.Article})-[:${R.MENTIONS}]->(:${L.Entity} {id: id})
    RETURN collect(DISTINCT a.id) AS articles
  }
  RETURN aliases, articles`;

/** The merges in force whose merged id is one of `aliases`, with when they were made. */
const MERGES_OF = `
  UNWIND $aliases AS alias
  MATCH (j:${L.Judgement} {b: alias}) WHERE j.kind = 'MERGE' AND j.undoneAt IS NULL
  RETURN j.a AS a, j.b AS b, toString(j.at) AS at`;

const DELETE_MERGED_IDS = `UNWIND $ids AS id MATCH (m:${L.MergedId} {id: id}) DETACH DELETE m`;
const DELETE_ARTICLES = `UNWIND $ids AS id MATCH (a:${L.Article} {id: id}) DETACH DELETE a`;
/** The articles' load times as they were: a later undo orders them with the judgements again. */
const RESTORE_LOADED_AT = `UNWIND $rows AS x MATCH (a:${L.Article} {id: x.id}) SET a.loadedAt = datetime(x.at)`;
/** A merged id that resolves to an entity, where the merged entity does not exist (yet). */
const REDIRECT = `
  MATCH (k:${L.Entity} {id: $keep})
  MERGE (x:${L.MergedId} {id: $merge}) MERGE (x)-[:${R.MERGED_INTO}]->(k)`;
const RESOLVE = `
  UNWIND $ids AS id
  OPTIONAL MATCH (:${L.MergedId} {id: id})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
  OPTIONAL MATCH (own:${L.Entity} {id: id})
  RETURN id, coalesce(kept, own).id AS resolved`;

type Step = { kind: 'article'; at: string; item: StoredArticle } | { kind: 'merge'; at: string; a: string; b: string };

/**
 * Rebuilds an entity (or several together: a split's two sides) from its articles' stored documents, replaying what happened to it in the order it happened,
 * with the judgements now in force (an undo: minus the one undone, whose merged id is `unmerged`). Every id merged
 * into it is unmerged, its articles are forgotten (as `deleteArticle` would) and loaded again in the order of their
 * load times, with each merge in force on it made again at its time (`at`); a merge whose kept entity does not exist
 * at its time is made at the end, and ids merged before judgements were recorded are merged again at the end. The
 * graph is then the one that loading the articles and making the merges gives: an article that named a merged
 * entity belongs to it again, including articles loaded after the merge. `JudgementRefused` when an article's
 * document is not stored, or when an article is rejected without the merge (a name it uses becomes ambiguous).
 */
export async function rebuildEntity(tx: WriteTx, root: string | string[], unmerged?: string): Promise<void> {
  const roots = typeof root === 'string' ? [root] : root;
  const found = await tx.run(CLUSTER, { ids: roots });
  const aliases = found.records[0].get('aliases') as string[];
  const articleIds = found.records[0].get('articles') as string[];
  if (articleIds.length === 0 && aliases.length === 0) return;
  const merges = (await tx.run(MERGES_OF, { aliases })).records.map((r) => ({ a: r.get('a') as string, b: r.get('b') as string, at: r.get('at') as string }));
  const legacy = aliases.filter((alias) => alias !== unmerged && !merges.some((m) => m.b === alias)).map((b) => ({ a: roots[0], b }));

  const stored = await storedDocuments(tx, articleIds).catch((error: unknown) => {
    throw error instanceof NotStored ? new JudgementRefused('invalid', error.message) : error;
  });
  await lockNameKeysOf(tx, roots);
  await tx.run(DELETE_MERGED_IDS, { ids: aliases });
  const touched = new Set<string>();
  for (const { doc } of stored) for (const e of await forgetArticle(tx, doc.article.id)) touched.add(e);
  await tx.run(DELETE_ARTICLES, { ids: articleIds });
  await deriveEntities(tx, [...touched]);

  const late = await replay(tx, timeline(stored, merges));
  for (const m of [...late, ...legacy]) await replayMerge(tx, m.a, m.b);
  await tx.run(RESTORE_LOADED_AT, { rows: stored.map((s) => ({ id: s.doc.article.id, at: s.loadedAt })) });
}

/** Articles and merges in the order they happened (articles of one load by id). */
function timeline(stored: StoredArticle[], merges: Array<{ a: string; b: string; at: string }>): Step[] {
  const steps: Step[] = [
    ...stored.map((item): Step => ({ kind: 'article', at: item.loadedAt, item })),
    ...merges.map((m): Step => ({ kind: 'merge', ...m })),
  ];
  // Neo4j writes UTC date-times as `2026-12-07T15:56:04.1234Z`: the seconds, then the fraction padded, compare as text
  const time = (s: Step): string => {
    const [, seconds, fraction] = /^([^.Z+]*)(?:\.(\d+))?/.exec(s.at)!;
    return `${seconds}.${(fraction ?? '').padEnd(9, '0')}`;
  };
  const name = (s: Step): string => (s.kind === 'article' ? s.item.doc.article.id : s.b);
  const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return steps.sort((x, y) => compare(time(x), time(y)) || compare(name(x), name(y)));
}

/** Loads the articles and makes the merges in order; returns the merges that had to wait for their kept entity. */
async function replay(tx: WriteTx, steps: Step[]): Promise<Array<{ a: string; b: string }>> {
  const late: Array<{ a: string; b: string }> = [];
  for (let i = 0; i < steps.length; ) {
    const step = steps[i];
    if (step.kind === 'merge') {
      if (!(await replayMerge(tx, step.a, step.b))) late.push(step);
      i += 1;
      continue;
    }
    const run: StoredArticle[] = [];
    for (; i < steps.length && steps[i].kind === 'article'; i++) run.push((steps[i] as { item: StoredArticle }).item);
    await writeDocuments(tx, run).catch((error: unknown) => {
      if (!(error instanceof Rejected)) throw error;
      const problems = error.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
      throw new JudgementRefused('invalid', `article ${quote(run[error.index].doc.article.id)} would be rejected (${problems})`);
    });
  }
  return late;
}

/**
 * Makes a merge again (an undo's replay, an import): false when its kept entity does not exist (yet). A merged entity
 * that does not exist leaves its id resolving to the kept one.
 */
export async function replayMerge(tx: WriteTx, keep: string, merge: string): Promise<boolean> {
  const found = await tx.run(RESOLVE, { ids: [keep, merge] });
  const resolved = (id: string): string | null => found.records.find((r) => r.get('id') === id)?.get('resolved') ?? null;
  const [keepId, mergeId] = [resolved(keep), resolved(merge)];
  if (keepId === null) return false;
  if (mergeId === keepId) return true;
  if (mergeId === null) await tx.run(REDIRECT, { keep: keepId, merge });
  else await mergeResolved(tx, keepId, mergeId);
  return true;
}
