/** `summary.md`: over every size with results here, the ratios, the latency from size to size, and ingest. */
import type { SizeName } from '../data/generate';
import type { QueryResult } from '../query/queryBench';
import type { BenchResults } from './benchResults';
import { f1, f2 } from './format';
import { ratioOf } from './targets';

/**
 * `elsewhere`: sizes with a table (`<size>.md`) but no JSON here, so not in this summary (a checkout made before
 * the JSON was committed, on a machine that has not run them); the summary names them and their tables' run.
 */
export function summaryMarkdown(all: BenchResults[], elsewhere: Array<{ size: SizeName; run: string }> = []): string {
  const withQuery = all.filter((r) => r.query && r.size !== 'tiny');
  const lines = ['# Benchmark summary', ''];
  for (const e of elsewhere) {
    lines.push(`Not in this summary: ${e.size}, whose results JSON is not here; \`${e.size}.md\` holds the tables of its last run (${e.run}).`, '');
  }
  if (!withQuery.length) return lines.concat('No query results yet.', '').join('\n');
  const queries = withQuery[0].query!.results.map((q) => q.query);
  const titleOf = (name: string) => withQuery[0].query!.results.find((q) => q.query === name)!.title;
  const cell = (r: BenchResults, name: string, fn: (q: QueryResult) => string) => {
    const q = r.query!.results.find((x) => x.query === name);
    return q ? fn(q) : '–';
  };
  lines.push('## Throughput ratios (product ÷ raw, product ÷ @neo4j/graphql)', '');
  lines.push(`| query | ${withQuery.map((r) => `${r.size}: ÷ raw | ${r.size}: ÷ library`).join(' | ')} |`);
  lines.push(`|---|${withQuery.map(() => '---:|---:').join('|')}|`);
  for (const name of queries) {
    lines.push(`| ${titleOf(name)} | ${withQuery.map((r) => `${cell(r, name, (q) => f2(ratioOf(q, 'raw')))} | ${cell(r, name, (q) => f2(ratioOf(q, 'library')))}`).join(' | ')} |`);
  }
  lines.push('', '## Latency from size to size (product p50 / p99 ms; raw p50 in brackets)', '');
  lines.push(`| query | ${withQuery.map((r) => r.size).join(' | ')} |`, `|---|${withQuery.map(() => '---:').join('|')}|`);
  for (const name of queries) {
    lines.push(`| ${titleOf(name)} | ${withQuery.map((r) => cell(r, name, (q) => `${q.arms.product.p50} / ${q.arms.product.p99} (${q.arms.raw.p50})`)).join(' | ')} |`);
  }
  const ingest = all.filter((r) => r.ingest && r.size !== 'tiny');
  const swept = ingest.filter((r) => r.ingest!.sweep?.length);
  if (swept.length) {
    lines.push('', '## Ingest (product and raw at the same batch size, side by side)', '',
      '| size | documents/transaction | product docs/s | raw docs/s | naive docs/s | product ÷ raw | product ÷ naive |', '|---|---:|---:|---:|---:|---:|---:|');
    for (const r of swept) {
      const i = r.ingest!;
      const naive = i.arms.find((x) => x.arm === 'naive');
      for (const w of i.sweep!) {
        lines.push(`| ${r.size} | ${w.batchSize} | ${f1(w.productDocsPerSec)} | ${f1(w.rawDocsPerSec)} | ${naive ? f1(naive.docsPerSec) : '–'} | ${f2(w.productToRaw)} | ${f2(w.productToNaive)} |`);
      }
    }
    const replayed = swept.filter((r) => r.ingest!.replay);
    if (replayed.length) {
      lines.push('', "Diagnostic, one document per transaction: product(1)'s own statements replayed without its client-side work " +
        '(how far above naive the product\'s database work alone gets):', '',
        '| size | replayed docs/s | replayed ÷ naive | product(1) ÷ naive | product(1) ÷ replayed |', '|---|---:|---:|---:|---:|');
      for (const r of replayed) {
        const i = r.ingest!;
        lines.push(`| ${r.size} | ${f1(i.replay!.docsPerSec)} | ${f2(i.replayToNaive!)} | ${f2(i.ratioToNaive)} | ${f2(i.productToReplay!)} |`);
      }
    }
  }
  const older = ingest.filter((r) => !r.ingest!.sweep?.length);
  if (older.length) {
    lines.push('', '## Ingest (earlier runs: the product at one document per transaction only)', '', '| size | product docs/s | raw (1/tx) docs/s | best raw docs/s | naive docs/s | product ÷ raw(1) | product ÷ naive |', '|---|---:|---:|---:|---:|---:|---:|');
    for (const r of older) {
      const i = r.ingest!;
      const raws = i.arms.filter((x) => x.arm.startsWith('raw'));
      lines.push(
        `| ${r.size} | ${f1(i.arms[0].docsPerSec)} | ${f1(raws.find((x) => x.batchSize === 1)!.docsPerSec)} | ${f1(Math.max(...raws.map((x) => x.docsPerSec)))} | ` +
          `${f1(i.arms[i.arms.length - 1].docsPerSec)} | ${f2(i.ratioToRawSameBatch)} | ${f2(i.ratioToNaive)} |`,
      );
    }
  }
  lines.push('', ...withQuery.map((r) => `- ${r.size}: ${r.load ? `${r.load.graph.nodes} nodes, ${r.load.graph.relationships} relationships; ` : ''}run ${r.startedAt}, load average ${r.machine.loadAverageStart.map(f1).join('/')} → ${r.machine.loadAverageEnd.map(f1).join('/')}`), '');
  return lines.join('\n');
}
