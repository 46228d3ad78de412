import type { Row } from '../db/run';

/**
 * A `CALL (…) { … }` text and the parameters it reads. Batch functions are built from these so that a parent's
 * statement can read a child level with the very same Cypher (prefetch), instead of a copy that could drift.
 * Each subquery names its parameters after itself (`$participantRoles`), so that they do not collide with the
 * parent's; date windows read `$from`/`$to` (eventDates.ts), so a parent with a window of its own cannot take a
 * child with another.
 */
export interface Subquery {
  cypher: string;
  params: Record<string, unknown>;
}

/** A list of `{id, rows}` maps as a map by id; keys without an entry map to []. */
export function listByKey<T>(keys: readonly string[], entries: Row[] | null, convert: (row: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const e of entries ?? []) out.set(e.id as string, ((e.rows as Row[] | null) ?? []).map(convert));
  return out;
}
