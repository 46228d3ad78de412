/**
 * Results → files: `<size>.json` (machine-readable, gitignored), `<size>.md` (the tables, commit-able),
 * and, over every size whose JSON is present, `summary.md` (ratios and latency from S to M to L) and
 * `ratios.svg` (the ratios per query and size).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ArchiveStats, SizeName } from '../data/generate';
import type { IngestResult } from '../ingest/ingestBench';
import type { GraphCounts } from '../lib/neo4j';
import type { DeriveProfile, QueryProfile } from '../query/profile';
import type { QueryResult } from '../query/queryBench';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  neo4j: string;
  neo4jHeap: string;
  neo4jPageCache: string;
  loadAverageStart: number[];
  loadAverageEnd: number[];
}

export interface BenchResults {
  size: SizeName;
  seed: number;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  archive: ArchiveStats;
  load?: { loader: string; seconds: number; docsPerSec: number; reused: boolean; graph: GraphCounts };
  ingest?: IngestResult;
  query?: { durationSec: number; warmupSec?: number; connections: number; results: QueryResult[] };
  profile?: QueryProfile[];
  /** cost of the ingester's re-derivation read for hubs and typical entities at this size */
  deriveProfile?: DeriveProfile[];
  /** the query half comes from the earlier run that started then (this run was --only ingest) */
  queryCarriedFrom?: string;
}

export const TARGETS = {
  ingestVsRaw: 0.8,
  ingestVsNaive: 10,
  queryVsRaw: 0.7,
  queryVsLibrary: 1.0,
  queryVsLibraryNestedFiltered: 1.5,
};

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const mark = (ok: boolean) => (ok ? '✅' : '❌');

export function ratioOf(q: QueryResult, against: 'raw' | 'library'): number {
  return q.arms.product.requestsPerSec / q.arms[against].requestsPerSec;
}

export interface TargetCheck {
  target: string;
  met: boolean;
  detail: string;
}

export function checkTargets(r: BenchResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  if (r.ingest?.sweep?.length) {
    // the product and raw at the same batch size, side by side; naive is one statement per fact at any size
    for (const row of r.ingest.sweep) {
      out.push({
        target: `ingest, ${row.batchSize} document(s)/transaction: ≥ ${TARGETS.ingestVsRaw}x raw UNWIND baseline at the same batch size`,
        met: row.productToRaw >= TARGETS.ingestVsRaw,
        detail: `${f2(row.productToRaw)}x`,
      });
      out.push({
        target: `ingest, ${row.batchSize} document(s)/transaction: ≥ ${TARGETS.ingestVsNaive}x naive statement-per-fact writer`,
        met: row.productToNaive >= TARGETS.ingestVsNaive,
        detail: `${f2(row.productToNaive)}x`,
      });
    }
  } else if (r.ingest) {
    out.push({
      target: `ingest ≥ ${TARGETS.ingestVsRaw}x raw UNWIND baseline (same batch: 1 document/transaction)`,
      met: r.ingest.ratioToRawSameBatch >= TARGETS.ingestVsRaw,
      detail: `${f2(r.ingest.ratioToRawSameBatch)}x (vs best raw batch size: ${f2(r.ingest.ratioToRawBest)}x)`,
    });
    out.push({
      target: `ingest ≥ ${TARGETS.ingestVsNaive}x naive statement-per-fact writer`,
      met: r.ingest.ratioToNaive >= TARGETS.ingestVsNaive,
      detail: `${f2(r.ingest.ratioToNaive)}x`,
    });
  }
  for (const q of r.query?.results ?? []) {
    if (q.shape === 'overhead') continue;
    const vsRaw = ratioOf(q, 'raw');
    const vsLib = ratioOf(q, 'library');
    const need = q.shape === 'nested' || q.shape === 'filtered' ? TARGETS.queryVsLibraryNestedFiltered : TARGETS.queryVsLibrary;
    out.push({ target: `${q.query}: ≥ ${TARGETS.queryVsRaw}x raw throughput`, met: vsRaw >= TARGETS.queryVsRaw, detail: `${f2(vsRaw)}x` });
    out.push({ target: `${q.query}: ≥ ${need}x @neo4j/graphql throughput`, met: vsLib >= need, detail: `${f2(vsLib)}x` });
    out.push({
      target: `${q.query}: round trips ≤ depth + 1 (${q.depth + 1})`,
      met: q.arms.product.roundTripsMax <= q.depth + 1,
      detail: `${f2(q.arms.product.roundTrips)} (max ${q.arms.product.roundTripsMax})`,
    });
    out.push({ target: `${q.query}: same answers from the 3 arms`, met: q.sameAnswers, detail: q.sameAnswers ? `${q.probes} probes` : `${q.differences.length} differences` });
  }
  return out;
}

