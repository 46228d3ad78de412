/**
 * What the HTTP + GraphQL stack costs per request, side by side, without the database:
 *
 *   flock /tmp/kg-bench.lock npx tsx bench/query/stackOverhead.ts [--duration 8] [--warmup 2] [--connections 8]
 *        [--rounds 2] [--arms raw,apollo,express,product] [--queries typename,badArgPage] [--profile product]
 *
 * Arms, each in its own process (this file forked with `--arm <name>`, NODE_ENV=production), one at a time,
 * in rotating order per round:
 *
 * - raw      node:http: reads the body, JSON.parse, answers the fixed result (the floor);
 * - apollo   `@apollo/server` startStandaloneServer with the product's schema (buildApiSchema), csrfPrevention,
 *            introspection off, context from createContext — what the @neo4j/graphql arm's stack is;
 * - express  express 5 + express.json + `expressMiddleware` of a plain ApolloServer with the product's schema
 *            (tells express's share apart from the product's own additions);
 * - product  `createServer` from src/server as bench/query/armServer.ts starts it (production, LOG_LEVEL=warn or
 *            KG_BENCH_LOG_LEVEL), with a driver to an unreachable bolt URI: no query here reaches the database.
 *
 * Queries (none touches the database):
 * - typename     `query Overhead { __typename }`, as in the query mix;
 * - fragment     `{ ...F } fragment F on Query { __typename a: __typename }` (not introspection-only by its root
 *                selections, so the product's availability check and the limits analysis run in full);
 * - badArgPage   the mix's 50-event nested page with `first: 1000`: a realistic document is parsed, validated,
 *                measured by the limits plugin, then refused by the resolver's argument check (BAD_USER_INPUT)
 *                before any database call — type-graphql's resolver wrapping and the error formatting run.
 *
 * Database-bound, with `--neo4j-home <dir>` (an embedded Neo4j started on that existing store, e.g. the query
 * benchmark's /tmp/kg-bench-S; nothing is written) or `--bolt <uri>`, not for the raw arm, answers compared
 * between arms:
 * - entityById   the mix's entity by id (the most connected person);
 * - eventPage    a 10-event page with participants and their positions (field resolvers, DataLoaders).
 * The database is warmed first (`--db-warmup 15` seconds of each database query on the first arm).
 *
 * `product@<dir>` is the product of another checkout (its own copy of this file is forked there), e.g. a
 * `git worktree add /tmp/kg-before <commit>` to compare before and after in one run.
 *
 * Prints req/s, server CPU time per request (user + system of the arm's process over the measured run: steadier
 * than req/s on a shared machine), p50 and p99 per arm, and the ratios to raw and to apollo (means over rounds).
 * With `--profile <arm>` the arm is CPU-profiled (inspector, 250 µs sampling) during one extra run of the first query,
 * and the hottest functions and packages (self time) are printed; KG_PROF_FRAMES=a,b adds the inclusive time of
 * frames whose name or file contains a or b. `--summarize <file.cpuprofile>…` prints that for saved profiles.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { fork } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';

/** `product@<dir>`: the product of another checkout (e.g. a `git worktree` of an older commit), side by side */
type Arm = 'raw' | 'apollo' | 'express' | 'product' | `product@${string}`;
const ALL_ARMS: Arm[] = ['raw', 'apollo', 'express', 'product'];

interface StackQuery {
  query: string;
  variables?: Record<string, unknown>;
  /** the answer expected (and the raw arm's); none for database queries (the arms' answers are compared) */
  rawAnswer?: unknown;
  /** needs the database (--neo4j-home or --bolt); variables are filled from the graph */
  db?: (pick: Picks) => Record<string, unknown>;
}

/** ids chosen from the graph for the database queries */
interface Picks {
  entity: string;
}

