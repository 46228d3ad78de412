/** Date-range logic of the view (pure functions, unit-tested). */

export interface DateRange {
  /** `YYYY-MM-DD`, inclusive; empty for open */
  from: string;
  /** `YYYY-MM-DD`, inclusive; empty for open */
  to: string;
}

const DATE_RE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** First and last day a `YYYY-MM-DD` or `YYYY-MM` date covers, or null when it is not such a date. */
export function span(date: string | null | undefined): { first: string; last: string } | null {
  if (!date) return null;
  const m = DATE_RE.exec(date);
  if (!m) return null;
  if (m[3] !== undefined) return { first: date, last: date };
  const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${String(days).padStart(2, '0')}` };
}

export function isActive(r: DateRange): boolean {
  return r.from !== '' || r.to !== '';
}

/**
 * Whether an event dated `date` lies (at least partly) within the range. An open range admits everything;
 * an undated event is admitted only when `keepUndated` is set (its date is unknown, not outside).
 */
export function inRange(date: string | null | undefined, r: DateRange, keepUndated = true): boolean {
  if (!isActive(r)) return true;
  const s = span(date);
  if (!s) return keepUndated;
  if (r.from && s.last < r.from) return false;
  if (r.to && s.first > r.to) return false;
  return true;
}

/** A valid `YYYY-MM-DD` or empty string from user/URL input; anything else becomes empty. */
export function cleanDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = DATE_RE.exec(value.trim());
  if (!m || m[3] === undefined) return '';
  const d = new Date(`${value.trim()}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value.trim() ? '' : value.trim();
}