export function markdownFor(r: BenchResults): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`# Benchmark, size ${r.size}`, '');
  lines.push(
    `Run ${r.startedAt} → ${r.finishedAt}, seed ${r.seed}. Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, ` +
      `Neo4j ${m.neo4j} embedded (heap ${m.neo4jHeap}, page cache ${m.neo4jPageCache}). Load average at start ${m.loadAverageStart.map(f1).join(' / ')}, ` +
      `at end ${m.loadAverageEnd.map(f1).join(' / ')} (shared machine: compare the ratios, measured side by side, not the absolute numbers).`,
    '',
  );
  const a = r.archive;
  lines.push(
    `Archive: ${a.articles} articles, ${a.entities} entities, ${a.mentions} mentions, ${a.events} events, ${a.participations} participations, ` +
      `${a.relations} relation statements, ${a.figures} figures.`,
  );
  if (r.load) {
    lines.push(
      `Graph: ${r.load.graph.nodes} nodes, ${r.load.graph.relationships} relationships; loaded by ${r.load.loader}` +
        ` in ${f1(r.load.seconds)} s (${f1(r.load.docsPerSec)} docs/s, ${r.load.loader === 'raw' ? 'UNWIND batches of 250 documents' : 'one document per transaction'})` +
        (r.load.reused ? ', in an earlier run (the graph was reused)' : '') + '.',
    );
  }
  lines.push('');
  if (r.ingest) {
    const i = r.ingest;
    lines.push(`## Ingest (first ${i.docs} documents into an empty graph; naive: first ${i.naiveDocs})${i.carriedFrom ? ` — from the run of ${i.carriedFrom}` : ''}`, '');
    if (i.warmupPasses?.length) {
      const shares = i.warmupCompileShares;
      const [rule, unmet] = shares
        ? ["until Neo4j's JIT compiler threads used at most 5% of its CPU in a pass", "the last still had Neo4j's JIT compilers above 5% of its CPU"]
        : ['until one was less than 5% faster than the one before', 'the last was still clearly faster than the one before'];
      lines.push(
        `Before measuring, every arm wrote its documents in ${i.warmupPasses.length} unmeasured warm-up passes ` +
          (i.warmupSettled === false ? `(the most allowed: ${unmet}, so Neo4j's JIT may not have settled)` : `(${rule})`) +
          `: ${i.warmupPasses.map((s, k) => `${f1(s)} s${shares ? ` (${(shares[k] * 100).toFixed(0)}%)` : ''}`).join(', ')}.`,
        '',
      );
    }
    const jit = i.arms.every((x) => x.compileShare !== undefined);
    lines.push(
      `| writer | docs/s | facts/s | statements/doc | transactions | ratio of product to it |${jit ? " Neo4j's CPU in JIT compilers while measured |" : ''}`,
      `|---|---:|---:|---:|---:|---:|${jit ? '---:|' : ''}`,
    );
    const product = i.arms[0];
    const jitCell = (x: (typeof i.arms)[number]) => (jit ? ` ${x.compileShare === undefined ? '–' : `${(x.compileShare * 100).toFixed(1)}%`} |` : '');
    for (const x of i.arms) {
      lines.push(`| ${x.arm} | ${f1(x.docsPerSec)} | ${x.factsPerSec.toFixed(0)} | ${f1(x.statementsPerDoc)} | ${x.transactions} | ${x === product ? '–' : `${f2(product.docsPerSec / x.docsPerSec)}x`} |${jitCell(x)}`);
    }
    for (const x of [...(i.productBatches ?? []), ...(i.replay ? [i.replay] : [])]) {
      const name = x === i.replay ? `${x.arm} (diagnostic)` : x.arm;
      lines.push(`| ${name} | ${f1(x.docsPerSec)} | ${x.factsPerSec.toFixed(0)} | ${f2(x.statementsPerDoc)} | ${x.transactions} | ${f2(product.docsPerSec / x.docsPerSec)}x |${jitCell(x)}`);
    }
    if (i.sweep?.length) {
      lines.push('', 'The product and raw at the same batch size (documents per transaction), measured side by side:', '');
      lines.push('| batch size | product docs/s | raw docs/s | product ÷ raw | product ÷ naive | statements/doc product / raw |', '|---:|---:|---:|---:|---:|---|');
      for (const w of i.sweep) {
        lines.push(`| ${w.batchSize} | ${f1(w.productDocsPerSec)} | ${f1(w.rawDocsPerSec)} | ${f2(w.productToRaw)} | ${f2(w.productToNaive)} | ${f2(w.productStatementsPerDoc)} / ${f2(w.rawStatementsPerDoc)} |`);
      }
      const repeated = [...i.arms, ...(i.productBatches ?? []), ...(i.replay ? [i.replay] : [])].filter((x) => x.writesPerRound?.some((n) => n > 1));
      if (repeated.length) {
        lines.push('', `Arms faster than the least time of a measured round wrote their documents again (into a wiped graph) until they reached it; writes per round: ${repeated.map((x) => `${x.arm} ${x.writesPerRound!.join(', ')}`).join('; ')}.`);
      }
      if (i.ratioToNaiveByRound?.length) {
        lines.push('', `Product(1) ÷ naive in each measured round, in the order run: ${i.ratioToNaiveByRound.map(f1).join(', ')} (the table's figure is over all rounds).`);
      }
      if (i.replay && i.replayToNaive !== undefined && i.productToReplay !== undefined) {
        lines.push(
          '',
          `Diagnostic: product(1)'s own statements, recorded and sent again one transaction per document with none of its ` +
            `client-side work (validation, identity decisions, parameters, reading results): ${f1(i.replay.docsPerSec)} docs/s, ` +
            `${f2(i.replayToNaive)}x naive${i.replayToNaiveByRound?.length ? ` (per round: ${i.replayToNaiveByRound.map(f1).join(', ')})` : ''}. ` +
            `That is as far above naive as one transaction per document gets with the product's database work; ` +
            `product(1) runs at ${f2(i.productToReplay)} of it.`,
        );
      }
    }
    lines.push('', `Same graph from product and raw writers: ${i.sameGraph ? 'yes' : 'NO'} (${product.nodes} nodes, ${product.relationships} relationships).`, '');
    if (product.costliest?.length) {
      lines.push('Where the product ingester spends its time (per document):', '', '| statement (first words) | runs | ms/doc | share of ingest time |', '|---|---:|---:|---:|');
      for (const c of product.costliest) lines.push(`| \`${c.statement.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${c.count} | ${f1(c.msPerDoc)} | ${(c.share * 100).toFixed(0)}% |`);
      lines.push('');
    }
  }
  if (r.query) {
    lines.push(`## Queries (autocannon, ${r.query.connections} connections, ${r.query.durationSec} s per query and arm${r.query.warmupSec !== undefined ? `, after ${r.query.warmupSec} s of warm-up per arm` : ''})${r.queryCarriedFrom ? ` — from the run of ${r.queryCarriedFrom}` : ''}`, '');
    lines.push(
      '| query | product req/s | raw req/s | library req/s | product ÷ raw | product ÷ library | p50 / p90 / p99 ms (product) | p50 / p90 / p99 ms (raw) | p50 / p90 / p99 ms (library) | round trips product / raw / library | server CPU ms per request product / raw / library | same answers |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|',
    );
    for (const q of r.query.results) {
      const p = q.arms.product;
      const w = q.arms.raw;
      const l = q.arms.library;
      const lat = (x: typeof p) => `${x.p50} / ${x.p90} / ${x.p99}`;
      // results from before the arms reported their CPU time have none
      const cpu = (x: typeof p) => (x.cpuMsPerRequest === undefined ? '–' : f2(x.cpuMsPerRequest));
      const need = q.shape === 'nested' || q.shape === 'filtered' ? TARGETS.queryVsLibraryNestedFiltered : TARGETS.queryVsLibrary;
      lines.push(
        `| ${q.title} | ${f1(p.requestsPerSec)} | ${f1(w.requestsPerSec)} | ${f1(l.requestsPerSec)} | ${f2(ratioOf(q, 'raw'))} ${mark(ratioOf(q, 'raw') >= TARGETS.queryVsRaw)} | ` +
          `${f2(ratioOf(q, 'library'))} ${mark(ratioOf(q, 'library') >= need)} | ${lat(p)} | ${lat(w)} | ${lat(l)} | ` +
          `${f2(p.roundTrips)} / ${f2(w.roundTrips)} / ${f2(l.roundTrips)} | ${cpu(p)} / ${cpu(w)} / ${cpu(l)} | ${q.sameAnswers ? 'yes' : 'NO'} |`,
      );
    }
    lines.push('');
    const diag = r.query.results.filter((q) => q.diagnostic?.productBare);
    if (diag.length) {
      lines.push(
        '### Diagnostic: where the product loses (its schema on bare Apollo standalone, no express and no product plugins)',
        '',
        '| query | product req/s | product schema on bare Apollo req/s | library req/s | HTTP layer (product ÷ bare) | schema + resolvers (bare ÷ library) |',
        '|---|---:|---:|---:|---:|---:|',
      );
      for (const q of diag) {
        const b = q.diagnostic!.productBare!;
        lines.push(
          `| ${q.title} | ${f1(q.arms.product.requestsPerSec)} | ${f1(b.requestsPerSec)} | ${f1(q.arms.library.requestsPerSec)} | ` +
            `${f2(q.arms.product.requestsPerSec / b.requestsPerSec)} | ${f2(b.requestsPerSec / q.arms.library.requestsPerSec)} |`,
        );
      }
      lines.push('');
    }
    const errs = r.query.results.flatMap((q) => (['product', 'raw', 'library'] as const).filter((a) => q.arms[a].non2xx || q.arms[a].errors).map((a) => `${q.query} ${a}: ${q.arms[a].non2xx} non-2xx, ${q.arms[a].errors} errors`));
    if (errs.length) lines.push('Errors under load: ' + errs.join('; '), '');
  }
  if (r.profile?.length) {
    lines.push(
      '## Database work per request (PROFILE of each statement each arm sends, first probe)',
      '',
      'Each arm answers once in-process with a recording driver; each statement it sent is profiled (db hits) and then run ' +
        'alone 10 times in sequence (database ms, including the Bolt round trip). Throughput lost beyond this is spent in Node.',
      '',
    );
    lines.push(
      '| query | statements product / raw / library | db hits product / raw / library | database ms per request product / raw / library | product: hottest operator |',
      '|---|---:|---:|---:|---|',
    );
    for (const p of r.profile) {
      const a = p.arms;
      const hottest = a.product.statements.flatMap((s) => s.hotspots.slice(0, 1)).sort((x, y) => Number(y.split(': ').pop()) - Number(x.split(': ').pop()))[0] ?? '';
      lines.push(
        `| ${p.query} | ${a.product.statements.length} / ${a.raw.statements.length} / ${a.library.statements.length} | ` +
          `${a.product.dbHits} / ${a.raw.dbHits} / ${a.library.dbHits} | ` +
          `${a.product.ms === undefined ? '–' : `${f1(a.product.ms)} / ${f1(a.raw.ms)} / ${f1(a.library.ms)}`} | ${hottest.replace(/\|/g, '\\|')} |`,
      );
    }
    lines.push('');
  }
  const derive = (r.deriveProfile ?? []).filter((d) => d.fromStored); // runs before 2026-11-27 profiled another statement
  if (derive.length) {
    lines.push(
      '## Ingest at this size: what deriving an entity reads (READ_DERIVATIONS of src/ingest/derivationStatements.ts, PROFILE)',
      '',
      'The load of a new article reads, for each entity it may name, the entity\'s stored mention groups; a re-load, a ' +
        'delete or a merge that touches the entity reads its mentions. Each in a transaction rolled back after.',
      '',
      '| entity | mentions | groups | from its mentions: db hits | ms | from its stored groups: db hits | ms |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const d of derive) {
      lines.push(
        `| ${d.entity} | ${d.mentions} | ${d.groups} | ${d.fromMentions.dbHits} | ${f1(d.fromMentions.ms)} | ${d.fromStored.dbHits} | ${f1(d.fromStored.ms)} |`,
      );
    }
    lines.push('');
  }
  const checks = checkTargets(r);
  if (checks.length) {
    lines.push('## Targets', '', '| target | met | measured |', '|---|:---:|---|');
    for (const c of checks) lines.push(`| ${c.target} | ${mark(c.met)} | ${c.detail} |`);
    lines.push('');
  }
  return lines.join('\n');
}

