import type { QUERY_MIX } from '../../test/reliability.helpers';
import { rssMb } from '../lib/rssMb';
import { type LoadStats, newStats } from './mixLoad';
import { percentile } from './percentile';
import { steadyLoad } from './steadyLoad';

export interface Bucket {
  /** seconds since the soak started, end of the bucket */
  t: number;
  requests: number;
  errors: number;
  latencies: number[];
  serverRssMb?: number;
  neo4jRssMb?: number;
}

export interface SoakPhase {
  /** ms since the epoch */
  soakStart: number;
  seconds: number;
  rssAtStart: number | undefined;
  stats: LoadStats;
  /** 10-second buckets, with the RSS of the server and of Neo4j at their end */
  buckets: Bucket[];
  latByQuery: Record<string, number[]>;
}

/** The mix at a fixed `rate` for `minutes` (`steadyLoad`), with the server's and Neo4j's RSS sampled every 10 s. */
export async function runSoakPhase(
  base: string,
  mix: typeof QUERY_MIX,
  rate: number,
  minutes: number,
  pids: { server: number; neo4j: number },
  log: (line: string) => void,
): Promise<SoakPhase> {
  const soakStats = newStats();
  const buckets: Bucket[] = [];
  let current: Bucket = { t: 10, requests: 0, errors: 0, latencies: [] };
  const soakStart = Date.now();
  const rssAtStart = rssMb(pids.server);
  const sampler = setInterval(() => {
    current.serverRssMb = rssMb(pids.server);
    current.neo4jRssMb = rssMb(pids.neo4j);
    buckets.push(current);
    const t = current.t;
    const s = [...current.latencies].sort((a, b) => a - b);
    log(`${String(t).padStart(4)} s  ${(current.requests / 10).toFixed(0).padStart(5)} req/s  p50 ${percentile(s, 50)} ms  p99 ${percentile(s, 99)} ms  errors ${current.errors}  server RSS ${current.serverRssMb} MB`);
    current = { t: t + 10, requests: 0, errors: 0, latencies: [] };
  }, 10_000);
  const latByQuery: Record<string, number[]> = {};
  const steady = await steadyLoad(base, mix, rate, minutes * 60, (name, latency, failure) => {
    current.requests += 1;
    current.latencies.push(latency);
    (latByQuery[name] ??= []).push(latency);
    const q = (soakStats.byQuery[name] ??= { requests: 0, errors: 0 });
    q.requests += 1;
    soakStats.requests += 1;
    if (failure) {
      current.errors += 1;
      q.errors += 1;
      soakStats.errors[failure] += 1;
    }
  });
  clearInterval(sampler);
  if (current.requests > 0) {
    current.serverRssMb = rssMb(pids.server);
    current.neo4jRssMb = rssMb(pids.neo4j);
    buckets.push(current);
  }
  return { soakStart, seconds: steady.seconds, rssAtStart, stats: soakStats, buckets, latByQuery };
}
