import type { Row } from '../db/run';

/** Rows of `RETURN id, rows` (one per key) as a map; keys without a row map to []. */
export function byKey<T>(keys: readonly string[], rows: Row[], convert: (row: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) out.set(r.id as string, ((r.rows as Row[] | null) ?? []).map(convert));
  return out;
}

/** `WHERE a AND b …`, or nothing: conditions are the callers' constant fragments, values are parameters. */
export function where(conditions: string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}`;
}
