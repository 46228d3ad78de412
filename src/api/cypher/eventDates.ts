/**
 * A date window over events, as first and last day (`YYYY-MM-DD`, already validated). OVERLAPS keeps events
 * whose days meet the window (an event dated "2023-06" overlaps 2023-06-21); WITHIN keeps events lying wholly
 * inside it. Undated events match no window.
 */
export type DateMatch = 'OVERLAPS' | 'WITHIN';

export interface DateWindow {
  from: string | null;
  to: string | null;
  match: DateMatch;
}

/** Conditions on event variable `v` reading parameters `$from` and `$to`. */
export function dateConditions(v: string, w: DateWindow): string[] {
  const out: string[] = [];
  if (w.from !== null) out.push(w.match === 'WITHIN' ? `${v}.dateStart >= date($from)` : `${v}.dateEnd >= date($from)`);
  if (w.to !== null) out.push(w.match === 'WITHIN' ? `${v}.dateEnd <= date($to)` : `${v}.dateStart <= date($to)`);
  return out;
}
