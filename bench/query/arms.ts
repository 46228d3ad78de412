/** The parent's side of the arm processes: start them, ask them for their statement count and CPU time, stop them. */
import { type ChildProcess, fork } from 'child_process';
import * as path from 'path';
import { startScriptNodeFlags } from '../lib/startScriptNodeFlags';
import type { AnyArm } from './mixQuery';

export interface ArmProcess {
  arm: AnyArm;
  url: string;
  child: ChildProcess;
  /** Cypher statements the arm has sent to Neo4j so far, and the CPU time its process has used (µs) */
  stats(): Promise<ArmStats>;
  /** POSTs one request body; resolves with the parsed JSON answer */
  post(body: string): Promise<unknown>;
  stop(): Promise<void>;
}

export interface ArmStats {
  statements: number;
  cpuMicros: number;
}

export async function startArm(arm: AnyArm, boltUri: string, timeoutMs = 120_000, extraEnv: Record<string, string> = {}): Promise<ArmProcess> {
  const script = path.join(__dirname, 'armServer.ts');
  const child = fork(script, [arm, boltUri], {
    // without tsx's source-mapped stack traces, as the product runs compiled (../lib/noSourceMaps.mjs); every
    // arm under the Node flags the product is started with (`npm start`), the same for all, so that none is
    // measured under settings the others do not get
    execArgv: [...startScriptNodeFlags(), '--import', 'tsx', '--import', path.join(__dirname, '..', 'lib', 'noSourceMaps.mjs')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production', ...extraEnv },
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${arm} arm did not start in ${timeoutMs / 1000} s`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${arm} arm exited with code ${code} before it was ready`));
    });
    child.on('message', (m: { type: string; url?: string }) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve(m.url!);
      }
    });
  });
  let seq = 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    arm,
    url,
    child,
    stats() {
      const id = ++seq;
      return new Promise<ArmStats>((resolve) => {
        const on = (m: { type: string; id?: number } & Partial<ArmStats>) => {
          if (m.type === 'stats' && m.id === id) {
            child.off('message', on);
            resolve({ statements: m.statements!, cpuMicros: m.cpuMicros! });
          }
        };
        child.on('message', on);
        child.send({ type: 'stats', id });
      });
    },
    async post(body: string) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await res.text();
      try {
        return JSON.parse(text);
      } catch {
        throw new Error(`${arm}: HTTP ${res.status}: ${text.slice(0, 300)}`);
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
