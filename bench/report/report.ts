/**
 * Results → files: `<size>.json` (machine-readable, gitignored), `<size>.md` (the tables, commit-able),
 * and, over every size whose JSON is present, `summary.md` (ratios and latency from S to M to L) and
 * `ratios.svg` (the ratios per query and size).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SizeName } from '../data/generate';
import type { BenchResults } from './benchResults';
import { markdownFor } from './markdownFor';
import { ratiosSvg } from './ratiosSvg';
import { summaryMarkdown } from './summaryMarkdown';

export type { BenchResults } from './benchResults';
export { markdownFor } from './markdownFor';
export { summaryMarkdown } from './summaryMarkdown';
export { checkTargets } from './targets';

const SIZE_ORDER: SizeName[] = ['tiny', 'S', 'M', 'L'];

export function readAllResults(dir: string): BenchResults[] {
  return SIZE_ORDER.flatMap((s) => {
    const file = path.join(dir, `${s}.json`);
    return fs.existsSync(file) ? [JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults] : [];
  });
}

export function writeResults(dir: string, r: BenchResults): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files = [path.join(dir, `${r.size}.json`), path.join(dir, `${r.size}.md`)];
  fs.writeFileSync(files[0], JSON.stringify(r, null, 2) + '\n');
  fs.writeFileSync(files[1], markdownFor(r) + '\n');
  const all = readAllResults(dir);
  const summary = path.join(dir, 'summary.md');
  const svg = path.join(dir, 'ratios.svg');
  const elsewhere = SIZE_ORDER.flatMap((size) => {
    const table = path.join(dir, `${size}.md`);
    if (size === 'tiny' || all.some((x) => x.size === size) || !fs.existsSync(table)) return [];
    const run = /^Run (\S+)/m.exec(fs.readFileSync(table, 'utf8'))?.[1] ?? 'date unknown';
    return [{ size, run }];
  });
  fs.writeFileSync(summary, summaryMarkdown(all, elsewhere) + '\n');
  fs.writeFileSync(svg, ratiosSvg(all) + '\n');
  return [...files, summary, svg];
}
