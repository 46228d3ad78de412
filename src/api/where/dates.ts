import { dateSpan, type DateSpan } from '../../model';

/**
 * A partial date as the API takes it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, read as the span of days it covers
 * (a year all its days). Null when it is not a real date.
 */
export function partialDateSpan(value: string): DateSpan | null {
  if (/^\d{4}$/.test(value)) return { first: `${value}-01-01`, last: `${value}-12-31` };
  return value.length <= 10 ? dateSpan(value) : null;
}

/**
 * `validAt` on a relation `r` whose `since`/`until` are partial dates as stated (strings): since ≤ day ≤ until,
 * an absent end open. A stated date is compared with the day cut to its own precision, so `until: "2023-06"`
 * holds through 2023-06-30.
 */
export function validAtCondition(r: string, day: string): string {
  return `(${r}.since IS NULL OR ${r}.since <= left(${day}, size(${r}.since))) AND (${r}.until IS NULL OR ${r}.until >= left(${day}, size(${r}.until)))`;
}
