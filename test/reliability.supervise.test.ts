/**
 * The embedded Neo4j dies under the running server (`src/main.ts`, as `npm start` runs it, in a child process
 * with a data dir and ports of its own):
 *
 * - kill -9 of Neo4j: the log says it exited, with the signal and its last output; it is started again on the
 *   same store and port, and the same process serves the API again; /health stays 200 meanwhile;
 * - when it dies again and cannot be restarted (its Bolt port is taken by someone else), the server gives up
 *   after KG_EMBEDDED_MAX_RESTARTS restarts in a row and /health answers 503, so that a supervisor restarts
 *   the process.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { freePort } from './reliability.helpers';

const REPO = path.resolve(__dirname, '..');
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');
const QUERY = '{ entity(id: "person:jin-feng") { id name } }';

jest.setTimeout(600_000);

let child: ChildProcessWithoutNullStreams | undefined;
let dataDir: string;
let blocker: net.Server | undefined;
const logLines: Array<Record<string, any>> = [];
let plain = '';

function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 300_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = async () => {
      const value = await check();
      if (value !== undefined) resolve(value);
      else if (Date.now() > until) reject(new Error(`timed out waiting for ${what}; log:\n${plain.slice(-4000)}`));
      else setTimeout(() => void poll(), 250);
    };
    void poll();
  });
}

const logged = (msg: RegExp) => logLines.find((l) => typeof l.msg === 'string' && msg.test(l.msg));

async function get(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    return { status: r.status, body: await r.json() };
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  }
  blocker?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

it('when the embedded Neo4j is killed, then it is restarted and the same server serves again; when it cannot be, /health fails', async () => {
  const port = await freePort();
  const boltPort = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-supervise-'));
  child = spawn(TSX, [path.join(REPO, 'src', 'main.ts')], {
    cwd: REPO,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      KG_DATA_DIR: dataDir,
      KG_EMBEDDED_PORT: String(boltPort),
      KG_EMBEDDED_HEAP: '512m',
      KG_EMBEDDED_PAGECACHE: '64m',
      KG_EMBEDDED_MAX_RESTARTS: '2',
      KG_TX_TIMEOUT_MS: '120000',
      LOG_LEVEL: 'info',
      NEO4J_URI: '',
    },
  });
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    plain += chunk;
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      try {
        logLines.push(JSON.parse(line));
      } catch {
        // a plain line (GraphQL API ready at …)
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (plain += chunk.toString()));

  const base = `http://127.0.0.1:${port}`;
  const query = () =>
    get(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
  await waitFor('the server to start', () => (plain.includes('GraphQL API ready at') ? true : undefined));
  const first = (await query()).body;
  expect(first.data.entity).toEqual({ id: 'person:jin-feng', name: expect.any(String) });
  const firstPid: number = logged(/^embedded Neo4j ready$/)!.pid;

  // ---- kill -9: logged, restarted, served again by the same process
  process.kill(firstPid, 'SIGKILL');
  const exit = await waitFor('the exit to be logged', () => logged(/exited on signal SIGKILL/));
  expect(exit).toMatchObject({ level: 50, pid: firstPid, signal: 'SIGKILL', code: null });
  expect(exit.msg).toMatch(/its output ended with:\n/);
  expect((await get(`${base}/health`)).status).toBe(200); // restarting is not a reason to restart the process
  const again = await waitFor('the API to serve again', async () => {
    const r = await query();
    return r.body?.data?.entity ? r.body : undefined;
  });
  expect(again).toEqual(first);
  const restarted = logged(/is running again/)!;
  expect(restarted.pid).not.toBe(firstPid);
  expect(child.exitCode).toBeNull();
  expect((await get(`${base}/ready`)).status).toBe(200);

  // ---- dies again at once and its port is taken: the restarts fail, and /health says so
  process.kill(restarted.pid, 'SIGKILL');
  await waitFor('the port to be free', async () => {
    blocker = net.createServer();
    const bound = await new Promise<boolean>((resolve) => {
      blocker!.once('error', () => resolve(false));
      blocker!.listen(boltPort, '127.0.0.1', () => resolve(true));
    });
    return bound ? true : undefined;
  });
  const gaveUp = await waitFor('the supervisor to give up', () => logged(/giving up/));
  expect(gaveUp.msg).toMatch(/2 restarts in a row failed/);
  const health = await get(`${base}/health`);
  expect(health).toEqual({ status: 503, body: { status: 'failed', reason: expect.stringMatching(/could not be kept running/) } });
  expect((await query()).body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
});
