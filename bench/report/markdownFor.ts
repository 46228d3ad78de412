import type { BenchResults } from './benchResults';
import { f1, f2, mark } from './format';
import { ingestMarkdown } from './ingestMarkdown';
import { checkTargets, ratioOf, TARGETS } from './targets';

/** The query section: each query's arms side by side, the diagnostic arm, errors under load. */
function queryMarkdown(lines: string[], r: BenchResults & { query: NonNullable<BenchResults['query']> }): void {
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

/** The PROFILE pass: the database work each arm's statements cost. */
function profileMarkdown(lines: string[], profile: NonNullable<BenchResults['profile']>): void {
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
  for (const p of profile) {
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

/** What deriving an entity reads, at this size. */
function deriveMarkdown(lines: string[], derive: NonNullable<BenchResults['deriveProfile']>): void {
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

/** `<size>.md`: the run, the archive and graph, then each part measured, then the targets. */
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
  if (r.ingest) ingestMarkdown(lines, r.ingest);
  if (r.query) queryMarkdown(lines, { ...r, query: r.query });
  if (r.profile?.length) profileMarkdown(lines, r.profile);
  const derive = (r.deriveProfile ?? []).filter((d) => d.fromStored); // runs before 2026-11-27 profiled another statement
  if (derive.length) deriveMarkdown(lines, derive);
  const checks = checkTargets(r);
  if (checks.length) {
    lines.push('## Targets', '', '| target | met | measured |', '|---|:---:|---|');
    for (const c of checks) lines.push(`| ${c.target} | ${mark(c.met)} | ${c.detail} |`);
    lines.push('');
  }
  return lines.join('\n');
}
