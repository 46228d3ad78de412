import type { Driver } from 'neo4j-driver';
import { executeWrite, type WriteTx } from '../graph';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R, JUDGEMENT_KIND_NAMES } from '../model';
import { JUDGEMENT_FIELDS, type JudgementRecord, judgementOf, recordJudgement } from './judgements';
import { type Problem, quote } from './problem';
import { rebuildEntity, replayMerge } from './rebuildEntity';

/** The format of `kg judgements export`: every judgement, oldest first. */
export const JUDGEMENTS_FORMAT = 'kg-judgements/1';

export interface JudgementsFile {
  format: typeof JUDGEMENTS_FORMAT;
  judgements: JudgementRecord[];
}

/** What an import did with each judgement. */
export interface JudgementsImport {
  /** recorded, and (merges in force) made */
  imported: number;
  /** already in the graph (same id): left as they are */
  present: number;
  /** merges in force whose kept entity the graph does not have: recorded, not made (load the articles first) */
  notApplied: string[];
}

/** Each id as the entity it is (an id merged into another resolves to that one), or null. Parameter `ids`. */
const RESOLVE = `
  UNWIND $ids AS id
  OPTIONAL MATCH (:${L.MergedId} {id: id})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
  OPTIONAL MATCH (own:${L.Entity} {id: id})
  RETURN coalesce(kept, own).id AS resolved`;

const READ_ALL = `
  MATCH (j:${L.Judgement})
  RETURN ${JUDGEMENT_FIELDS} AS j
  ORDER BY j.at, j.id`;

/** Every judgement of the graph, oldest first, as a file `importJudgements` reads. */
export async function exportJudgements(driver: Driver, database?: string): Promise<JudgementsFile> {
  const result = await driver.executeQuery(READ_ALL, {}, { database });
  return { format: JUDGEMENTS_FORMAT, judgements: result.records.map((r) => judgementOf(r.get('j'))) };
}

/** The problems of a judgements file, by JSON path; none when it can be imported. */
export function checkJudgementsFile(value: unknown): Problem[] {
  const file = value as Partial<JudgementsFile> | null;
  if (!file || typeof file !== 'object' || Array.isArray(file)) return [{ path: '', message: 'must be an object' }];
  const problems: Problem[] = [];
  if (file.format !== JUDGEMENTS_FORMAT) problems.push({ path: 'format', message: `must be ${quote(JUDGEMENTS_FORMAT)}` });
  if (!Array.isArray(file.judgements)) return [...problems, { path: 'judgements', message: 'must be an array' }];
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
  file.judgements.forEach((j, i) => {
    const at = `judgements[${i}]`;
    if (!j || typeof j !== 'object') return void problems.push({ path: at, message: 'must be an object' });
    for (const key of ['id', 'a', 'b'] as const) {
      if (typeof j[key] !== 'string' || j[key].length === 0 || j[key].length > 500) problems.push({ path: `${at}.${key}`, message: 'must be a text of 1-500 characters' });
    }
    if (!JUDGEMENT_KIND_NAMES.includes(j.kind)) problems.push({ path: `${at}.kind`, message: `must be one of ${JUDGEMENT_KIND_NAMES.join(', ')}` });
    if (typeof j.at !== 'string' || !dateTime.test(j.at)) problems.push({ path: `${at}.at`, message: 'must be an ISO date-time' });
    if (j.undoneAt != null && (typeof j.undoneAt !== 'string' || !dateTime.test(j.undoneAt))) problems.push({ path: `${at}.undoneAt`, message: 'must be an ISO date-time or null' });
    problems.push(...mentionProblems(j, at));
    if (j.score != null && !(typeof j.score === 'number' && j.score >= 0 && j.score <= 1)) problems.push({ path: `${at}.score`, message: 'must be a number from 0 to 1, or null' });
    if (j.reasons != null && !(Array.isArray(j.reasons) && j.reasons.every((r) => typeof r === 'string' && r.length <= 100))) {
      problems.push({ path: `${at}.reasons`, message: 'must be an array of texts, or null' });
    }
    if (j.names != null && !(Array.isArray(j.names) && j.names.length === 2 && j.names.every((n) => typeof n === 'string' && n.length <= 500))) {
      problems.push({ path: `${at}.names`, message: 'must be two texts (the names of a and b), or null' });
    }
    for (const key of ['reason', 'by', 'undoneBy', 'undoReason'] as const) {
      if (j[key] != null && (typeof j[key] !== 'string' || j[key]!.length > 1000)) problems.push({ path: `${at}.${key}`, message: 'must be a text of at most 1000 characters, or null' });
    }
  });
  return problems;
}

