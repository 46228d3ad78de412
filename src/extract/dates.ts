/** Dates as Chinese newsletters write them (6月21日, 6月8日至9日, 5月中下旬), completed with the article's year. */

export interface FoundDate {
  date: string;
  endDate?: string;
  /** the words as written */
  text: string;
  /** true when only the month is known (6月中旬) */
  monthOnly: boolean;
  index: number;
}

const DATE_RE = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号](?:(?:至|到|-|—|－)(?:(\d{1,2})月)?(\d{1,2})[日号])?|(上旬|中旬|下旬|中下旬|上中旬|初|底|末|份)?)/gu;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function realDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every date in a sentence, in order; `year` completes those without one. */
export function findDates(sentence: string, year: number): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of sentence.matchAll(DATE_RE)) {
    const y = m[1] ? Number(m[1]) : year;
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    // 1-10月份, 1至7月: a span of months that numbers are reported over, not a date
    if (/\d\s*[-—－~至到]\s*$/u.test(sentence.slice(0, m.index ?? 0))) continue;
    // "7月份可以试产" or "2月初开工": a month but said of a plan or a span, still a month date
    if (m[3]) {
      const day = Number(m[3]);
      if (!realDay(y, month, day)) continue;
      const date = `${y}-${pad(month)}-${pad(day)}`;
      let endDate: string | undefined;
      if (m[5]) {
        const endMonth = m[4] ? Number(m[4]) : month;
        if (realDay(y, endMonth, Number(m[5]))) endDate = `${y}-${pad(endMonth)}-${pad(Number(m[5]))}`;
        if (endDate && endDate < date) endDate = undefined;
      }
      found.push({ date, endDate, text: m[0], monthOnly: false, index: m.index ?? 0 });
    } else {
      found.push({ date: `${y}-${pad(month)}`, text: m[0], monthOnly: true, index: m.index ?? 0 });
    }
  }
  return found;
}

/** The article's year: from publishedOn when given, else the first 20xx年 in the text, else none. */
export function articleYear(publishedOn: string | undefined, text: string): number | undefined {
  if (publishedOn && /^\d{4}/.test(publishedOn)) return Number(publishedOn.slice(0, 4));
  const m = /(20\d{2})年/u.exec(text);
  return m ? Number(m[1]) : undefined;
}
