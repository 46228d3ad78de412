import { randomUUID } from 'node:crypto';
import type { WriteTx } from '../graph';
import { APART_JUDGEMENT_KINDS, GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R, type JudgementKind } from '../model';
import { refreshCandidates } from '../search';

/** An editor's judgement as stored (`GRAPH_LABELS.Judgement`); dates are ISO strings (UTC). */
export interface JudgementRecord {
  id: string;
  kind: JudgementKind;
  /** MERGE: the kept entity; DISTINCT: the first entity (ids as they were when judged, or since renamed) */
  a: string;
  /** MERGE: the merged entity (its id now resolves to `a`'s entity); DISTINCT: the second entity */
  b: string;
  reason: string | null;
  /** who judged: the caller's role (`editor`), or `kg` for the command line */
  by: string | null;
  at: string;
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
  /**
   * SPLIT: the mentions that are entity `b`, each `mentionOf(article, key)` (the article's id and the document's
   * key of the entity); null for the other kinds
   */
  mentions: string[] | null;
  /**
   * SPLIT of an entity that has an id: its other mentions by name when split (as `mentions`), which stay with `a`
   * whatever order a rebuild loads them in; null otherwise
   */
  kept: string[] | null;
  /** MERGE, DISTINCT: the pair's duplicate score and reasons when it was judged (what the review queue showed), or null */
  score: number | null;
  reasons: string[] | null;
  /**
   * MERGE, DISTINCT: the names of `a` and `b` when judged, or null. After a merge `b`'s id resolves to `a`, whose
   * name it no longer has: the review lists the pair as it was judged.
   */
  names: string[] | null;
}

/** A mention as a SPLIT judgement lists it: the article id and the document key, as a JSON pair (unambiguous). */
export const mentionOf = (article: string, key: string): string => JSON.stringify([article, key]);
/** The article of a mention `mentionOf` made. */
export const articleOfMention = (mention: string): string => (JSON.parse(mention) as [string, string])[0];

/** The kinds of judgement that keep two entities apart (at load, against merges, in the candidates). */
export const APART_KINDS: string[] = [...APART_JUDGEMENT_KINDS];

/** Who judges, and why. */
export interface Judge {
  reason?: string | null;
  by?: string | null;
  /** the pair's duplicate score and reasons now (two entity ids), kept with a MERGE or DISTINCT judgement */
  assess?: (tx: WriteTx, a: string, b: string) => Promise<{ score: number; reasons: string[] }>;
}

/** A judgement that cannot be made or undone: an unknown id (`not-found`), or one that cannot be (`invalid`). */
export class JudgementRefused extends Error {
  constructor(
    readonly reason: 'not-found' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'JudgementRefused';
  }
}

/** A judgement node `j` as the map `judgementOf` reads. */
export const JUDGEMENT_FIELDS = `j {.id, .kind, .a, .b, .reason, .by, at: toString(j.at), undoneAt: toString(j.undoneAt), .undoneBy, .undoReason, .mentions, .kept, .score, .reasons, .names}`;

export function judgementOf(m: Record<string, unknown>): JudgementRecord {
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    id: m.id as string,
    kind: m.kind as JudgementKind,
    a: m.a as string,
    b: m.b as string,
    reason: str(m.reason),
    by: str(m.by),
    at: m.at as string,
    undoneAt: str(m.undoneAt),
    undoneBy: str(m.undoneBy),
    undoReason: str(m.undoReason),
    mentions: Array.isArray(m.mentions) ? (m.mentions as string[]) : null,
    kept: Array.isArray(m.kept) ? (m.kept as string[]) : null,
    score: typeof m.score === 'number' ? m.score : null,
    reasons: Array.isArray(m.reasons) ? (m.reasons as string[]) : null,
    names: Array.isArray(m.names) ? (m.names as string[]) : null,
  };
}

/**
 * Creates a judgement. Parameter `j`: its fields; `at` and `undoneAt` ISO strings or null (`at` null: now, the
 * transaction's clock). An import gives every field, so that a graph rebuilt from articles and judgements is the same.
 */
const CREATE = `
  CREATE (j:${L.Judgement} {id: $j.id, kind: $j.kind, a: $j.a, b: $j.b, reason: $j.reason, by: $j.by,
                           at: coalesce(datetime($j.at), datetime()), undoneAt: datetime($j.undoneAt),
                           undoneBy: $j.undoneBy, undoReason: $j.undoReason, mentions: $j.mentions, kept: $j.kept,
                           score: $j.score, reasons: $j.reasons, names: $j.names})
  RETURN ${JUDGEMENT_FIELDS} AS j`;