const QUERIES: Record<string, StackQuery> = {
  typename: { query: 'query Overhead { __typename }', rawAnswer: { data: { __typename: 'Query' } } },
  fragment: {
    query: 'query Frag { ...F } fragment F on Query { __typename a: __typename }',
    rawAnswer: { data: { __typename: 'Query', a: 'Query' } },
  },
  badArgPage: {
    query: `query EventPage { events(first: 1000, orderBy: DATE_DESC) { edges { node { id name date
        participants(first: 20) { edges { role node { id name ... on Person { positions(first: 3) { edges { title node { id name } } } } } } } } } } }`,
    rawAnswer: {
      errors: [{ message: 'first must be an integer from 1 to 100 (got 1000)', extensions: { code: 'BAD_USER_INPUT' } }],
      data: null,
    },
  },
  // database-bound (only with --neo4j-home or --bolt): the stack's share next to real resolvers and Neo4j
  entityById: {
    query: 'query EntityById($id: ID!) { entity(id: $id) { id type name aliases kind } }',
    db: (p) => ({ id: p.entity }),
  },
  eventPage: {
    query: `query EventPage { events(first: 10, orderBy: DATE_DESC) { edges { node { id name date
        participants(first: 20) { edges { role node { id name ... on Person { positions(first: 3) { edges { title node { id name } } } } } } } } } } }`,
    db: () => ({}),
  },
};
const DB_QUERIES = Object.keys(QUERIES).filter((q) => QUERIES[q].db);

// ---------------------------------------------------------------- child: one arm

type Started = { url: string; stop(): Promise<void> };

async function startRaw(): Promise<Started> {
  const answers = new Map(Object.values(QUERIES).map((q) => [q.query, JSON.stringify(q.rawAnswer)]));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let text: string;
      try {
        const { query } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string };
        text = answers.get(query) ?? '{"errors":[{"message":"unknown"}]}';
      } catch {
        text = '{"errors":[{"message":"bad json"}]}';
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

const UNREACHABLE = 'bolt://127.0.0.1:1';
/** the database of the database-bound queries (set by the parent), else an unreachable URI */
const BOLT = process.env.KG_STACK_BOLT || UNREACHABLE;

async function apiDeps() {
  const { createDriver } = await import('../../src/graph/driver');
  return { driver: createDriver({ uri: BOLT }), transactionTimeoutMs: 15_000 };
}

async function startApollo(): Promise<Started> {
  const { buildApiSchema, createContext } = await import('../../src/api');
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  const deps = await apiDeps();
  const server = new ApolloServer({ schema: await buildApiSchema(), introspection: false, csrfPrevention: true });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async () => createContext(deps, 'anonymous'),
  });
  return {
    url: url.replace('localhost', '127.0.0.1') + 'graphql',
    stop: async () => {
      await server.stop();
      await deps.driver.close();
    },
  };
}

async function startExpress(): Promise<Started> {
  const { buildApiSchema, createContext } = await import('../../src/api');
  const { ApolloServer } = await import('@apollo/server');
  const { expressMiddleware } = await import('@as-integrations/express5');
  const express = (await import('express')).default;
  const deps = await apiDeps();
  const server = new ApolloServer({ schema: await buildApiSchema(), introspection: false, csrfPrevention: true });
  await server.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(server, { context: async () => createContext(deps, 'anonymous') }));
  const httpServer = http.createServer(app);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: async () => {
      await server.stop();
      await new Promise((resolve) => httpServer.close(resolve));
      await deps.driver.close();
    },
  };
}

async function startProduct(): Promise<Started> {
  const { loadConfig } = await import('../../src/config');
  const { createServer } = await import('../../src/server');
  const { createDriver } = await import('../../src/graph/driver');
  const config = loadConfig({
    NEO4J_URI: BOLT,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.KG_BENCH_LOG_LEVEL ?? 'warn',
    KG_SEED: 'false',
    KG_MAX_QUERY_COST: '1000000', // as bench/query/armServer.ts
  });
  const driver = createDriver({ uri: BOLT });
  const server = createServer(config, { driver, schemaApplied: true });
  const { url } = await server.start();
  return {
    url: url.replace('localhost', '127.0.0.1'),
    stop: async () => {
      await server.stop();
      await driver.close();
    },
  };
}

