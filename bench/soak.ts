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
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { applySchema } from '../src/graph/applySchema';
import { createDriver } from '../src/graph/driver';
import { startEmbeddedNeo4j } from '../src/graph/embedded';
import { ingestAll, readDocuments, type SourcedDocument } from '../src/ingest';
import { freePort, QUERY_MIX, sharedDocs } from '../test/reliability.helpers';
import { positiveNumber } from './lib/positiveNumber';
import { rssMb } from './lib/rssMb';
import { startScriptNodeFlags } from './lib/startScriptNodeFlags';

const ROOT = path.resolve(__dirname, '..');

interface Options {
  minutes: number;
  docs: number;
  connections: number;
  probeSeconds: number;
  rate?: number;
  /** names of QUERY_MIX entries to use; default all */
  queries?: string[];
  logLevel: string;
  out: string;
  /** Node flags of the server; default those of `npm start` (package.json) */
  nodeFlags?: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { minutes: 5, docs: 200, connections: 8, probeSeconds: 20, logLevel: 'info', out: path.join(ROOT, 'bench', 'results') };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const num = () => {
      i += 1;
      return positiveNumber(flag, value);
    };
    if (flag === '--minutes') o.minutes = num();
    else if (flag === '--docs') o.docs = Math.round(num());
    else if (flag === '--connections') o.connections = Math.round(num());
    else if (flag === '--probe-seconds') o.probeSeconds = num();
    else if (flag === '--rate') o.rate = num();
    else if (flag === '--log-level') (o.logLevel = value), (i += 1);
    else if (flag === '--queries') (o.queries = value.split(',').map((q) => q.trim())), (i += 1);
    else if (flag === '--out') (o.out = path.resolve(value)), (i += 1);
    else if (flag === '--node-flags') (o.nodeFlags = value.split(' ').filter(Boolean)), (i += 1);
    else throw new Error(`unknown option ${flag} (see the comment at the top of bench/soak.ts)`);
  }
  return o;
}

const log = (line: string) => process.stdout.write(`[soak] ${line}\n`);

/** The queries in use (`--queries`), set by main. */
let MIX = QUERY_MIX;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

interface Bucket {
  /** seconds since the soak started, end of the bucket */
  t: number;
  requests: number;
  errors: number;
  latencies: number[];
  serverRssMb?: number;
  neo4jRssMb?: number;
}

interface LoadStats {
  requests: number;
  errors: { status: number; graphql: number; socket: number; timeouts: number };
  byQuery: Record<string, { requests: number; errors: number }>;
}

function mixRequests(stats: LoadStats, onDone?: (failed: boolean) => void): autocannon.Request[] {
  return MIX.map((m) => {
    stats.byQuery[m.name] ??= { requests: 0, errors: 0 };
    return {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: m.query, variables: m.variables ?? {} }),
      onResponse: (status: number, body: string) => {
        const q = stats.byQuery[m.name];
        q.requests += 1;
        stats.requests += 1;
        let failed = false;
        if (status !== 200) {
          stats.errors.status += 1;
          failed = true;
        } else if (body.includes('"errors"')) {
          stats.errors.graphql += 1;
          failed = true;
        }
        if (failed) q.errors += 1;
        onDone?.(failed);
      },
    } as autocannon.Request;
  });
}

const newStats = (): LoadStats => ({ requests: 0, errors: { status: 0, graphql: 0, socket: 0, timeouts: 0 }, byQuery: {} });

async function run(opts: autocannon.Options, track?: (latencyMs: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    if (track) instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => track(responseTime));
  });
}

type Failure = 'status' | 'graphql' | 'socket' | 'timeouts';

/** How long the server keeps an idle connection: Node's default, which src/server/createServer.ts keeps. */
const SERVER_KEEP_ALIVE_MS = new http.Server().keepAliveTimeout;

/** The error code of each socket error, for the report (`ECONNRESET` …). */
const socketErrorCodes: Record<string, number> = {};