export async function recordJudgement(
  tx: WriteTx,
  fields: Pick<JudgementRecord, 'kind' | 'a' | 'b'> & Omit<Judge, 'assess'> & Partial<JudgementRecord>,
): Promise<JudgementRecord> {
  const j = {
    id: fields.id ?? `judgement:${randomUUID()}`,
    kind: fields.kind,
    a: fields.a,
    b: fields.b,
    reason: fields.reason ?? null,
    by: fields.by ?? null,
    at: fields.at ?? null,
    undoneAt: fields.undoneAt ?? null,
    undoneBy: fields.undoneBy ?? null,
    undoReason: fields.undoReason ?? null,
    mentions: fields.mentions ?? null,
    kept: fields.kept ?? null,
    score: fields.score ?? null,
    reasons: fields.reasons ?? null,
    names: fields.names ?? null,
  };
  const result = await tx.run(CREATE, { j });
  // a pair kept apart leaves the duplicate candidates
  if (APART_KINDS.includes(j.kind) && j.undoneAt === null) await refreshCandidates(tx, [j.a, j.b]);
  return judgementOf(result.records[0].get('j'));
}

/** Parameter `id`. */
const READ = `MATCH (j:${L.Judgement} {id: $id}) RETURN ${JUDGEMENT_FIELDS} AS j`;

export async function readJudgement(tx: WriteTx, id: string): Promise<JudgementRecord | undefined> {
  const result = await tx.run(READ, { id });
  return result.records[0] ? judgementOf(result.records[0].get('j')) : undefined;
}

/** Marks a judgement undone (now). Parameters `id`, `by`, `reason`. */
const MARK_UNDONE = `
  MATCH (j:${L.Judgement} {id: $id})
  SET j.undoneAt = datetime(), j.undoneBy = $by, j.undoReason = $reason
  RETURN ${JUDGEMENT_FIELDS} AS j`;

export async function markUndone(tx: WriteTx, id: string, judge: Judge): Promise<JudgementRecord> {
  const result = await tx.run(MARK_UNDONE, { id, by: judge.by ?? null, reason: judge.reason ?? null });
  const undone = judgementOf(result.records[0].get('j'));
  // a distinct pair may be a candidate again (an undone merge or split is rebuilt, which refreshes its entities)
  if (undone.kind === 'DISTINCT') await refreshCandidates(tx, [undone.a, undone.b]);
  return undone;
}

/**
 * The distinct (and split: `APART_KINDS`) judgements in force on these entities, each entity reached by its own id or by an id merged into
 * it (a judgement names the ids the entities had), over the list `ids` (a Cypher expression: entity ids, or ids no
 * entity has yet, such as a document's new explicit ids and generated ids, which a judgement may name). Ends with rows `entity, alias, other`:
 * the entity, the id of it the judgement names, and the id of the other entity as the judgement names it.
 */
export const DISTINCT_OF = (ids: string): string => `
  UNWIND ${ids} AS id
  OPTIONAL MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
  UNWIND [id] + CASE WHEN e IS NULL THEN [] ELSE COLLECT { MATCH (m:${L.MergedId})-[:${R.MERGED_INTO}]->(e) RETURN m.id } END AS alias
  CALL (alias) {
    MATCH (j:${L.Judgement} {a: alias}) USING INDEX j:${L.Judgement}(a) RETURN j, j.b AS other
    UNION
    MATCH (j:${L.Judgement} {b: alias}) USING INDEX j:${L.Judgement}(b) RETURN j, j.a AS other
  }
  WITH id, alias, other, j WHERE j.kind IN ${JSON.stringify(APART_KINDS).replace(/"/g, "'")} AND j.undoneAt IS NULL
  WITH id AS entity, alias, other`;

/**
 * The pairs of these entities that a distinct judgement in force keeps apart, as `"x|y"` with x < y (entity ids).
 * A judgement naming an id since merged into one of them counts for that one.
 */
export async function distinctPairs(tx: WriteTx, ids: string[]): Promise<Set<string>> {
  if (ids.length < 2) return new Set();
  const result = await tx.run(`${DISTINCT_OF('$ids')} RETURN entity, alias, other`, { ids });
  return pairsOf(result.records.map((r) => ({ entity: r.get('entity'), alias: r.get('alias'), other: r.get('other') })));
}

/**
 * The pairs `"x|y"` (x < y) the rows of `DISTINCT_OF` say are distinct: between the entities they were read for, and
 * between one of them and an id the judgement names that is none of them.
 */
export function pairsOf(rows: Array<{ entity: string; alias: string; other: string }>): Set<string> {
  const entityOf = new Map(rows.map((r) => [r.alias, r.entity]));
  const pairs = new Set<string>();
  for (const r of rows) {
    // an other not read is kept as named: a mention whose generated id it is is not this entity (decideIdentities)
    const other = entityOf.get(r.other) ?? r.other;
    if (other !== r.entity) pairs.add(pairKey(r.entity, other));
  }
  return pairs;
}

export function pairKey(x: string, y: string): string {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}
