import * as os from 'os';
import type { QUERY_MIX } from '../../test/reliability.helpers';
import type { LoadStats } from './mixLoad';
import { percentile } from './percentile';
import type { ServerLog } from './serverLog';
import type { SoakGraph } from './soakGraph';
import type { SoakOptions } from './soakOptions';
import type { Bucket, SoakPhase } from './soakPhase';
import { socketErrorCodes } from './steadyLoad';

/** The maximum-rate probe: autocannon's result and the answers it counted. */
export interface SoakProbe {
  maxRate: number;
  p50: number;
  p99: number;
  non2xx: number;
  stats: LoadStats;
}

const operationOf = (query: string) => /^\s*query\s+(\w+)/.exec(query)?.[1] ?? '';

/** The soak's per-minute rows: six 10-second buckets each. */
function perMinuteOf(buckets: Bucket[]) {
  return Array.from({ length: Math.ceil(buckets.length / 6) }, (_, m) => {
    const bs = buckets.slice(m * 6, m * 6 + 6);
    const lat = bs.flatMap((b) => b.latencies).sort((a, b) => a - b);
    const rss = bs.map((b) => b.serverRssMb ?? NaN);
    return {
      minute: m + 1,
      requests: bs.reduce((n, b) => n + b.requests, 0),
      ratePerSec: Math.round(bs.reduce((n, b) => n + b.requests, 0) / (bs.length * 10)),
      p50: percentile(lat, 50),
      p99: percentile(lat, 99),
      errors: bs.reduce((n, b) => n + b.errors, 0),
      serverRssMbMean: Math.round((rss.reduce((a, b) => a + b, 0) / rss.length) * 10) / 10,
      serverRssMbMax: Math.max(...rss),
    };
  });
}

/** Latency per query of the mix, as the load generator saw it and as the server logged it. */
function perQueryOf(mix: typeof QUERY_MIX, phase: SoakPhase, serverLog: ServerLog) {
  return Object.fromEntries(
    mix.map((m) => {
      const lat = [...(phase.latByQuery[m.name] ?? [])].sort((a, b) => a - b);
      const q = phase.stats.byQuery[m.name] ?? { requests: 0, errors: 0 };
      const server = [...(serverLog.serverMsByOperation[operationOf(m.query)] ?? [])].sort((a, b) => a - b);
      return [
        m.name,
        { ...q, p50: percentile(lat, 50), p99: percentile(lat, 99), max: lat[lat.length - 1], serverP50: percentile(server, 50), serverP99: percentile(server, 99), serverLogged: server.length },
      ];
    }),
  );
}

/** Everything the soak writes to its JSON file, with the three checks. */
export function soakResult(run: {
  startedAt: Date;
  options: SoakOptions;
  nodeFlags: string[];
  graph: SoakGraph;
  probe: SoakProbe;
  rate: number;
  phase: SoakPhase;
  serverLog: ServerLog;
  mix: typeof QUERY_MIX;
}) {
  const { options: o, probe, phase, serverLog } = run;
  const { buckets, stats: soakStats } = phase;
  const all = buckets.flatMap((b) => b.latencies).sort((a, b) => a - b);
  const p = (q: number) => percentile(all, q);
  const perMinute = perMinuteOf(buckets);
  const first = perMinute[0];
  const last = perMinute[perMinute.length - 1];
  const errorsTotal = soakStats.errors.status + soakStats.errors.graphql + soakStats.errors.socket + soakStats.errors.timeouts + serverLog.serverErrorLines;
  const perQuery = perQueryOf(run.mix, phase, serverLog);
  const checks = {
    zeroErrors: errorsTotal === 0,
    p99Within3xP50: Object.values(perQuery).every((q) => q.p99 <= 3 * q.p50),
    rssStable: last.serverRssMbMean <= first.serverRssMbMean * 1.15,
  };
  return {
    startedAt: run.startedAt.toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtEnd: os.loadavg() },
    options: o,
    serverNodeFlags: run.nodeFlags,
    graph: run.graph,
    probe: { seconds: o.probeSeconds, connections: o.connections, maxRatePerSec: Math.round(probe.maxRate), p50: probe.p50, p99: probe.p99, errors: probe.stats.errors, non2xx: probe.non2xx },
    soak: {
      targetRatePerSec: run.rate,
      seconds: Math.round(phase.seconds),
      requests: soakStats.requests,
      achievedRatePerSec: Math.round(soakStats.requests / phase.seconds),
      latencyMs: { p50: p(50), p90: p(90), p99: p(99), max: all[all.length - 1] },
      errors: { ...soakStats.errors, socketErrorCodes, serverLogErrorLines: serverLog.serverErrorLines },
      overallP99OverP50: Math.round((p(99) / p(50)) * 100) / 100,
      byQuery: perQuery,
      serverRssMb: { atStart: phase.rssAtStart, firstMinuteMean: first.serverRssMbMean, lastMinuteMean: last.serverRssMbMean, max: Math.max(...buckets.map((b) => b.serverRssMb ?? 0)) },
      serverLogLinesByLevel: serverLog.levels,
    },
    perMinute,
    samples: buckets.map((b) => ({ t: b.t, requests: b.requests, errors: b.errors, serverRssMb: b.serverRssMb, neo4jRssMb: b.neo4jRssMb })),
    checks,
  };
}

export type SoakResult = ReturnType<typeof soakResult>;
