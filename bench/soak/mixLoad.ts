/** The query mix under autocannon (the warm-up and the maximum-rate probe), with its answers counted. */
import autocannon from 'autocannon';
import type { QUERY_MIX } from '../../test/reliability.helpers';

export interface LoadStats {
  requests: number;
  errors: { status: number; graphql: number; socket: number; timeouts: number };
  byQuery: Record<string, { requests: number; errors: number }>;
}

export function mixRequests(mix: typeof QUERY_MIX, stats: LoadStats, onDone?: (failed: boolean) => void): autocannon.Request[] {
  return mix.map((m) => {
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

export const newStats = (): LoadStats => ({ requests: 0, errors: { status: 0, graphql: 0, socket: 0, timeouts: 0 }, byQuery: {} });

export async function runAutocannon(opts: autocannon.Options, track?: (latencyMs: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    if (track) instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => track(responseTime));
  });
}
