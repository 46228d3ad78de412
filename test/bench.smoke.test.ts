/**
 * A small run of the benchmark (size tiny, about a minute) against the test database, so that it cannot rot:
 * the generator is deterministic and its documents validate; the product's ingester and the raw baseline
 * write the same graph; the three query arms (product API, @neo4j/graphql, raw driver) answer every query of
 * the mix with the same data; and the result files are written. Timings are recorded, never asserted.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { DEFAULT_SEED, generateArchive, poolSize, SIZES, statsOf } from '../bench/data/generate';
import { MAX_WRITES_PER_ROUND, settled } from '../bench/ingest/ingestBench';
import { executorFloor } from '../bench/query/executorFloor';
import { MIX } from '../bench/query/mix';
import { summaryMarkdown } from '../bench/report/report';
import { runBench } from '../bench/run';
import { validateDocument } from '../src/ingest/validate';
import { closeTestDriver, testDriver, testNeo4jConfig, wipe } from './support/db';
import { ok } from './api.harness';

jest.setTimeout(600_000);

afterAll(async () => {
  await wipe();
  await closeTestDriver();
});

describe('benchmark data generator', () => {
  test('the same seed gives identical documents; another seed gives others', () => {
    const a = [...generateArchive('tiny').documents()];
    const b = [...generateArchive('tiny', DEFAULT_SEED).documents()];
    const c = [...generateArchive('tiny', DEFAULT_SEED + 1).documents()];
    expect(a).toHaveLength(SIZES.tiny.articles);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
    // iterating the same archive twice restarts from the seed
    const archive = generateArchive('tiny');
    expect(JSON.stringify([...archive.documents()])).toBe(JSON.stringify([...archive.documents()]));
  });

  test('every document validates, and the archive has the shape the benchmark needs', () => {
    const archive = generateArchive('tiny');
    const docs = [...archive.documents()];
    for (const d of docs) {
      const v = validateDocument(d);
      if (!v.ok) throw new Error(`${d.article.id}: ${JSON.stringify(v.problems)}`);
    }
    const stats = statsOf(docs, poolSize(archive));
    expect(stats.entities).toBe(SIZES.tiny.entities);
    // shared entities: more mentions than entities; some mentioned by name only, some by id
    expect(stats.mentions).toBeGreaterThan(2 * stats.entities);
    const mentions = docs.flatMap((d) => d.entities);
    expect(mentions.some((e: any) => e.id)).toBe(true);
    expect(mentions.some((e: any) => !e.id)).toBe(true);
    expect(mentions.some((e: any) => /^[A-Za-z]/.test(e.name))).toBe(true);
    expect(mentions.some((e: any) => /[\u4e00-\u9fff]/.test(e.name))).toBe(true);
    // events with 3 to 20 participants; officials with positions
    const sizes = docs.flatMap((d) => d.events.map((e: any) => e.participants.length));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(20);
    expect(docs.some((d) => d.relations.some((r: any) => r.type === 'HOLDS_POSITION'))).toBe(true);
    // the hub organisation is in a large share of the articles
    const hub = docs.filter((d) => d.entities.some((e: any) => e.name === '高邮经济开发区' || e.name === '开发区')).length;
    expect(hub / docs.length).toBeGreaterThan(0.1);
  });
});

describe('ingest warm-up', () => {
  const policy = { min: 3, max: 6, settle: 0.05, compileShare: 0.05 };
  const times = (...seconds: number[]) => seconds.map((s) => ({ seconds: s }));
  const shares = (...s: number[]) => s.map((compileShare) => ({ seconds: 10, compileShare }));

  test('when Neo4j\'s JIT compilers can be read, it goes on until they take at most the given share of its CPU in a pass', () => {
    expect(settled([], policy)).toEqual({ done: false, byRule: false });
    // fewer than the fewest passes: go on, even when the compilers are idle
    expect(settled(shares(0.01, 0.01), policy).done).toBe(false);
    expect(settled(shares(0.4, 0.2, 0.08), policy).done).toBe(false);
    expect(settled(shares(0.4, 0.2, 0.08, 0.05), policy)).toEqual({ done: true, byRule: true });
    // the pass time says nothing then: a much faster pass with a busy compiler is not settled
    expect(settled([{ seconds: 30, compileShare: 0.3 }, { seconds: 20, compileShare: 0.2 }, { seconds: 20, compileShare: 0.2 }], policy).done).toBe(false);
    // the most passes end it, not settled
    expect(settled(shares(0.4, 0.3, 0.2, 0.2, 0.2, 0.2), policy)).toEqual({ done: true, byRule: false });
  });

  test('when they cannot be read (another server), it goes on while passes get clearly faster', () => {
    expect(settled(times(10, 10), policy).done).toBe(false);
    // the third pass 10% faster than the second: go on
    expect(settled(times(20, 12, 10.8), policy).done).toBe(false);
    // the fourth less than 5% faster than the third: done
    expect(settled(times(20, 12, 10.8, 10.5), policy)).toEqual({ done: true, byRule: true });
    // a slower pass (a noisy machine): done too
    expect(settled(times(20, 12, 10.8, 11.5), policy).done).toBe(true);
    // still 10% faster every time, but the most passes are reached
    expect(settled(times(20, 18, 16.2, 14.6, 13.1), policy).done).toBe(false);
    expect(settled(times(20, 18, 16.2, 14.6, 13.1, 11.8), policy)).toEqual({ done: true, byRule: false });
  });
});

describe('benchmark, size tiny, against the test database', () => {
  test('ingest and query arms run, agree, and write their result files', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-smoke-'));
    try {
      // a table of a size whose JSON is not there (a checkout from before the JSON was committed)
      fs.writeFileSync(path.join(outDir, 'L.md'), '# Benchmark, size L\n\nRun 2026-01-02T03:04:05.000Z → 2026-01-02T04:00:00.000Z, seed 1.\n');
      const { results, files } = await runBench({
        size: 'tiny',
        uri: testNeo4jConfig().uri,
        outDir,
        ingestDocs: 6,
        naiveDocs: 2,
        warmupDocs: 2,
        ingestWarmup: { min: 2, max: 2, settle: 0.05, compileShare: 0.05 },
        ingestMinRoundSeconds: 0.3,
        loader: 'product',
        durationSec: 1,
        warmupSec: 0,
        connections: 2,
        probesPerQuery: 4,
        log: () => {},
      });

      // ingest: every arm wrote the documents, and the product and raw writers produced the same graph
      const ingest = results.ingest!;
      expect(ingest.arms.map((a) => a.arm)).toEqual(['product', 'raw(batch=1)', 'raw(batch=10)', 'raw(batch=100)', 'naive']);
      for (const a of ingest.arms) {
        expect(a.rejected).toBe(0);
        expect(a.docsPerSec).toBeGreaterThan(0);
        expect(a.nodes).toBeGreaterThan(0);
      }
      expect(ingest.sameGraph).toBe(true);
      // every arm's measured round holds at least 0.3 s of writes (a faster arm wrote its documents again), or the most writes
      for (const a of [...ingest.arms, ...ingest.productBatches, ingest.replay!]) {
        expect(a.writesPerRound).toHaveLength(a.roundDocsPerSec!.length);
        a.writesPerRound!.forEach((writes, k) => {
          const seconds = (a.docs * writes) / a.roundDocsPerSec![k];
          expect({ arm: a.arm, round: k, enough: writes === MAX_WRITES_PER_ROUND || seconds >= 0.3 }).toEqual({ arm: a.arm, round: k, enough: true });
        });
      }
      // the diagnostic replay sent product(1)'s recorded statements, one transaction per document, and left its graph
      const [product] = ingest.arms;
      expect(ingest.replay!.statementsPerDoc).toBe(product.statementsPerDoc);
      expect(ingest.replay!.transactions).toBe(product.transactions);
      expect({ nodes: ingest.replay!.nodes, relationships: ingest.replay!.relationships }).toEqual({ nodes: product.nodes, relationships: product.relationships });
      expect(ingest.replayToNaive).toBeCloseTo(ingest.replay!.docsPerSec / ingest.arms[ingest.arms.length - 1].docsPerSec, 6);
      expect(ingest.replayToNaiveByRound).toHaveLength(ingest.ratioToNaiveByRound!.length);
      // the warm-up ran its passes (two here: at least and at most two)
      expect(ingest.warmupPasses).toHaveLength(2);
      expect(typeof ingest.warmupSettled).toBe('boolean');

      // the query graph is the whole tiny archive, loaded by the product's ingester
      expect(results.load!.graph.labels.Article).toBe(SIZES.tiny.articles);
      expect(results.load!.graph.labels.Entity).toBe(SIZES.tiny.entities);

      // queries: every query of the mix, answered with the same data by the three arms, under load too
      const queryResults = results.query!.results;
      expect(queryResults.map((q) => q.query)).toEqual(MIX.map((q) => q.name));
      for (const q of queryResults) {
        expect({ query: q.query, differences: q.differences }).toEqual({ query: q.query, differences: [] });
        expect(q.sameAnswers).toBe(true);
        expect(q.probes).toBeGreaterThan(0);
        for (const arm of ['product', 'library', 'raw'] as const) {
          const r = q.arms[arm];
          expect({ query: q.query, arm, requests: r.requests > 0, non2xx: r.non2xx }).toEqual({ query: q.query, arm, requests: true, non2xx: 0 });
          // the arm's process reported the CPU time it spent serving them (a request costs some, not seconds)
          expect(r.cpuMsPerRequest).toBeGreaterThan(0);
          expect(r.cpuMsPerRequest).toBeLessThan(1000);
          expect(r.roundTrips).toBeGreaterThanOrEqual(q.shape === 'overhead' ? 0 : 1);
        }
        // the raw arm answers in one statement (none for the stack-overhead query); the product within its bound
        expect(q.arms.raw.roundTrips).toBe(q.shape === 'overhead' ? 0 : 1);
        expect(q.arms.product.roundTripsMax).toBeLessThanOrEqual(q.depth + 1);
      }
      // answers are not trivially empty: the comparison compared data
      const sizeOf = (name: string) => Math.max(...queryResults.find((q) => q.query === name)!.answerSizes);
      for (const name of ['entityEvents', 'eventPageNested', 'eventsFiltered', 'partners', 'hubNeighborhood', 'shortestPath', 'fullTextSearch', 'searchForms']) {
        expect({ name, nonEmpty: sizeOf(name) > 0 }).toEqual({ name, nonEmpty: true });
      }

      // what graphql-js alone costs on the nested page's answer, replayed from the product's answer: the same answer
      const floor = await executorFloor(testDriver(), 'eventPageNested', 3);
      const nested = MIX.find((q) => q.name === 'eventPageNested')!;
      expect(floor.replayed).toEqual(await ok(nested.product({}).query));
      expect(floor.executeMs).toBeGreaterThan(0);
      expect(floor.jsonBytes).toBeGreaterThan(1000);

      // files: JSON (machine-readable), markdown table, summary and SVG chart
      // the PROFILE pass: every database-bound query, with the statements each arm sent
      expect(results.profile!.map((p) => p.query)).toEqual(MIX.map((q) => q.name));
      for (const p of results.profile!.filter((x) => x.query !== 'stackOverhead')) {
        expect(p.arms.raw.statements).toHaveLength(1);
        expect(p.arms.product.statements.length).toBeGreaterThanOrEqual(1);
        expect(p.arms.product.dbHits).toBeGreaterThan(0);
      }
      // what deriving an entity reads: for the hub, its stored groups cost fewer db hits than its mentions
      const derive = results.deriveProfile!;
      expect(derive.length).toBeGreaterThan(1);
      for (const d of derive) {
        expect(d.mentions).toBeGreaterThanOrEqual(d.groups);
        expect(d.groups).toBeGreaterThan(0);
        expect(d.fromStored.dbHits).toBeGreaterThan(0);
      }
      const hub = derive.reduce((a, b) => (b.mentions > a.mentions ? b : a));
      expect(hub.mentions).toBeGreaterThan(10);
      expect(hub.fromStored.dbHits).toBeLessThan(hub.fromMentions.dbHits);
      // it stored the groups in a transaction it rolled back: the product's loader had stored the same already
      const { records } = await testDriver().executeQuery('MATCH (e:Entity {id: $id}) RETURN e.mentionGroups AS g', { id: hub.entity });
      expect(JSON.parse(records[0].get('g')).reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(hub.mentions);

      expect(files.map((f) => path.basename(f)).sort()).toEqual(['ratios.svg', 'summary.md', 'tiny.json', 'tiny.md']);
      const json = JSON.parse(fs.readFileSync(path.join(outDir, 'tiny.json'), 'utf8'));
      expect(isDeepStrictEqual(json.archive, results.archive)).toBe(true);
      expect(json.query.results).toHaveLength(MIX.length);
      const md = fs.readFileSync(path.join(outDir, 'tiny.md'), 'utf8');
      expect(md).toContain('| query | product req/s | raw req/s | library req/s |');
      expect(md).toContain('## Targets');
      expect(md).toContain("| replayed product statements (diagnostic) |");
      expect(md).toContain('wrote their documents again (into a wiped graph) until they reached it; writes per round: ');
      expect(md).toContain("Diagnostic: product(1)'s own statements, recorded and sent again");
      for (const q of MIX) expect(md).toContain(q.title);
      // the summary is built from the JSON of S, M and L present (none here), and names the size it lacks
      const summary = fs.readFileSync(path.join(outDir, 'summary.md'), 'utf8');
      expect(summary).toContain('No query results yet.'); // tiny is left out of the summary
      // as the summary of a size it covers, the run's ingest rows include the diagnostic replay
      const asS = summaryMarkdown([{ ...results, size: 'S' }]);
      expect(asS).toContain(`| S | ${ingest.replay!.docsPerSec.toFixed(1)} | ${ingest.replayToNaive!.toFixed(2)} | ${ingest.ratioToNaive.toFixed(2)} |`);
      expect(summary).toContain('Not in this summary: L, whose results JSON is not here; `L.md` holds the tables of its last run (2026-01-02T03:04:05.000Z).');
      const svg = fs.readFileSync(path.join(outDir, 'ratios.svg'), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect((svg.match(/<rect /g) ?? []).length).toBeGreaterThan(MIX.length);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
