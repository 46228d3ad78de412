/**
 * Memory: the server's resident set under a steady load of one large nested query, sampled every second.
 *
 *   npx tsx bench/memory.ts [--seconds 30] [--connections 8] [--query-kb 108] [--no-build]
 *                           [--node-flags "--max-semi-space-size=64"]   (default: the flags of `npm start`)
 *
 * 1. Builds the product (`npm run build`, unless `--no-build`) and runs it as `npm start` does
 *    (`node <flags> dist/src/main.js`, NODE_ENV=production) with its own port, its own embedded Neo4j (own data
 *    dir in $TMPDIR and Bolt port) and seed/ loaded, as a child process: its RSS is the Node server's alone
 *    (the embedded Neo4j is a JVM of its own, reported beside it).
 * 2. Builds a query of about `--query-kb` KB within the server's limits (50 aliased entities, each with a
 *    selection nested up to 11 deep: sources, relations and their other ends' events, events with their
 *    participants, locations, parts and figures), and checks that the server answers it without errors.
 * 3. Samples the server's RSS (VmRSS, /proc) every second: 5 s idle, `--seconds` of autocannon (closed loop,
 *    `--connections`) sending that query, then 10 s idle. Prints a per-second table and the summary (idle
 *    before; under load, over its last two thirds, the lowest, the median and the peak; after) and writes
 *    bench/results/memory-<time>.md.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import { parse, print } from 'graphql';
import * as os from 'os';
import * as path from 'path';
import { freePort } from '../test/reliability.helpers';
import { positiveNumber } from './lib/positiveNumber';
import { rssMb } from './lib/rssMb';
import { startScriptNodeFlags } from './lib/startScriptNodeFlags';

const ROOT = path.resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stdout.write(`[memory] ${line}\n`);

interface Options {
  seconds: number;
  connections: number;
  queryKb: number;
  build: boolean;
  nodeFlags?: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { seconds: 30, connections: 8, queryKb: 108, build: true };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const num = () => {
      i += 1;
      return positiveNumber(flag, value);
    };
    if (flag === '--seconds') o.seconds = num();
    else if (flag === '--connections') o.connections = Math.round(num());
    else if (flag === '--query-kb') o.queryKb = num();
    else if (flag === '--no-build') o.build = false;
    else if (flag === '--node-flags') (o.nodeFlags = value.split(' ').filter(Boolean)), (i += 1);
    else throw new Error(`unknown option ${flag} (see the comment at the top of bench/memory.ts)`);
  }
  return o;
}

/** The embedded Neo4j's JVM: the server's child running kg.launcher.Launcher. */
function neo4jPid(serverPid: number): number | undefined {
  for (const dir of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${dir}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === serverPid && fs.readFileSync(`/proc/${dir}/cmdline`, 'utf8').includes('kg.launcher.Launcher')) return Number(dir);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/**
 * One entity's subtree, nested up to 11 deep under the aliased root field (the limit is 12), its lists small
 * enough that 50 of them stay under the cost limit (about 860 each, plus 2 per `width`).
 */
export function entitySelection(width: number): string {
  const source = 'sources(first: 10) { edges { evidence node { id } } }';
  const brief = 'id type name aliases kind';
  const place = 'location { id name ... on Organization { parent { id name ... on Organization { parent { id name } } } } }';
  // `width` repeats of the scalar block make the text wide without changing what is fetched (fields merge)
  const scalars = `${brief} ${Array.from({ length: width }, () => 'attributes aliases').join(' ')}`;
  return `{ ${scalars} ${source}
    relations(first: 10) { edges { type direction
      node { id name type events(first: 2) { edges { roles node { id name date ${place} partOf { id name partOf { id name } } } } } } } }
    events(first: 3) { edges { roles node { id type name date evidence ${place} partOf { id name } parts(first: 10) { edges { node { id name } } }
      participants(first: 10) { edges { role node { id name kind } } } } } }
    figures(first: 10) { edges { node { id metric value } } } }`;
}

/**
 * 50 aliased entities (the seed's), each with `entitySelection`, printed as a client would send it (graphql's
 * `print`: one field a line, indented), widened until the text is about `kb` KB. (The width comes from repeated
 * fields, which graphql-js's check of overlapping fields bounds: about 70 repeats a selection, so the rest of the
 * size is the indentation of a deep query.)
 */
export function buildQuery(ids: string[], kb: number): string {
  const make = (width: number) =>
    print(parse(`query Memory {\n${Array.from({ length: 50 }, (_, i) => `  e${i}: entity(id: ${JSON.stringify(ids[i % ids.length])}) ${entitySelection(width)}`).join('\n')}\n}`));
  let width = 0;
  while (Buffer.byteLength(make(width + 1)) <= kb * 1024) width += 1;
  return make(width);
}

async function post(base: string, query: string): Promise<{ status: number; body: any; bytes: number }> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

type Sample = { t: number; phase: string; server?: number; neo4j?: number; requests: number };

/** 5 s idle, the load, 10 s idle; RSS of the server and of its Neo4j every second. */
async function loadAndSample(
  base: string,
  query: string,
  o: Options,
  pid: number,
  jvm: number | undefined,
): Promise<{ samples: Sample[]; result: autocannon.Result; graphqlErrors: number }> {
  const samples: Sample[] = [];
  let phase = 'idle';
  let requests = 0;
  const t0 = Date.now();
  const sampler = setInterval(() => samples.push({ t: Math.round((Date.now() - t0) / 1000), phase, server: rssMb(pid), neo4j: rssMb(jvm), requests }), 1000);
  await sleep(5000);
  phase = 'load';
  let graphqlErrors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: o.connections,
        duration: o.seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
            onResponse: (_status: number, body: string) => {
              requests += 1;
              if (body.includes('"errors"')) graphqlErrors += 1;
            },
          } as autocannon.Request,
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
  phase = 'after';
  await sleep(10_000);
  clearInterval(sampler);
  return { samples, result, graphqlErrors };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.build) {
    log('npm run build');
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const nodeFlags = o.nodeFlags ?? startScriptNodeFlags();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-memory-'));
  const serverLog = path.join(home, 'server.log');
  const [port, boltPort] = [await freePort(), await freePort()];
  const out = fs.openSync(serverLog, 'w');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', KG_DATA_DIR: path.join(home, 'neo4j'), KG_EMBEDDED_PORT: String(boltPort) };
  for (const name of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[name];
  log(`node ${nodeFlags.join(' ')} dist/src/main.js on port ${port}, embedded Neo4j in ${home} (Bolt ${boltPort})`);
  const server = spawn(process.execPath, [...nodeFlags, path.join(ROOT, 'dist', 'src', 'main.js')], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    fs.rmSync(home, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i += 1) {
      if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see ${serverLog}`);
      if (await fetch(`${base}/ready`).then((r) => r.status === 200, () => false)) break;
      if (i > 1800) throw new Error('the server was not ready within 180 s');
      await sleep(100);
    }
    const pid = server.pid!;
    const jvm = neo4jPid(pid);

    const listed = await post(base, '{ entities(first: 50) { edges { node { id } } } }');
    const ids = (listed.body.data.entities.edges as Array<{ node: { id: string } }>).map((e) => e.node.id);
    const query = buildQuery(ids, o.queryKb);
    const first = await post(base, query);
    if (first.status !== 200 || first.body.errors) throw new Error(`the query is refused or fails: ${first.status} ${JSON.stringify(first.body.errors ?? '').slice(0, 500)}`);
    const queryKb = Buffer.byteLength(query) / 1024;
    log(`query ${queryKb.toFixed(1)} KB over ${ids.length} seed entities; answer ${(first.bytes / 1024).toFixed(1)} KB`);

    const t0 = Date.now();
    const { samples, result, graphqlErrors } = await loadAndSample(base, query, o, pid, jvm);
    const loadRss = samples.filter((s) => s.phase === 'load' && s.server !== undefined).map((s) => s.server!);
    const idle = samples.filter((s) => s.phase === 'idle').map((s) => s.server!);
    const after = samples.filter((s) => s.phase === 'after').map((s) => s.server!);
    const summary = {
      idleMb: median(idle),
      // under this load the heap saws: it grows until a major collection, then drops; the floor is what stays
      lowMb: Math.min(...loadRss.slice(Math.floor(loadRss.length / 3))),
      medianMb: median(loadRss.slice(Math.floor(loadRss.length / 3))),
      peakMb: Math.max(...loadRss),
      afterMb: after[after.length - 1],
      neo4jPeakMb: Math.max(...samples.map((s) => s.neo4j ?? 0)),
      requests: result.requests.total,
      rate: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts + graphqlErrors,
    };
    const table = samples.map((s) => `| ${s.t} | ${s.phase} | ${s.server ?? ''} | ${s.neo4j ?? ''} | ${s.requests} |`).join('\n');
    const md = `# Memory under a ${queryKb.toFixed(0)} KB nested query (${new Date(t0).toISOString()})

\`npx tsx bench/memory.ts ${process.argv.slice(2).join(' ')}\`: node ${nodeFlags.join(' ')} dist/src/main.js, NODE_ENV=production,
seed only; ${o.connections} connections for ${o.seconds} s; ${os.cpus().length} cores, load average at the end ${os.loadavg()[0].toFixed(1)}.

| server RSS | MB |
|---|---:|
| idle, before | ${summary.idleMb} |
| under load, lowest (after a major collection), last two thirds | ${summary.lowMb} |
| under load, median, last two thirds | ${summary.medianMb} |
| peak | ${summary.peakMb} |
| 10 s after | ${summary.afterMb} |

Embedded Neo4j (JVM) peak RSS ${summary.neo4jPeakMb} MB. ${summary.requests} requests, ${summary.rate.toFixed(1)} req/s, p50 ${summary.p50} ms, p99 ${summary.p99} ms,
non-2xx ${summary.non2xx}, errors (socket, timeouts, GraphQL) ${summary.errors}. Answer ${(first.bytes / 1024).toFixed(1)} KB.

| s | phase | server RSS MB | Neo4j RSS MB | requests so far |
|---:|---|---:|---:|---:|
${table}
`;
    const file = path.join(ROOT, 'bench', 'results', `memory-${new Date(t0).toISOString().replace(/[:.]/g, '-')}.md`);
    fs.writeFileSync(file, md);
    log(`idle ${summary.idleMb} MB, under load ${summary.lowMb}-${summary.peakMb} MB (median ${summary.medianMb}), peak ${summary.peakMb} MB, after ${summary.afterMb} MB; ${summary.rate.toFixed(1)} req/s, non-2xx ${summary.non2xx}, errors ${summary.errors}; ${file}`);
    if (summary.non2xx > 0 || summary.errors > 0) process.exitCode = 1;
  } finally {
    await stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