async function child(arm: Arm): Promise<void> {
  const started =
    arm === 'raw' ? await startRaw() : arm === 'apollo' ? await startApollo() : arm === 'express' ? await startExpress() : await startProduct();
  const stop = async () => {
    await started.stop().catch(() => undefined);
    process.exit(0);
  };
  // CPU profile of the measured phase only (not start-up), through the inspector
  const inspector = await import('inspector');
  let session: import('inspector').Session | undefined;
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session!.post(method, params ?? {}, (err, r) => (err ? reject(err) : resolve(r))));
  process.on('message', async (m: { type: string; file?: string }) => {
    if (m.type === 'stop') void stop();
    else if (m.type === 'cpu') {
      const u = process.cpuUsage();
      process.send!({ type: 'cpu', micros: u.user + u.system });
    } else if (m.type === 'profile-start') {
      session = new inspector.Session();
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 250 });
      await post('Profiler.start');
      process.send!({ type: 'profiling' });
    } else if (m.type === 'profile-stop') {
      const { profile } = await post('Profiler.stop');
      fs.writeFileSync(m.file!, JSON.stringify(profile));
      session!.disconnect();
      process.send!({ type: 'profiled' });
    }
  });
  process.on('disconnect', () => void stop());
  process.send!({ type: 'ready', url: started.url });
}

// ---------------------------------------------------------------- parent: drive the arms

