/** A `kg-article/1` date: `YYYY-MM-DD` or `YYYY-MM`, a real calendar date. */
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])(-[0-9]{2})?$';

export interface DateSpan {
  /** first day covered, `YYYY-MM-DD` */
  first: string;
  /** last day covered, `YYYY-MM-DD` */
  last: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The days a date covers (a month covers all its days), or null when it is not a real date. */
export function dateSpan(value: string): DateSpan | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  if (m[3] === undefined) return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${pad(last)}` };
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  return { first: value, last: value };
}
