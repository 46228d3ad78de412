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

/**
 * What an analyst types for a range end: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a partial date stands for
 * its first day as a start, its last as an end). '' is an open end; null is not a date.
 */
export function typedDate(value: string, end: 'from' | 'to'): string | null {
  const v = value.trim();
  if (v === '') return '';
  const year = /^(\d{4})$/.exec(v);
  const s = year ? { first: `${v}-01-01`, last: `${v}-12-31` } : /^\d{4}-\d{2}$/.test(v) && Number(v.slice(5)) >= 1 && Number(v.slice(5)) <= 12 ? span(v) : cleanDate(v) ? span(v) : null;
  if (!s) return null;
  return end === 'from' ? s.first : s.last;
}

export interface Bucket {
  /** `YYYY-MM` or `YYYY-MM-DD` */
  key: string;
  first: string;
  last: string;
  count: number;
}

/** Days from 1970-01-01 of a `YYYY-MM-DD`. */
const dayNumber = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
const dayString = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);

/**
 * The timeline's histogram of event dates: by month, or by day when the dated events span at most
 * `dayLimit` days (then a month-only date counts on its first day). Empty buckets included, so the bars
 * are evenly spaced in time; at most `max` buckets (the earliest kept).
 */
export function histogram(dates: readonly (string | null)[], dayLimit = 92, max = 240): { unit: 'month' | 'day'; buckets: Bucket[]; undated: number } {
  const spans = dates.map((d) => span(d));
  const undated = spans.filter((s) => !s).length;
  const dated = spans.filter((s): s is { first: string; last: string } => !!s);
  if (dated.length === 0) return { unit: 'month', buckets: [], undated };
  const lo = dated.reduce((m, s) => (s.first < m ? s.first : m), dated[0].first);
  const hi = dated.reduce((m, s) => (s.first > m ? s.first : m), dated[0].first);
  const buckets: Bucket[] = [];
  if (dayNumber(hi) - dayNumber(lo) <= dayLimit) {
    for (let n = dayNumber(lo); n <= dayNumber(hi) && buckets.length < max; n += 1) {
      const d = dayString(n);
      buckets.push({ key: d, first: d, last: d, count: 0 });
    }
    const at = new Map(buckets.map((b, i) => [b.key, i]));
    for (const s of dated) {
      const i = at.get(s.first);
      if (i !== undefined) buckets[i].count += 1;
    }
    return { unit: 'day', buckets, undated };
  }
  let y = Number(lo.slice(0, 4));
  let m = Number(lo.slice(5, 7));
  const endKey = hi.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    const sp = span(key)!;
    buckets.push({ key, first: sp.first, last: sp.last, count: 0 });
    if (key >= endKey || buckets.length >= max) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  const at = new Map(buckets.map((b, i) => [b.key, i]));
  for (const s of dated) {
    const i = at.get(s.first.slice(0, 7));
    if (i !== undefined) buckets[i].count += 1;
  }
  return { unit: 'month', buckets, undated };
}
