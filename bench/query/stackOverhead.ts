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
 * `product@<dir>` is the product of another checkout (its own copy of this benchmark is forked there), e.g. a
 * `git worktree add /tmp/kg-before <commit>` to compare before and after in one run.
 *
 * Prints req/s, server CPU time per request (user + system of the arm's process over the measured run: steadier
 * than req/s on a shared machine), p50 and p99 per arm, and the ratios to raw and to apollo (means over rounds).
 * With `--profile <arm>` the arm is CPU-profiled (inspector, 250 µs sampling) during one extra run of the first query,
 * and the hottest functions and packages (self time) are printed; KG_PROF_FRAMES=a,b adds the inclusive time of
 * frames whose name or file contains a or b. `--summarize <file.cpuprofile>…` prints that for saved profiles.
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkAnswer, load, type Load, startArm } from './stackArmHandle';
import { stackArmChild } from './stackArmChild';
import { ALL_ARMS, type Arm, type Picks, QUERIES } from './stackQueries';
import { summarizeProfile } from './summarizeProfile';

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

// ---------------------------------------------------------------- entry

const armIndex = process.argv.indexOf('--arm');
const summarize = process.argv.indexOf('--summarize');
if (armIndex >= 0) {
  stackArmChild(process.argv[armIndex + 1] as Arm).catch((error) => {
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