interface ArmHandle {
  url: string;
  /** sends `message` and waits for the answer of type `answer` */
  ask(message: object, answer: string): Promise<any>;
  /** CPU time (user + system) the arm's process has used so far, µs */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

async function startArm(arm: Arm, execArgv: string[] = []): Promise<ArmHandle> {
  const at = arm.startsWith('product@') ? path.resolve(arm.slice('product@'.length)) : undefined;
  const script = at ? path.join(at, 'bench', 'query', 'stackOverhead.ts') : __filename;
  if (at && !fs.existsSync(script)) throw new Error(`${arm}: ${script} is missing (copy this file there)`);
  const proc = fork(script, ['--arm', at ? 'product' : arm], {
    cwd: at ?? process.cwd(),
    execArgv: ['--import', 'tsx', ...execArgv],
    // stdout (the product's JSON log lines at LOG_LEVEL=info: KG_BENCH_LOG_LEVEL=info) is read and dropped, as a
    // log collector would read it from a pipe
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  proc.stdout!.resume();
  const url = await new Promise<string>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${arm} exited with ${code} before it was ready`)));
    proc.on('message', (m: { type: string; url?: string }) => m.type === 'ready' && resolve(m.url!));
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const ask = (message: object, answer: string) =>
    new Promise<any>((resolve) => {
        const on = (m: { type: string }) => {
          if (m.type === answer) {
            proc.off('message', on);
            resolve(m);
          }
        };
        proc.on('message', on);
        proc.send(message);
      });
  return {
    url,
    ask,
    async cpu() {
      return ((await ask({ type: 'cpu' }, 'cpu')) as { micros: number }).micros;
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.send({ type: 'stop' });
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

interface Load {
  rps: number;
  /** server CPU time per request, µs (less sensitive to a shared machine than req/s) */
  cpuPerReq?: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function load(url: string, body: string, seconds: number, connections: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: seconds },
      (err, r) => {
        if (err) return reject(err);
        resolve({ requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors });
      },
    );
  });
}

/** The first arm's data for each database query, which the other arms must match. */
const firstData = new Map<string, string>();

async function checkAnswer(arm: Arm, url: string, name: string, body: string): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  const json = JSON.parse(text) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  let same: boolean;
  if (QUERIES[name].db) {
    const data = JSON.stringify(json.data ?? null);
    if (!firstData.has(name)) firstData.set(name, data);
    same = !json.errors && json.data !== undefined && firstData.get(name) === data;
  } else {
    const expected = QUERIES[name].rawAnswer as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    same =
      JSON.stringify(json.data ?? null) === JSON.stringify(expected.data ?? null) &&
      JSON.stringify((json.errors ?? []).map((e) => e.extensions?.code)) === JSON.stringify((expected.errors ?? []).map((e) => e.extensions?.code));
  }
  if (!same) throw new Error(`${arm} answered ${name} with HTTP ${res.status} ${text.slice(0, 300)}`);
  return `${res.status}`;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const fmt = (n: number, d = 0) => n.toFixed(d).padStart(8);

async function parent(): Promise<void> {
  const duration = Number(arg('duration', '8'));
  const warmup = Number(arg('warmup', '2'));
  const connections = Number(arg('connections', '8'));
  const rounds = Number(arg('rounds', '2'));
  const arms = arg('arms', ALL_ARMS.join(',')).split(',') as Arm[];
  const queries = arg('queries', Object.keys(QUERIES).filter((q) => !QUERIES[q].db).join(',')).split(',');
  for (const q of queries) if (!QUERIES[q]) throw new Error(`unknown query ${q}; known: ${Object.keys(QUERIES).join(', ')}`);
  const profileArm = arg('profile', '') as Arm | '';
  const status: Record<string, string> = {};

  // the database-bound queries: an embedded Neo4j on an existing store (e.g. the query benchmark's
  // /tmp/kg-bench-S), or a running one; neither is written to
  const neo4jHome = arg('neo4j-home', '');
  let boltUri = arg('bolt', '');
  let stopNeo4j = async (): Promise<void> => undefined;
  if (neo4jHome && !boltUri) {
    const { startEmbeddedNeo4j } = await import('../../src/graph/embedded');
    const embedded = await startEmbeddedNeo4j({ homeDir: neo4jHome, heap: '2g', pageCache: '1g', readyTimeoutMs: 600_000 });
    boltUri = embedded.uri;
    stopNeo4j = () => embedded.stop();
  }
  const withDb = queries.filter((q) => QUERIES[q].db);
  if (withDb.length && !boltUri) throw new Error(`${withDb.join(', ')} need --neo4j-home <dir> or --bolt <uri>`);
  const bodies: Record<string, string> = {};
  if (boltUri) {
    process.env.KG_STACK_BOLT = boltUri;
    const { createDriver } = await import('../../src/graph/driver');
    const driver = createDriver({ uri: boltUri });
    // the most mentioned person: an entity with events and positions
    const r = await driver.executeQuery(
      'MATCH (e:Entity {type: "Person"}) WITH e ORDER BY COUNT { (e)-[:PARTICIPATED_IN]->() } DESC, e.id LIMIT 1 RETURN e.id AS id',
    );
    await driver.close();
    const picks: Picks = { entity: r.records[0]?.get('id') };
    for (const q of withDb) bodies[q] = JSON.stringify({ query: QUERIES[q].query, variables: QUERIES[q].db!(picks) });
  }
  const bodyOf = (q: string) => bodies[q] ?? JSON.stringify({ query: QUERIES[q].query, variables: QUERIES[q].variables ?? {} });
  const armQueries = (arm: Arm) => (arm === 'raw' ? queries.filter((q) => !QUERIES[q].db) : queries);

  const results: Record<string, Record<string, Load[]>> = {};
  for (const q of queries) results[q] = Object.fromEntries(arms.map((a) => [a, [] as Load[]]));
  const log = (s: string) => process.stderr.write(s + '\n');
  log(`stack overhead: ${arms.join(', ')} × ${queries.join(', ')}; ${rounds} round(s) of ${duration} s (+${warmup} s warm-up), ${connections} connections; load ${os.loadavg()[0].toFixed(2)}`);

  // a cold Neo4j (page cache, query plans) would make the first arm's database queries slow
  const dbWarmup = Number(arg('db-warmup', '15'));
  if (withDb.length && dbWarmup > 0 && rounds > 0) {
    const h = await startArm(arms.find((a) => a !== 'raw') ?? 'product');
    try {
      for (const q of withDb) await load(h.url, bodyOf(q), dbWarmup, connections);
    } finally {
      await h.stop();
    }
  }

  for (let round = 0; round < rounds; round += 1) {
    const order = arms.map((_, i) => arms[(i + round) % arms.length]);
    for (const arm of order) {
      const h = await startArm(arm);
      try {
        for (const q of armQueries(arm)) {
          const body = bodyOf(q);
          status[`${arm}/${q}`] = await checkAnswer(arm, h.url, q, body);
          if (warmup > 0) await load(h.url, body, warmup, connections);
          const cpu0 = await h.cpu();
          const r = await load(h.url, body, duration, connections);
          r.cpuPerReq = ((await h.cpu()) - cpu0) / Math.max(1, r.requests);
          results[q][arm].push(r);
          log(`  round ${round + 1} ${arm.padEnd(8)} ${q.padEnd(11)} ${fmt(r.rps)} req/s  ${fmt(r.cpuPerReq, 1)} µs CPU/req  p50 ${r.p50} ms  p99 ${r.p99} ms${r.non2xx ? `  non2xx ${r.non2xx}` : ''}${r.errors ? `  errors ${r.errors}` : ''}`);
        }
      } finally {
        await h.stop();
      }
    }
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const lines: string[] = [];
  lines.push(`\n| query | arm | status | req/s | µs CPU/req | p50 ms | p99 ms | req/s ÷ raw | req/s ÷ apollo | CPU/req ÷ apollo |`);
  lines.push(`|---|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
  for (const q of queries) {
    const rps = Object.fromEntries(arms.map((a) => [a, mean(results[q][a].map((r) => r.rps))]));
    const cpu = Object.fromEntries(arms.map((a) => [a, mean(results[q][a].map((r) => r.cpuPerReq ?? 0))]));
    for (const a of arms) {
      const rs = results[q][a];
      if (!rs.length) continue;
      const ratio = (b: Arm) => (rps[b] ? (rps[a] / rps[b]).toFixed(2) : '–');

      lines.push(
        `| ${q} | ${a} | ${status[`${a}/${q}`]} | ${rps[a].toFixed(0)} | ${cpu[a].toFixed(1)} | ${mean(rs.map((r) => r.p50)).toFixed(1)} | ${mean(rs.map((r) => r.p99)).toFixed(1)} | ${ratio('raw')} | ${ratio('apollo')} | ${cpu.apollo ? (cpu[a] / cpu.apollo).toFixed(2) : '–'} |`,
      );
    }
  }
  process.stdout.write(lines.join('\n') + '\n');

  if (profileArm) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-stack-prof-'));
    const h = await startArm(profileArm);
    const q = queries[0];
    const body = bodyOf(q);
    await load(h.url, body, warmup, connections);
    const file = path.join(dir, `${profileArm}-${q}.cpuprofile`);
    await h.ask({ type: 'profile-start' }, 'profiling');
    const r = await load(h.url, body, duration, connections);
    await h.ask({ type: 'profile-stop', file }, 'profiled');
    await h.stop();
    log(`profiled ${profileArm} on ${q}: ${r.rps.toFixed(0)} req/s under the profiler; ${file}`);
    summarizeProfile(file);
  }
  await stopNeo4j();
}

// ---------------------------------------------------------------- profile summary

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time per function and per package, and inclusive time of a few frames of interest. */
export function summarizeProfile(file: string, top = 40): void {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const pkgOf = (url: string) => {
    if (!url) return '(native)';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1];
    if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
    const s = /\/(src|bench)\/(.*)$/.exec(url);
    return s ? `${s[1]}/${s[2]}` : url;
  };
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  for (const n of prof.nodes) {
    const t = self.get(n.id) ?? 0;
    if (!t) continue;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${pkgOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    const pkg = pkgOf(n.callFrame.url);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
  }
  const pct = (t: number) => ((100 * t) / total).toFixed(1).padStart(5) + '%';
  const out: string[] = [`\n${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled`, 'self time by package:'];
  for (const [k, t] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 25)) out.push(`  ${pct(t)}  ${k}`);
  out.push('self time by function:');
  for (const [k, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`  ${pct(t)}  ${k}`);

  // inclusive time of frames whose name or file matches a pattern
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<number, number>();
  const incl = (id: number): number => {
    const hit = inclusive.get(id);
    if (hit !== undefined) return hit;
    const n = byId.get(id)!;
    const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + incl(c), 0);
    inclusive.set(id, t);
    return t;
  };
  const patterns = (process.env.KG_PROF_FRAMES ?? '').split(',').filter(Boolean);
  if (patterns.length) {
    out.push('inclusive time of frames (outermost occurrences):');
    for (const p of patterns) {
      let t = 0;
      const walk = (id: number, inside: boolean) => {
        const n = byId.get(id)!;
        const match = !inside && `${n.callFrame.functionName} ${n.callFrame.url}`.includes(p);
        if (match) t += incl(id);
        for (const c of n.children ?? []) walk(c, inside || match);
      };
      walk(prof.nodes[0].id, false);
      out.push(`  ${pct(t)}  ${p}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

// ---------------------------------------------------------------- entry

const armIndex = process.argv.indexOf('--arm');
const summarize = process.argv.indexOf('--summarize');
if (armIndex >= 0) {
  child(process.argv[armIndex + 1] as Arm).catch((error) => {
    process.stderr.write(`[${process.argv[armIndex + 1]}] ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
} else if (summarize >= 0) {
  for (const f of process.argv.slice(summarize + 1)) summarizeProfile(f);
} else {
  parent().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${(error as Error).stack ?? error}\n`);
      process.exit(1);
    },
  );
}
