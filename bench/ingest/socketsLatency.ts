/**
 * `npx tsx bench/ingest/socketsLatency.ts <bolt uri>`: the latency of one statement whose parameters span many
 * TCP segments (an UNWIND batch's size), with and without the Bolt socket tuning (src/graph/boltSockets.ts), in
 * two processes, alternating; the minimum and median of each are what a fixed stall (Nagle + delayed ACK) shows in.
 */
import { fork } from 'child_process';
import neo4j from 'neo4j-driver';
import { createDriver } from '../../src/graph/driver';

const RUNS = 40;
const SIZES = [1, 2_000, 20_000];

async function child(uri: string, tuned: boolean): Promise<void> {
  const driver = tuned
    ? createDriver({ uri })
    : neo4j.driver(uri, undefined, { disableLosslessIntegers: true, maxConnectionPoolSize: 50, userAgent: 'kg-graph/0.1' });
  process.on('message', async (size: number) => {
    const xs = Array.from({ length: size }, (_, i) => `名字-${i}-abcdefgh`);
    const session = driver.session();
    try {
      const t0 = process.hrtime.bigint();
      await session.run('RETURN size($xs) AS n', { xs });
      process.send!({ ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    } finally {
      await session.close();
    }
  });
  await driver.verifyConnectivity();
  process.send!({ ready: true });
}

async function parent(uri: string): Promise<void> {
  const start = (tuned: boolean) =>
    new Promise<ReturnType<typeof fork>>((resolve) => {
      const c = fork(__filename, [uri, tuned ? 'tuned' : 'plain'], { execArgv: ['--import', 'tsx'] });
      c.once('message', () => resolve(c));
    });
  const arms = { tuned: await start(true), plain: await start(false) };
  const once = (name: 'tuned' | 'plain', size: number) =>
    new Promise<number>((resolve) => {
      arms[name].once('message', (m: { ms: number }) => resolve(m.ms));
      arms[name].send(size);
    });
  for (const size of SIZES) {
    const t: Record<string, number[]> = { tuned: [], plain: [] };
    for (let i = 0; i < RUNS; i += 1) {
      for (const n of i % 2 ? (['plain', 'tuned'] as const) : (['tuned', 'plain'] as const)) t[n].push(await once(n, size));
    }
    const stat = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `min ${s[0].toFixed(1)} ms, median ${s[Math.floor(s.length / 2)].toFixed(1)} ms`;
    };
    process.stdout.write(`${size} strings (${Math.round((size * 22) / 1024)} KB): tuned ${stat(t.tuned)}; plain ${stat(t.plain)}\n`);
  }
  arms.tuned.kill();
  arms.plain.kill();
}

const [uri, role] = process.argv.slice(2);
(role ? child(uri, role === 'tuned') : parent(uri)).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