/**
 * Open-loop fixed-rate load: request i (the mix in turn) is sent at start + i / rate, on keep-alive
 * connections (at most 256 at once; more would queue in the agent, still counted from the scheduled time).
 */
function steadyLoad(
  base: string,
  rate: number,
  seconds: number,
  onResult: (name: string, latencyMs: number, failure?: Failure) => void,
): Promise<{ seconds: number }> {
  const url = new URL(base);
  // An idle keep-alive socket is closed by the server after its keepAliveTimeout (Node's default, 5 s); a request
  // sent on it just then is reset (ECONNRESET), a race of HTTP/1.1 keep-alive, not a server failure. The agent
  // drops its idle sockets first (`timeout` applies to free sockets), as clients behind a proxy are told to.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: SERVER_KEEP_ALIVE_MS - 1000 });
  const bodies = MIX.map((m) => ({ name: m.name, body: Buffer.from(JSON.stringify({ query: m.query, variables: m.variables ?? {} })) }));
  const total = Math.floor(seconds * rate);
  let sent = 0;
  let done = 0;
  const start = performance.now();
  return new Promise((resolve) => {
    const finish = () => {
      if (done === total && sent === total) {
        agent.destroy();
        resolve({ seconds: (performance.now() - start) / 1000 });
      }
    };
    const fire = (i: number) => {
      const scheduled = start + (i / rate) * 1000;
      const { name, body } = bodies[i % bodies.length];
      let settled = false;
      const settle = (failure?: Failure, error?: NodeJS.ErrnoException) => {
        if (settled) return;
        settled = true;
        if (error) socketErrorCodes[error.code ?? error.message] = (socketErrorCodes[error.code ?? error.message] ?? 0) + 1;
        done += 1;
        onResult(name, Math.round((performance.now() - scheduled) * 10) / 10, failure);
        finish();
      };
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length },
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            settle(res.statusCode !== 200 ? 'status' : text.includes('"errors"') ? 'graphql' : undefined);
          });
          res.on('error', (e: NodeJS.ErrnoException) => settle('socket', e));
        },
      );
      req.on('timeout', () => {
        settle('timeouts');
        req.destroy();
      });
      req.on('error', (e: NodeJS.ErrnoException) => settle('socket', e));
      req.end(body);
    };
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      while (sent < due) fire(sent++);
      if (sent === total) clearInterval(timer);
    }, 2);
  });
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const nodeFlags = o.nodeFlags ?? startScriptNodeFlags();
  if (o.queries) {
    const unknown = o.queries.filter((q) => !QUERY_MIX.some((m) => m.name === q));
    if (unknown.length) throw new Error(`unknown --queries ${unknown.join(', ')}; the mix has ${QUERY_MIX.map((m) => m.name).join(', ')}`);
    MIX = QUERY_MIX.filter((m) => o.queries!.includes(m.name));
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
    const driver = createDriver({ uri: neo.uri });
    await applySchema(driver);
    const t0 = Date.now();
    const generated: SourcedDocument[] = sharedDocs(o.docs).map((d) => ({ source: `generated:${d.article.id}`, document: d }));
    const seed = await ingestAll(driver, readDocuments([path.join(ROOT, 'seed')]));
    const extra = await ingestAll(driver, generated);
    const counts = (await driver.executeQuery('MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS rels')).records[0];
    const graph = { articles: seed.totals.created + extra.totals.created, nodes: counts.get('nodes') as number, relationships: counts.get('rels') as number };
    await driver.close();
    log(`loaded ${graph.articles} articles (${graph.nodes} nodes, ${graph.relationships} relationships) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (seed.totals.rejected + extra.totals.rejected > 0) throw new Error('some documents were rejected');

    // ---- the server, as a process of its own
    const port = await freePort();
    const out = fs.openSync(serverLog, 'w');
    // without tsx's source-mapped stack traces, as `npm start` runs the compiled product (bench/lib/noSourceMaps.mjs)
    const noSourceMaps = path.join(ROOT, 'bench', 'lib', 'noSourceMaps.mjs');
    log(`server node flags: ${nodeFlags.join(' ') || '(none)'}`);
    server = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', '--import', noSourceMaps, path.join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: neo.uri, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: o.logLevel },
      stdio: ['ignore', out, out],
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i += 1) {
      if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see ${serverLog}`);
      const ok = await fetch(`${base}/ready`).then((r) => r.status === 200, () => false);
      if (ok) break;
      if (i > 600) throw new Error('the server was not ready within 60 s');
      await sleep(100);
    }
    const pid = server.pid!;
    log(`server pid ${pid} ready at ${base} (RSS ${rssMb(pid)} MB)`);

    // ---- warm-up and maximum rate
    const common = { url: base, connections: o.connections, timeout: 10 } satisfies Partial<autocannon.Options>;
    await run({ ...common, duration: 5, requests: mixRequests(newStats()) });
    const probeStats = newStats();
    const probe = await run({ ...common, duration: o.probeSeconds, requests: mixRequests(probeStats) });
    const maxRate = probe.requests.average;
    const rate = Math.max(1, Math.floor(o.rate ?? maxRate / 2));
    log(`maximum: ${maxRate.toFixed(0)} req/s over ${o.probeSeconds} s with ${o.connections} connections (p50 ${probe.latency.p50} ms, p99 ${probe.latency.p99} ms); soaking at ${rate} req/s for ${o.minutes} min`);

    // ---- the soak
    const soakStats = newStats();
    const buckets: Bucket[] = [];
    let current: Bucket = { t: 10, requests: 0, errors: 0, latencies: [] };
    const soakStart = Date.now();
    const rssAtStart = rssMb(pid);
    const sampler = setInterval(() => {
      current.serverRssMb = rssMb(pid);
      current.neo4jRssMb = rssMb(neo.pid);
      buckets.push(current);
      const t = current.t;
      const s = [...current.latencies].sort((a, b) => a - b);
      log(`${String(t).padStart(4)} s  ${(current.requests / 10).toFixed(0).padStart(5)} req/s  p50 ${percentile(s, 50)} ms  p99 ${percentile(s, 99)} ms  errors ${current.errors}  server RSS ${current.serverRssMb} MB`);
      current = { t: t + 10, requests: 0, errors: 0, latencies: [] };
    }, 10_000);
    const latByQuery: Record<string, number[]> = {};
    const steady = await steadyLoad(base, rate, o.minutes * 60, (name, latency, failure) => {
      current.requests += 1;
      current.latencies.push(latency);
      (latByQuery[name] ??= []).push(latency);
      const q = (soakStats.byQuery[name] ??= { requests: 0, errors: 0 });
      q.requests += 1;
      soakStats.requests += 1;
      if (failure) {
        current.errors += 1;
        q.errors += 1;
        soakStats.errors[failure] += 1;
      }
    });
    clearInterval(sampler);
    if (current.requests > 0) {
      current.serverRssMb = rssMb(pid);
      current.neo4jRssMb = rssMb(neo.pid);
      buckets.push(current);
    }
    const soakSeconds = steady.seconds;

    // ---- the server's own log
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
    const levels: Record<string, number> = {};
    // the server's own time per request (its request log, during the soak): with the latency seen by the load
    // generator, it tells the time spent handling a request apart from the time spent waiting to be handled
    const serverMsByOperation: Record<string, number[]> = {};
    const soakEnd = soakStart + steady.seconds * 1000;
    for (const line of fs.readFileSync(serverLog, 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { level: number; time?: string | number; path?: string; operationName?: string; durationMs?: number };
        const level = String(entry.level);
        levels[level] = (levels[level] ?? 0) + 1;
        const time = typeof entry.time === 'string' ? Date.parse(entry.time) : entry.time; // ISO text (src/server/logger.ts)
        if (entry.path === '/graphql' && entry.operationName && entry.durationMs !== undefined && time !== undefined && time >= soakStart && time <= soakEnd) {
          (serverMsByOperation[entry.operationName] ??= []).push(entry.durationMs);
        }
      } catch {
        levels.unparsable = (levels.unparsable ?? 0) + 1;
      }
    }
    const operationOf = (query: string) => /^\s*query\s+(\w+)/.exec(query)?.[1] ?? '';
    const serverErrorLines = (levels['50'] ?? 0) + (levels['60'] ?? 0);

    // ---- summary
    const all = buckets.flatMap((b) => b.latencies).sort((a, b) => a - b);
    const p = (q: number) => percentile(all, q);
    const perMinute = Array.from({ length: Math.ceil(buckets.length / 6) }, (_, m) => {
      const bs = buckets.slice(m * 6, m * 6 + 6);
      const lat = bs.flatMap((b) => b.latencies).sort((a, b) => a - b);
      const rss = bs.map((b) => b.serverRssMb ?? NaN);
      return {
        minute: m + 1,
        requests: bs.reduce((n, b) => n + b.requests, 0),
        ratePerSec: Math.round(bs.reduce((n, b) => n + b.requests, 0) / (bs.length * 10)),
        p50: percentile(lat, 50),
        p99: percentile(lat, 99),
        errors: bs.reduce((n, b) => n + b.errors, 0),
        serverRssMbMean: Math.round((rss.reduce((a, b) => a + b, 0) / rss.length) * 10) / 10,
        serverRssMbMax: Math.max(...rss),
      };
    });
    const first = perMinute[0];
    const last = perMinute[perMinute.length - 1];
    const errorsTotal = soakStats.errors.status + soakStats.errors.graphql + soakStats.errors.socket + soakStats.errors.timeouts + serverErrorLines;
    const perQuery = Object.fromEntries(
      MIX.map((m) => {
        const lat = [...(latByQuery[m.name] ?? [])].sort((a, b) => a - b);
        const q = soakStats.byQuery[m.name] ?? { requests: 0, errors: 0 };
        const server = [...(serverMsByOperation[operationOf(m.query)] ?? [])].sort((a, b) => a - b);
        return [
          m.name,
          { ...q, p50: percentile(lat, 50), p99: percentile(lat, 99), max: lat[lat.length - 1], serverP50: percentile(server, 50), serverP99: percentile(server, 99), serverLogged: server.length },
        ];
      }),
    );
    const checks = {
      zeroErrors: errorsTotal === 0,
      p99Within3xP50: Object.values(perQuery).every((q) => q.p99 <= 3 * q.p50),
      rssStable: last.serverRssMbMean <= first.serverRssMbMean * 1.15,
    };
    const result = {
      startedAt: startedAt.toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtEnd: os.loadavg() },
      options: o,
      serverNodeFlags: nodeFlags,
      graph,
      probe: { seconds: o.probeSeconds, connections: o.connections, maxRatePerSec: Math.round(maxRate), p50: probe.latency.p50, p99: probe.latency.p99, errors: probeStats.errors, non2xx: probe.non2xx },
      soak: {
        targetRatePerSec: rate,
        seconds: Math.round(soakSeconds),
        requests: soakStats.requests,
        achievedRatePerSec: Math.round(soakStats.requests / soakSeconds),
        latencyMs: { p50: p(50), p90: p(90), p99: p(99), max: all[all.length - 1] },
        errors: { ...soakStats.errors, socketErrorCodes, serverLogErrorLines: serverErrorLines },
        overallP99OverP50: Math.round((p(99) / p(50)) * 100) / 100,
        byQuery: perQuery,
        serverRssMb: { atStart: rssAtStart, firstMinuteMean: first.serverRssMbMean, lastMinuteMean: last.serverRssMbMean, max: Math.max(...buckets.map((b) => b.serverRssMb ?? 0)) },
        serverLogLinesByLevel: levels,
      },
      perMinute,
      samples: buckets.map((b) => ({ t: b.t, requests: b.requests, errors: b.errors, serverRssMb: b.serverRssMb, neo4jRssMb: b.neo4jRssMb })),
      checks,
    };

    fs.mkdirSync(o.out, { recursive: true });
    const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
    const jsonFile = path.join(o.out, `soak-${stamp}.json`);
    const mdFile = path.join(o.out, `soak-${stamp}.md`);
    fs.writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
    const yes = (b: boolean) => (b ? 'yes' : '**NO**');
    const md = [
      `# Soak ${result.startedAt}`,
      '',
      `${result.machine.cpus} CPU (${result.machine.model}), ${result.machine.memoryGb} GB, Node ${result.machine.node}; load average at the end ${result.machine.loadAverageAtEnd.map((x) => x.toFixed(1)).join(' ')}.`,
      `Graph: ${graph.articles} articles, ${graph.nodes} nodes, ${graph.relationships} relationships. Server: src/main.ts, NODE_ENV=production, LOG_LEVEL=${o.logLevel}, node flags: ${nodeFlags.join(' ') || '(none)'}.`,
      '',
      `Maximum rate of the mix: **${result.probe.maxRatePerSec} req/s** (${o.probeSeconds} s, ${o.connections} connections, p50 ${probe.latency.p50} ms, p99 ${probe.latency.p99} ms).`,
      `Soak: **${rate} req/s for ${o.minutes} min** → ${result.soak.requests} requests at ${result.soak.achievedRatePerSec} req/s; latency p50 ${p(50)} ms, p90 ${p(90)} ms, p99 ${p(99)} ms, max ${result.soak.latencyMs.max} ms.`,
      `Errors: HTTP ${soakStats.errors.status}, GraphQL ${soakStats.errors.graphql}, socket ${soakStats.errors.socket}${Object.keys(socketErrorCodes).length ? ` (${JSON.stringify(socketErrorCodes)})` : ''}, timeouts ${soakStats.errors.timeouts}, server log error lines ${serverErrorLines}.`,
      `Server RSS: ${rssAtStart} MB at the start, first-minute mean ${first.serverRssMbMean} MB, last-minute mean ${last.serverRssMbMean} MB, max ${result.soak.serverRssMb.max} MB.`,
      '',
      '| check | passed |',
      '|---|---|',
      `| zero errors | ${yes(checks.zeroErrors)} |`,
      `| p99 ≤ 3 × p50, each query (overall mix: p99/p50 = ${result.soak.overallP99OverP50}) | ${yes(checks.p99Within3xP50)} |`,
      `| RSS stable (last-minute mean ≤ 1.15 × first-minute mean) | ${yes(checks.rssStable)} |`,
      '',
      '| minute | requests | req/s | p50 ms | p99 ms | errors | server RSS mean / max MB |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      ...perMinute.map((m) => `| ${m.minute} | ${m.requests} | ${m.ratePerSec} | ${m.p50} | ${m.p99} | ${m.errors} | ${m.serverRssMbMean} / ${m.serverRssMbMax} |`),
      '',
      '| query | requests | errors | p50 ms | p99 ms | p99 / p50 | max ms | server time p50 / p99 ms (its request log) | server p99 / p50 |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...Object.entries(perQuery).map(
        ([name, q]) =>
          `| ${name} | ${q.requests} | ${q.errors} | ${q.p50} | ${q.p99} | ${(q.p99 / q.p50).toFixed(2)} | ${q.max} | ` +
          (q.serverLogged > 0 ? `${q.serverP50} / ${q.serverP99} | ${(q.serverP99 / q.serverP50).toFixed(2)} |` : '– | – |'),
      ),
      '',
    ].join('\n');
    fs.writeFileSync(mdFile, md);
    process.stdout.write(`\n${md}\n`);
    log(`wrote ${path.relative(process.cwd(), jsonFile)} and ${path.relative(process.cwd(), mdFile)}`);
    await cleanup();
    process.exitCode = Object.values(checks).every(Boolean) ? 0 : 1;
  } catch (error) {
    await cleanup().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[soak] ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
