/** The parent's side of an arm of the stack-overhead benchmark: its process, its load, its answers checked. */
import autocannon from 'autocannon';
import { fork } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { type Arm, QUERIES } from './stackQueries';

export interface ArmHandle {
  url: string;
  /** sends `message` and waits for the answer of type `answer` */
  ask(message: object, answer: string): Promise<any>;
  /** CPU time (user + system) the arm's process has used so far, µs */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

export async function startArm(arm: Arm, execArgv: string[] = []): Promise<ArmHandle> {
  const at = arm.startsWith('product@') ? path.resolve(arm.slice('product@'.length)) : undefined;
  const script = at ? path.join(at, 'bench', 'query', 'stackOverhead.ts') : path.join(__dirname, 'stackOverhead.ts');
  if (at && !fs.existsSync(script)) throw new Error(`${arm}: ${script} is missing (copy bench/query/stackOverhead.ts and its parts, stack*.ts and summarizeProfile.ts, there)`);
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

export interface Load {
  rps: number;
  /** server CPU time per request, µs (less sensitive to a shared machine than req/s) */
  cpuPerReq?: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export function load(url: string, body: string, seconds: number, connections: number): Promise<Load> {
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

export async function checkAnswer(arm: Arm, url: string, name: string, body: string): Promise<string> {
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
