/**
 * Soak: the API under a steady load for minutes, checked for errors, latency spread and memory growth.
 *
 *   npx tsx bench/soak.ts [--minutes 5] [--docs 200] [--connections 8] [--probe-seconds 20] [--rate N]
 *                         [--queries entity,path,…] [--log-level info] [--out bench/results]
 *                         [--node-flags "--max-semi-space-size=64"]   (default: the flags of `npm start`)
 *
 * 1. Starts an embedded Neo4j of its own (temp dir, deleted afterwards), applies the schema, loads seed/ and
 *    `--docs` generated articles that share entities (test/reliability.helpers.ts `sharedDocs`).
 * 2. Runs the real server (`src/main.ts`, NODE_ENV=production, request logs at `--log-level` into a file) as
 *    a child process pointed at that Neo4j, so that its RSS is the server's alone.
 * 3. Measures the maximum rate of the query mix (test/reliability.helpers.ts `QUERY_MIX`: entity by id,
 *    entity with events, event page with nested participants, events by type and date, partners,
 *    neighbourhood, path, search) with autocannon (closed loop, `--connections`) for `--probe-seconds` after
 *    a 5 s warm-up, then runs the mix at half that rate (or `--rate`) for `--minutes`, sampling the server's
 *    RSS every 10 s.
 *    The fixed-rate phase is open-loop: request i is sent at start + i / rate on keep-alive connections
 *    whatever the answers so far, and its latency is counted from that scheduled time (so queueing is not
 *    hidden). autocannon's own `overallRate` is not used for it: each of its connections sends its
 *    per-second quota back to back at the start of every second, which measures bursts, not a steady rate.
 * 4. Prints a summary and writes bench/results/soak-<time>.json and .md. It checks: zero errors (HTTP
 *    status, GraphQL `errors` in any body, socket errors and timeouts, error lines in the server's log),
 *    p99 ≤ 3 × p50 for each query of the mix (the overall p99/p50 is reported too, but the mix is bimodal:
 *    an entity by id costs a fraction of a path search), and RSS stable (mean of the last minute ≤ 1.15 ×
 *    mean of the first). Exit status 1 when a check fails.
 */
import type autocannon from 'autocannon';
import type { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startEmbeddedNeo4j } from '../src/graph/embedded';
import { QUERY_MIX } from '../test/reliability.helpers';
import { startScriptNodeFlags } from './lib/startScriptNodeFlags';
import { mixRequests, newStats, runAutocannon } from './soak/mixLoad';
import { readServerLog } from './soak/serverLog';
import { loadSoakGraph } from './soak/soakGraph';
import { soakMarkdown } from './soak/soakMarkdown';
import { parseSoakArgs } from './soak/soakOptions';
import { runSoakPhase } from './soak/soakPhase';
import { soakResult, type SoakProbe } from './soak/soakResult';
import { startSoakServer } from './soak/soakServer';

const log = (line: string) => process.stdout.write(`[soak] ${line}\n`);

/** The mix at the most it can take: autocannon, closed loop, after a 5 s warm-up. */
async function probeMaxRate(base: string, mix: typeof QUERY_MIX, seconds: number, connections: number): Promise<SoakProbe> {
  const common = { url: base, connections, timeout: 10 } satisfies Partial<autocannon.Options>;
  await runAutocannon({ ...common, duration: 5, requests: mixRequests(mix, newStats()) });
  const stats = newStats();
  const probe = await runAutocannon({ ...common, duration: seconds, requests: mixRequests(mix, stats) });
  return { maxRate: probe.requests.average, p50: probe.latency.p50, p99: probe.latency.p99, non2xx: probe.non2xx, stats };
}

async function main(): Promise<void> {
  const o = parseSoakArgs(process.argv.slice(2));
  const nodeFlags = o.nodeFlags ?? startScriptNodeFlags();
  let mix = QUERY_MIX;
  if (o.queries) {
    const unknown = o.queries.filter((q) => !QUERY_MIX.some((m) => m.name === q));
    if (unknown.length) throw new Error(`unknown --queries ${unknown.join(', ')}; the mix has ${QUERY_MIX.map((m) => m.name).join(', ')}`);
    mix = QUERY_MIX.filter((m) => o.queries!.includes(m.name));
  }
  const startedAt = new Date();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-soak-neo4j-'));
  const serverLog = path.join(home, 'server.log');
  let server: ChildProcess | undefined;
  let stopNeo4j: (() => Promise<void>) | undefined;
  const cleanup = async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    await stopNeo4j?.();
    fs.rmSync(home, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    // ---- database and data
    log(`starting an embedded Neo4j in ${home}`);
    const neo = await startEmbeddedNeo4j({ homeDir: home, port: 0, heap: '1g', pageCache: '256m' });
    stopNeo4j = () => neo.stop();
    const graph = await loadSoakGraph(neo.uri, o.docs, log);

    // ---- the server, as a process of its own
    const started = await startSoakServer({ neo4jUri: neo.uri, nodeFlags, logLevel: o.logLevel, serverLog, onSpawn: (s) => (server = s), log });
    const { base } = started;
    const pid = started.server.pid!;

    // ---- warm-up and maximum rate
    const probe = await probeMaxRate(base, mix, o.probeSeconds, o.connections);
    const rate = Math.max(1, Math.floor(o.rate ?? probe.maxRate / 2));
    log(`maximum: ${probe.maxRate.toFixed(0)} req/s over ${o.probeSeconds} s with ${o.connections} connections (p50 ${probe.p50} ms, p99 ${probe.p99} ms); soaking at ${rate} req/s for ${o.minutes} min`);

    // ---- the soak
    const phase = await runSoakPhase(base, mix, rate, o.minutes, { server: pid, neo4j: neo.pid }, log);

    // ---- the server's own log
    started.server.kill('SIGTERM');
    await new Promise((r) => started.server.once('exit', r));
    const logged = readServerLog(serverLog, phase.soakStart, phase.soakStart + phase.seconds * 1000);

    // ---- summary
    const result = soakResult({ startedAt, options: o, nodeFlags, graph, probe, rate, phase, serverLog: logged, mix });
    fs.mkdirSync(o.out, { recursive: true });
    const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
    const jsonFile = path.join(o.out, `soak-${stamp}.json`);
    const mdFile = path.join(o.out, `soak-${stamp}.md`);
    fs.writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
    const md = soakMarkdown(result);
    fs.writeFileSync(mdFile, md);
    process.stdout.write(`\n${md}\n`);
    log(`wrote ${path.relative(process.cwd(), jsonFile)} and ${path.relative(process.cwd(), mdFile)}`);
    await cleanup();
    process.exitCode = Object.values(result.checks).every(Boolean) ? 0 : 1;
  } catch (error) {
    await cleanup().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[soak] ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
