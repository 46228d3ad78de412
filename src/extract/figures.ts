/**
 * Reported numbers: metric, value, unit, period (上半年 → 2023-H1, 1-7月份), year-on-year change, and how the
 * article hedges them (预计 → estimate, 近 → approx, 以上 → atLeast, 不到 → atMost).
 */
import type { FigureInput } from '../ingest';


export type Qualifier = 'estimate' | 'approx' | 'atLeast' | 'atMost';

export interface FoundFigure extends Omit<FigureInput, 'subject'> {
  qualifier?: Qualifier;
  stated?: string;
  /** where the metric's words start in the sentence */
  metricStart: number;
  start: number;
  end: number;
  /** the project or organisation named right after (总投资100亿元的X项目), when the number is about it */
  aboutAt?: number;
}

const UNITS = ['亿美元', '万美元', '美元', '亿元', '万元', '元', '万平方米', '平方米', '万亩', '亩', '万吨', '吨', '万人次', '万人', 'GWh', 'GW', 'MW',
  '%', '个百分点', '个', '家', '名', '人次', '人', '次', '项', '台', '套', '户', '场', '批', '件', '所', '条', '辆', '份'];
const BEFORE = '(预计|预期|近|约|超过|不少于|不低于|逾|不到|不超过|突破|超)?';
const NUMBER = '(\\d+(?:\\.\\d+)?)';
const AFTER = '(以上|左右|余|多|以内|以下)?';
const FIGURE_RE = new RegExp(`${BEFORE}${NUMBER}(余|多)?(${UNITS.join('|')})${AFTER}`, 'gu');
const CHANGE_RE = /^(?:以上|左右|余|多)?[，,]?\s*(?:同比|比上年同期|较上年同期|比去年同期|较去年同期|比上年|较上年)?(增长|提高|上升|增加|下降|减少)(\d+(?:\.\d+)?)%/u;
const METRIC_STOP = /[，,；;：:。、（）()“”]/u;
const METRIC_LEAD = /^(?:\d{1,2}月[上中下旬初底]*|据不完全统计|据统计|今年以来|今年|全年|上半年|下半年|一季度|前三季度|\d+[-至]\d+月份?|开发区|全区|我区|园区|共|累计|预计|预期|实现|完成|其中|同时|目前|已|达到|达|为|新增|此外|包含|分别)+/u;

const QUALIFIER: Record<string, Qualifier> = {
  预计: 'estimate', 预期: 'estimate', 近: 'approx', 约: 'approx', 左右: 'approx', 超过: 'atLeast', 超: 'atLeast', 逾: 'atLeast',
  不少于: 'atLeast', 不低于: 'atLeast',
  以上: 'atLeast', 突破: 'atLeast', 余: 'atLeast', 多: 'atLeast', 以内: 'atMost', 以下: 'atMost', 不到: 'atMost', 不超过: 'atMost',
};

/** The period a sentence's numbers refer to, or undefined. */
export function periodOf(s: string, year: number | undefined): string | undefined {
  if (!year) return undefined;
  if (/上半年/u.test(s)) return `${year}-H1`;
  if (/下半年/u.test(s)) return `${year}-H2`;
  if (/前三季度/u.test(s)) return `${year}-Q1-Q3`;
  const q = /第?([一二三四])季度/u.exec(s);
  if (q) return `${year}-Q${'一二三四'.indexOf(q[1]) + 1}`;
  const span = /(\d{1,2})\s*[-—至~]\s*(\d{1,2})月份?/u.exec(s);
  if (span) return `${year}-${span[1].padStart(2, '0')}..${span[2].padStart(2, '0')}`;
  if (/今年|全年|本年度/u.test(s)) return `${year}`;
  return undefined;
}

function metricBefore(s: string, at: number): { metric: string; start: number } {
  let i = at;
  while (i > 0 && !METRIC_STOP.test(s[i - 1])) i--;
  const raw = s.slice(i, at);
  let metric = raw.replace(METRIC_LEAD, '');
  const start = i + raw.length - metric.length;
  metric = metric.replace(/(?:达到|达|为|实现|完成|共|累计|约|的)$/u, '');
  return { metric, start };
}

/** Numbers with units in a sentence, outside `taken` spans (names, dates). */
export function findFigures(s: string, taken: Array<{ start: number; end: number }>): FoundFigure[] {
  const out: FoundFigure[] = [];
  let estimate = false;
  for (const m of s.matchAll(FIGURE_RE)) {
    const start = m.index ?? 0;
    const numStart = start + (m[1]?.length ?? 0);
    const end = start + m[0].length;
    if (taken.some((t) => numStart < t.end && t.start < end)) continue;
    if (s[numStart - 1] === '第' || /^\d|^\./u.test(s.slice(end)) || /[\d.]$/u.test(s.slice(0, numStart))) continue;
    if (/^(?:年|月|日|号)/u.test(s.slice(numStart + m[2].length))) continue;
    const mid = m[3];
    // 同比增长13.2%: a change, read with the number before it
    if (/(?:增长|提高|上升|增加|下降|减少)$/u.test(s.slice(0, numStart))) continue;
    if (/(?:至|到|-)$/u.test(s.slice(0, numStart))) continue;
    // 12GW新型…项目, 50亿元项目2个, 20个村: a number that qualifies the noun after it is not a reported figure
    const next = s.slice(end);
    if (next && !/^(?:[，,；;。、：:（(）)”"！？!?]|同比|比上年|较上年|比去年|较去年|的|和|与|及|，)/u.test(next)) continue;
    const clauseBefore = s.slice(0, start).split(/[；;。]/u).pop() ?? '';
    estimate = /预计|预期/u.test(clauseBefore);
    let { metric, start: metricStart } = metricBefore(s, start);
    const value = Number(m[2]);
    const unit = m[4];
    if (metric.length < 2) {
      // 分别签约4个: the words before the number are all there is
      const clause = s.slice(0, start).split(METRIC_STOP).pop() ?? '';
      metric = clause.length >= 2 ? clause : '';
      metricStart = start - clause.length;
    }
    if (metric.length < 2 || metric.length > 40) continue;
    const f: FoundFigure = { metric, value, unit, start, end, metricStart };
    const change = CHANGE_RE.exec(s.slice(end));
    if (change) f.change = Number(((/下降|减少/u.test(change[1]) ? -1 : 1) * Number(change[2]) / 100).toFixed(6));
    const hedge = m[1] ?? mid ?? m[5];
    const qualifier = hedge ? QUALIFIER[hedge] : estimate ? 'estimate' : undefined;
    if (qualifier) f.qualifier = qualifier;
    if (hedge || estimate) f.stated = m[0];
    if (/^的/u.test(s.slice(end))) f.aboutAt = end + 1;
    out.push(f);
  }
  return out;
}
