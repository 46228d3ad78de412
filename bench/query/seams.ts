/**
 * `npx tsx bench/query/seams.ts [--size S] [--duration 8] [--queries a,b] [--variants −execution,…]`
 *
 * What each speed-up that reaches into a library buys on the query mix: the product as it is, and the product
 * with one of them taken out (`KG_BENCH_SEAMS_OFF` in the arm's environment, read by armServer.ts), side by side
 * in one run, with the raw arm for the target ratio. Rounds in mirrored order as queryBench does; the graph of
 * `npm run bench` at that size is reused (or loaded with the raw writer). See bench/README.md, "Seams".
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SEED, generateArchive, poolSize, statsOf, type SizeName } from '../data/generate';
import { rawWriter } from '../ingest/writers';
import { benchDataDir, graphCounts, openBenchDatabase } from '../lib/neo4j';
import { buildCompiledProduct } from '../lib/compiledProduct';
import { startArm, type ArmProcess } from './arms';
import { MIX } from './mix';
import { normalizeAnswer, requestBody, type Params } from './mixQuery';
import { chooseProbes } from './probes';
import { combineRounds, loadArm, type LoadResult } from './queryBench';
import { isDeepStrictEqual } from 'util';

const VARIANTS: Array<{ name: string; arm: 'raw' | 'product'; off: string }> = [
  { name: 'raw', arm: 'raw', off: '' },
  { name: 'product', arm: 'product', off: '' },
  { name: '−execution', arm: 'product', off: 'execution' },
  { name: '−resolvers', arm: 'product', off: 'resolvers' },
  { name: '−sockets', arm: 'product', off: 'sockets' },
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const size = (arg('size') ?? 'S') as SizeName;
  const durationSec = Number(arg('duration') ?? 8);
  const only = arg('queries')?.split(',');
  const variants = VARIANTS.filter((v) => !arg('variants') || v.name === 'raw' || arg('variants')!.split(',').includes(v.name));
  const log = (l: string) => process.stdout.write(`${l}\n`);
  const archive = generateArchive(size, DEFAULT_SEED);
  const stats = statsOf(archive.documents(), poolSize(archive));
  const homeDir = benchDataDir(size);
  const manifestFile = path.join(homeDir, 'bench-manifest.json');
  const identity = { size, seed: DEFAULT_SEED, loader: 'raw', stats };
  const reusable = fs.existsSync(manifestFile) && JSON.stringify(JSON.parse(fs.readFileSync(manifestFile, 'utf8')).identity) === JSON.stringify(identity);
  const db = await openBenchDatabase({ homeDir, size, fresh: !reusable, log });
  const arms: ArmProcess[] = [];
  try {
    if (!reusable) {
      log('[seams] loading the graph with the raw writer…');
      const started = Date.now();
      const writer = rawWriter(250);
      let batch: Record<string, any>[] = [];
      for (const d of archive.documents()) {
        batch.push(d);
        if (batch.length >= 250) {
          await writer.write(db.driver, batch);
          batch = [];
        }
      }
      if (batch.length) await writer.write(db.driver, batch);
      await db.driver.executeQuery('CALL db.awaitIndexes(600)');
      const graph = await graphCounts(db.driver);
      fs.writeFileSync(manifestFile, JSON.stringify({ identity, graph, seconds: (Date.now() - started) / 1000 }, null, 2));
    }
    const probes = await chooseProbes(db.driver);
    buildCompiledProduct();
    for (const v of variants) arms.push(await startArm(v.arm, db.uri, 120_000, { KG_BENCH_SEAMS_OFF: v.off }));
    const rows: string[] = [];
    const mix = MIX.filter((q) => q.name !== 'stackOverhead' && (!only || only.includes(q.name)));
    for (const [qi, q] of mix.entries()) {
      const ps: Params[] = probes[q.name] ?? [];
      if (ps.length === 0) continue;
      // same answers from every arm
      let differences = 0;
      for (const p of ps) {
        const answers = await Promise.all(
          arms.map(async (a) => {
            try {
              return normalizeAnswer(a.arm, q, (await a.post(requestBody(a.arm, q, p))) as never);
            } catch (error) {
              return { error: (error as Error).message.slice(0, 200) };
            }
          }),
        );
        for (const x of answers.slice(1)) if (!isDeepStrictEqual(x, answers[0])) differences += 1;
      }
      const order = arms.map((_, k) => arms[(k + qi) % arms.length]);
      for (const a of order) await loadArm(a, q, ps, { durationSec: 2, connections: 8 });
      const halves = new Map<ArmProcess, LoadResult[]>();
      for (const round of [order, [...order].reverse()]) {
        for (const a of round) {
          const r = await loadArm(a, q, ps, { durationSec: durationSec / 2, connections: 8 });
          halves.set(a, [...(halves.get(a) ?? []), r]);
        }
      }
      const rate = arms.map((a) => combineRounds(halves.get(a)!));
      const raw = rate[0].requestsPerSec;
      const product = rate[1].requestsPerSec;
      const cells = variants.slice(1).map((v, i) => {
        const r = rate[i + 1];
        const vsProduct = i === 0 ? '' : ` (${(r.requestsPerSec / product).toFixed(2)}× product)`;
        return `${r.requestsPerSec.toFixed(0)} req/s, ${(r.requestsPerSec / raw).toFixed(2)}× raw${vsProduct}, ${r.cpuMsPerRequest.toFixed(2)} ms CPU${r.non2xx || r.errors ? `, ${r.non2xx + r.errors} failed` : ''}`;
      });
      const row = `| ${q.name} | ${raw.toFixed(0)} | ${cells.join(' | ')} | ${differences === 0 ? 'yes' : `${differences} differ`} |`;
      rows.push(row);
      log(row);
    }
    log(`\n| query | raw req/s | ${variants.slice(1).map((v) => v.name).join(' | ')} | same answers |`);
    log(`|---|---:|${variants.slice(1).map(() => '---|').join('')}:---:|`);
    for (const r of rows) log(r);
  } finally {
    await Promise.all(arms.map((a) => a.stop()));
    await db.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
