import { articleOfMention, JUDGEMENT_FIELDS, type JudgementRecord } from '../../ingest';
import type { Context } from '../context';
import { int, readQuery } from '../db/run';
import { type Page, pageOf } from './entityPage';
import { L, R } from './labels';

export type JudgementRow = JudgementRecord & { inForce: boolean; articles: string[] | null };

/** A judgement as the API shows it: whether it is in force, and a split's articles. */
export function judgementRow(j: JudgementRecord): JudgementRow {
  return { ...j, inForce: j.undoneAt === null, articles: j.mentions ? [...new Set(j.mentions.map(articleOfMention))].sort() : null };
}

/**
 * The judgements naming an entity: by its id, the entity a merged id resolves to, or any id merged into it (a
 * judgement names ids as they were). Parameters `entity`, `kind` (null: every kind), `skip`, `take`.
 */
const ABOUT_ENTITY = `
  OPTIONAL MATCH (:${L.MergedId} {id: $entity})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
  OPTIONAL MATCH (own:${L.Entity} {id: $entity})
  WITH coalesce(kept, own) AS e
  UNWIND [$entity] + CASE WHEN e IS NULL THEN [] ELSE [e.id] + COLLECT { MATCH (m:${L.MergedId})-[:${R.MERGED_INTO}]->(e) RETURN m.id } END AS id
  CALL (id) {
    MATCH (j:${L.Judgement} {a: id}) RETURN j
    UNION
    MATCH (j:${L.Judgement} {b: id}) RETURN j
  }
  WITH DISTINCT j`;
const EVERY = `MATCH (j:${L.Judgement})`;

const PAGE = (source: string): string => `
  ${source}
  WITH j WHERE $kind IS NULL OR j.kind = $kind
  WITH j ORDER BY j.at DESC, j.id DESC
  WITH collect(${JUDGEMENT_FIELDS}) AS found
  RETURN size(found) AS total, found[$skip..($skip + $take + 1)] AS rows`;

/** Judgements newest first (then by id), of one kind or all, about one entity or all. */
export async function judgementsPage(ctx: Context, kind: string | null, entity: string | null, skip: number, take: number): Promise<Page<JudgementRow>> {
  const [row] = await readQuery(ctx, PAGE(entity === null ? EVERY : ABOUT_ENTITY), { kind, entity, skip: int(skip), take: int(take) });
  const rows = (row.rows as JudgementRecord[]).map(judgementRow);
  return pageOf(rows, take, Number(row.total));
}
