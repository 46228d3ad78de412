import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { freePort } from '../../test/reliability.helpers';
import { rssMb } from '../lib/rssMb';

const ROOT = path.resolve(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The real server (`src/main.ts`, NODE_ENV=production, its log into `serverLog`) as a process of its own, pointed
 * at `neo4jUri`, once it answers /ready. `onSpawn` gets the process at once, so that the caller can stop it even
 * when it never gets ready.
 */
export async function startSoakServer(opts: {
  neo4jUri: string;
  nodeFlags: string[];
  logLevel: string;
  serverLog: string;
  onSpawn: (server: ChildProcess) => void;
  log: (line: string) => void;
}): Promise<{ server: ChildProcess; base: string }> {
  const { log } = opts;
  const port = await freePort();
  const out = fs.openSync(opts.serverLog, 'w');
  // without tsx's source-mapped stack traces, as `npm start` runs the compiled product (bench/lib/noSourceMaps.mjs)
  const noSourceMaps = path.join(ROOT, 'bench', 'lib', 'noSourceMaps.mjs');
  log(`server node flags: ${opts.nodeFlags.join(' ') || '(none)'}`);
  const server = spawn(process.execPath, [...opts.nodeFlags, '--import', 'tsx', '--import', noSourceMaps, path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: opts.neo4jUri, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: opts.logLevel },
    stdio: ['ignore', out, out],
  });
  opts.onSpawn(server);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see ${opts.serverLog}`);
    const ok = await fetch(`${base}/ready`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (i > 600) throw new Error('the server was not ready within 60 s');
    await sleep(100);
  }
  log(`server pid ${server.pid!} ready at ${base} (RSS ${rssMb(server.pid!)} MB)`);
  return { server, base };
}
