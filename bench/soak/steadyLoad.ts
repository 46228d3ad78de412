import * as http from 'http';
import { performance } from 'perf_hooks';
import type { QUERY_MIX } from '../../test/reliability.helpers';

export type Failure = 'status' | 'graphql' | 'socket' | 'timeouts';

/** How long the server keeps an idle connection: Node's default, which src/server/createServer.ts keeps. */
const SERVER_KEEP_ALIVE_MS = new http.Server().keepAliveTimeout;

/** The error code of each socket error, for the report (`ECONNRESET` …). */
export const socketErrorCodes: Record<string, number> = {};

/**
 * Open-loop fixed-rate load: request i (the mix in turn) is sent at start + i / rate, on keep-alive
 * connections (at most 256 at once; more would queue in the agent, still counted from the scheduled time).
 */
export function steadyLoad(
  base: string,
  mix: typeof QUERY_MIX,
  rate: number,
  seconds: number,
  onResult: (name: string, latencyMs: number, failure?: Failure) => void,
): Promise<{ seconds: number }> {
  const url = new URL(base);
  // An idle keep-alive socket is closed by the server after its keepAliveTimeout (Node's default, 5 s); a request
  // sent on it just then is reset (ECONNRESET), a race of HTTP/1.1 keep-alive, not a server failure. The agent
  // drops its idle sockets first (`timeout` applies to free sockets), as clients behind a proxy are told to.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: SERVER_KEEP_ALIVE_MS - 1000 });
  const bodies = mix.map((m) => ({ name: m.name, body: Buffer.from(JSON.stringify({ query: m.query, variables: m.variables ?? {} })) }));
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