const SIZE_ORDER: SizeName[] = ['tiny', 'S', 'M', 'L'];

export function readAllResults(dir: string): BenchResults[] {
  return SIZE_ORDER.flatMap((s) => {
    const file = path.join(dir, `${s}.json`);
    return fs.existsSync(file) ? [JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults] : [];
  });
}

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

/** Grouped bars: for each query, product ÷ raw and product ÷ library per size, with the target lines. */
export function ratiosSvg(all: BenchResults[]): string {
  const runs = all.filter((r) => r.query && (r.size !== 'tiny' || all.length === 1));
  const queries = runs.length ? runs[0].query!.results.map((q) => q.query) : [];
  const series = runs.flatMap((r) => [
    { label: `${r.size} ÷ raw`, size: r.size, against: 'raw' as const },
    { label: `${r.size} ÷ library`, size: r.size, against: 'library' as const },
  ]);
  const colors = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7'];
  const values = series.map((s) =>
    queries.map((name) => {
      const q = runs.find((r) => r.size === s.size)!.query!.results.find((x) => x.query === name);
      return q ? ratioOf(q, s.against) : NaN;
    }),
  );
  const maxV = Math.max(2, ...values.flat().filter(Number.isFinite).map((v) => Math.min(v, 6)));
  const W = 960;
  const H = 420;
  const left = 50;
  const bottom = 110;
  const top = 40;
  const plotH = H - top - bottom;
  const groupW = (W - left - 20) / Math.max(1, queries.length);
  const barW = Math.max(4, (groupW - 12) / Math.max(1, series.length));
  const y = (v: number) => top + plotH - (Math.min(v, maxV) / maxV) * plotH;
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${left}" y="20" font-size="14">Throughput of the product API relative to the raw driver and to @neo4j/graphql (higher is better)</text>`);
  for (let v = 0; v <= maxV; v += 0.5) {
    out.push(`<line x1="${left}" x2="${W - 20}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text>`);
  }
  for (const [v, label, color] of [[TARGETS.queryVsRaw, '0.7x raw', '#4e79a7'], [1, '1x', '#999'], [TARGETS.queryVsLibraryNestedFiltered, '1.5x library (nested, filtered)', '#f28e2b']] as const) {
    out.push(`<line x1="${left}" x2="${W - 20}" y1="${y(v)}" y2="${y(v)}" stroke="${color}" stroke-dasharray="4 3"/><text x="${W - 22}" y="${y(v) - 3}" text-anchor="end" fill="${color}">${label}</text>`);
  }
  queries.forEach((name, qi) => {
    const x0 = left + qi * groupW + 6;
    series.forEach((s, si) => {
      const v = values[si][qi];
      if (!Number.isFinite(v)) return;
      out.push(`<rect x="${x0 + si * barW}" y="${y(v)}" width="${barW - 1}" height="${top + plotH - y(v)}" fill="${colors[si % colors.length]}"><title>${esc(`${name} ${s.label}: ${v.toFixed(2)}`)}</title></rect>`);
    });
    out.push(`<text transform="translate(${x0 + groupW / 2 - 6},${top + plotH + 12}) rotate(30)" text-anchor="start">${esc(name)}</text>`);
  });
  series.forEach((s, si) => {
    const lx = left + si * 120;
    out.push(`<rect x="${lx}" y="${H - 18}" width="10" height="10" fill="${colors[si % colors.length]}"/><text x="${lx + 14}" y="${H - 9}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
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
