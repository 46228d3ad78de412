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