/** A SPLIT lists its mentions (`mentionOf`: a JSON pair of texts); the other kinds list none (null or absent). */
function mentionProblems(j: Partial<JudgementRecord>, at: string): Problem[] {
  const isMention = (m: unknown): boolean => {
    if (typeof m !== 'string' || m.length > 1100) return false;
    try {
      const pair = JSON.parse(m) as unknown;
      return Array.isArray(pair) && pair.length === 2 && pair.every((x) => typeof x === 'string' && x.length > 0);
    } catch {
      return false;
    }
  };
  const notSplit = (key: 'mentions' | 'kept'): Problem[] => (j[key] == null ? [] : [{ path: `${at}.${key}`, message: 'must be null unless the kind is SPLIT' }]);
  if (j.kind !== 'SPLIT') return [...notSplit('mentions'), ...notSplit('kept')];
  const list = (key: 'mentions' | 'kept'): Problem[] =>
    (j[key] ?? []).flatMap((m, k) => (isMention(m) ? [] : [{ path: `${at}.${key}[${k}]`, message: 'must be a JSON pair of texts: ["article id","entity key"]' }]));
  if (j.kept != null && !Array.isArray(j.kept)) return [{ path: `${at}.kept`, message: 'must be an array, or null' }];
  if (!Array.isArray(j.mentions) || j.mentions.length === 0) return [{ path: `${at}.mentions`, message: 'must be a non-empty array' }, ...list('kept')];
  return [...list('mentions'), ...list('kept')];
}

/**
 * Records the judgements of a file (`checkJudgementsFile` first) in one transaction, oldest first, each with its
 * own id, times, reason and author. Two entities a distinct judgement keeps apart that the loads joined by name
 * are rebuilt from their articles (`rebuildEntity`), so is the entity a split judgement names (its listed mentions
 * then resolve to its second entity), and the merges in force are made again (`replayMerge`), oldest
 * first. Load the articles first: a merge whose kept entity is not in the graph is recorded but not made. A
 * judgement already present is left as it is.
 */
export async function importJudgements(driver: Driver, file: JudgementsFile, database?: string): Promise<JudgementsImport> {
  return executeWrite(driver, (tx) => importInto(tx, file), { database });
}

async function importInto(tx: WriteTx, file: JudgementsFile): Promise<JudgementsImport> {
  const done: JudgementsImport = { imported: 0, present: 0, notApplied: [] };
  const ordered = [...file.judgements].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : 1));
  const recorded: JudgementRecord[] = [];
  for (const j of ordered) {
    const exists = await tx.run(`MATCH (j:${L.Judgement} {id: $id}) RETURN count(j) AS n`, { id: j.id });
    if (Number(exists.records[0].get('n')) > 0) {
      done.present += 1;
      continue;
    }
    await recordJudgement(tx, j);
    done.imported += 1;
    if (j.undoneAt == null) recorded.push(j);
  }
  // two entities a load joined by name before it knew they are distinct: rebuilt, now that it knows
  for (const j of recorded.filter((x) => x.kind === 'DISTINCT')) {
    const found = await tx.run(RESOLVE, { ids: [j.a, j.b] });
    const [a, b] = found.records.map((r) => r.get('resolved') as string | null);
    if (a !== null && b !== null && a !== b) continue;
    const joined = a ?? b;
    if (joined !== null) await rebuildEntity(tx, joined);
  }
  // a split's mentions resolve by the judgement only when their articles are loaded again: both sides rebuilt
  for (const j of recorded.filter((x) => x.kind === 'SPLIT')) {
    const found = await tx.run(RESOLVE, { ids: [j.a, j.b] });
    const roots = [...new Set(found.records.map((r) => r.get('resolved') as string | null).filter((x): x is string => x !== null))];
    if (roots.length > 0) await rebuildEntity(tx, roots);
  }
  for (const j of recorded.filter((x) => x.kind === 'MERGE')) if (!(await replayMerge(tx, j.a, j.b))) done.notApplied.push(j.id);
  return done;
}
