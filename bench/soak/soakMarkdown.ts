import type { SoakResult } from './soakResult';

/** The soak's `.md`: the run, the checks, a per-minute table and a per-query one. */
export function soakMarkdown(result: SoakResult): string {
  const { options: o, graph, soak, probe, perMinute, checks } = result;
  const e = soak.errors;
  const yes = (b: boolean) => (b ? 'yes' : '**NO**');
  return [
    `# Soak ${result.startedAt}`,
    '',
    `${result.machine.cpus} CPU (${result.machine.model}), ${result.machine.memoryGb} GB, Node ${result.machine.node}; load average at the end ${result.machine.loadAverageAtEnd.map((x) => x.toFixed(1)).join(' ')}.`,
    `Graph: ${graph.articles} articles, ${graph.nodes} nodes, ${graph.relationships} relationships. Server: src/main.ts, NODE_ENV=production, LOG_LEVEL=${o.logLevel}, node flags: ${result.serverNodeFlags.join(' ') || '(none)'}.`,
    '',
    `Maximum rate of the mix: **${probe.maxRatePerSec} req/s** (${o.probeSeconds} s, ${o.connections} connections, p50 ${probe.p50} ms, p99 ${probe.p99} ms).`,
    `Soak: **${soak.targetRatePerSec} req/s for ${o.minutes} min** → ${soak.requests} requests at ${soak.achievedRatePerSec} req/s; latency p50 ${soak.latencyMs.p50} ms, p90 ${soak.latencyMs.p90} ms, p99 ${soak.latencyMs.p99} ms, max ${soak.latencyMs.max} ms.`,
    `Errors: HTTP ${e.status}, GraphQL ${e.graphql}, socket ${e.socket}${Object.keys(e.socketErrorCodes).length ? ` (${JSON.stringify(e.socketErrorCodes)})` : ''}, timeouts ${e.timeouts}, server log error lines ${e.serverLogErrorLines}.`,
    `Server RSS: ${soak.serverRssMb.atStart} MB at the start, first-minute mean ${soak.serverRssMb.firstMinuteMean} MB, last-minute mean ${soak.serverRssMb.lastMinuteMean} MB, max ${soak.serverRssMb.max} MB.`,
    '',
    '| check | passed |',
    '|---|---|',
    `| zero errors | ${yes(checks.zeroErrors)} |`,
    `| p99 ≤ 3 × p50, each query (overall mix: p99/p50 = ${soak.overallP99OverP50}) | ${yes(checks.p99Within3xP50)} |`,
    `| RSS stable (last-minute mean ≤ 1.15 × first-minute mean) | ${yes(checks.rssStable)} |`,
    '',
    '| minute | requests | req/s | p50 ms | p99 ms | errors | server RSS mean / max MB |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...perMinute.map((m) => `| ${m.minute} | ${m.requests} | ${m.ratePerSec} | ${m.p50} | ${m.p99} | ${m.errors} | ${m.serverRssMbMean} / ${m.serverRssMbMax} |`),
    '',
    '| query | requests | errors | p50 ms | p99 ms | p99 / p50 | max ms | server time p50 / p99 ms (its request log) | server p99 / p50 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...Object.entries(soak.byQuery).map(
      ([name, q]) =>
        `| ${name} | ${q.requests} | ${q.errors} | ${q.p50} | ${q.p99} | ${(q.p99 / q.p50).toFixed(2)} | ${q.max} | ` +
        (q.serverLogged > 0 ? `${q.serverP50} / ${q.serverP99} | ${(q.serverP99 / q.serverP50).toFixed(2)} |` : '– | – |'),
    ),
    '',
  ].join('\n');
}
