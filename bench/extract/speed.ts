/**
 * `npm run bench:extract`: articles of 2 000 characters per second through the rule-based extractor on one core
 * (this process, one thread), the dev articles cut and repeated to that length, for at least N s after a warm-up.
 * The rate is counted against the process's CPU time (user + system), which is what one core gives it: on a
 * shared machine the wall-clock rate only says how busy the others were; both are printed, with the load.
 */
import { loadavg } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/extract';

const LENGTH = 2000;
const dir = join(__dirname, 'articles');
const seed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seed', 'gaoyou-edz-newsletter-2023-06.json'), 'utf8')).article.text as string;
const sources = [seed, ...readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'))];
// each article of the set: a source from a different offset, repeated to 2 000 characters
const articles = sources.flatMap((s, i) => [0, 300, 700].map((o) => (s.slice(o) + s).repeat(3).slice(0, LENGTH) + String(i)));

export interface Speed {
  articles: number;
  cpuSeconds: number;
  wallSeconds: number;
  perCpuSecond: number;
  perWallSecond: number;
  load: number;
}

export function measure(seconds: number): Speed {
  for (const a of articles) extractArticle(a, { id: 'warm', publishedOn: '2023-06-30' });
  let n = 0;
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let cpuSeconds = 0;
  while (cpuSeconds < seconds) {
    extractArticle(articles[n % articles.length], { id: `a${n}`, publishedOn: '2023-06-30', publisher: '高邮经济开发区' });
    n += 1;
    const used = process.cpuUsage(cpu);
    cpuSeconds = (used.user + used.system) / 1e6;
  }
  const wallSeconds = Number(process.hrtime.bigint() - wall) / 1e9;
  return { articles: n, cpuSeconds, wallSeconds, perCpuSecond: n / cpuSeconds, perWallSecond: n / wallSeconds, load: loadavg()[0] };
}

export function formatSpeed(r: Speed): string {
  return `${r.articles} articles of ${LENGTH} characters: ${r.perCpuSecond.toFixed(1)} articles per CPU second on one core ` +
    `(${r.cpuSeconds.toFixed(2)} s CPU; ${r.perWallSecond.toFixed(1)}/s by the wall clock over ${r.wallSeconds.toFixed(2)} s, machine load ${r.load.toFixed(1)})`;
}

if (require.main === module) process.stdout.write(`${formatSpeed(measure(Number(process.argv[2] ?? 5)))}\n`);
