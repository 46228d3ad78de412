/**
 * The query benchmark: the three arms (product API, @neo4j/graphql, raw driver) against the same Neo4j and
 * data, each query of the mix asked with the same rotating probes.
 *
 * For each query: first a check pass (every probe once per arm: answers compared, Cypher statements per
 * request counted), then an autocannon run per arm, one arm at a time, the arms in rotating order so that no
 * arm always runs first or last on a noisy machine.
 */
import autocannon from 'autocannon';
import { isDeepStrictEqual } from 'util';
import { parse } from 'graphql';
import { buildCompiledProduct } from '../lib/compiledProduct';
import { startArm, type ArmProcess } from './arms';
import { MIX } from './mix';
import { ARMS, normalizeAnswer, requestBody, type AnyArm, type ArmName, type MixQuery, type Params } from './mixQuery';
import type { Probes } from './probes';

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** CPU time of the arm's process per request (ms, user + system): where a Node-bound arm spends its time */
  cpuMsPerRequest: number;
}

export interface ArmQueryResult extends LoadResult {
  /** Cypher statements per request (check pass: every probe once) */
  roundTrips: number;
  roundTripsMax: number;
}

export interface QueryResult {
  query: string;
  title: string;
  shape: MixQuery['shape'];
  /** GraphQL selection depth of the product's operation; the round-trip target is depth + 1 */
  depth: number;
  probes: number;
  /** every probe answered with the same data by all three arms */
  sameAnswers: boolean;
  differences: string[];
  /** size of the answer (e.g. nodes returned by the neighbourhood), from the raw arm, per probe */
  answerSizes: number[];
  arms: Record<ArmName, ArmQueryResult>;
  /** the diagnostic arm (product schema on Apollo standalone), when run */
  diagnostic?: Partial<Record<AnyArm, ArmQueryResult>>;
}

export interface QueryBenchOptions {
  boltUri: string;
  probes: Probes;
  durationSec: number;
  /** unmeasured seconds before each measured run; default min(2, durationSec) */
  warmupSec?: number;
  connections: number;
  only?: string[];
  log?: (line: string) => void;
  /** skip the autocannon runs (check pass only) */
  checkOnly?: boolean;
  /** also run the diagnostic arm (product schema on Apollo standalone) */
  diagnostic?: boolean;
}

/** Selection depth of an operation: `{ a { b } }` is 2. */
export function selectionDepth(query: string): number {
  const doc = parse(query);
  const depth = (node: any): number =>
    node?.selectionSet ? 1 + Math.max(0, ...node.selectionSet.selections.map((s: any) => (s.kind === 'InlineFragment' ? depth(s) - 1 : depth(s)))) : 0;
  return Math.max(...doc.definitions.map((d: any) => depth(d) - 1));
}

function answerSize(answer: unknown): number {
  if (Array.isArray(answer)) return answer.length;
  if (answer && typeof answer === 'object') {
    const a = answer as Record<string, unknown>;
    if (Array.isArray(a.nodes)) return a.nodes.length;
    if (Array.isArray(a.rows)) return a.rows.length;
    if (Array.isArray(a.events)) return a.events.length;
    if (typeof a.total === 'number') return a.total;
  }
  return answer === null || answer === undefined ? 0 : 1;
}

async function checkPass(arms: ArmProcess[], q: MixQuery, probes: Params[]) {
  const differences: string[] = [];
  const statements: Record<string, number[]> = {};
  const sizes: number[] = [];
  for (const p of probes) {
    const answers: Partial<Record<AnyArm, unknown>> = {};
    for (const arm of arms) {
      const before = (await arm.stats()).statements;
      try {
        answers[arm.arm] = normalizeAnswer(arm.arm, q, await arm.post(requestBody(arm.arm, q, p)));
      } catch (error) {
        answers[arm.arm] = { error: (error as Error).message.slice(0, 300) };
      }
      (statements[arm.arm] ??= []).push((await arm.stats()).statements - before);
    }
    sizes.push(answerSize(answers.raw));
    for (const arm of arms) {
      if (arm.arm !== 'raw' && !isDeepStrictEqual(answers.raw, answers[arm.arm])) {
        differences.push(`${q.name} ${JSON.stringify(p)}: ${arm.arm} ${JSON.stringify(answers[arm.arm]).slice(0, 300)} ≠ raw ${JSON.stringify(answers.raw).slice(0, 300)}`);
      }
    }
  }
  return { differences, statements, sizes };
}

/** One autocannon run of `arm` on `q`, the probes' request bodies in turn. */
export async function loadArm(arm: ArmProcess, q: MixQuery, probes: Params[], o: Pick<QueryBenchOptions, 'durationSec' | 'connections'>): Promise<LoadResult> {
  const bodies = probes.map((p) => requestBody(arm.arm, q, p));
  let i = 0;
  const before = await arm.stats();
  const result = await autocannon({
    url: arm.url,
    method: 'POST',
    connections: o.connections,
    duration: o.durationSec,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req: any) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  } as autocannon.Options);
  const cpuMicros = (await arm.stats()).cpuMicros - before.cpuMicros;
  return {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMsPerRequest: result.requests.total > 0 ? cpuMicros / 1000 / result.requests.total : 0,
  };
}

/**
 * One arm's result from its rounds (of equal duration): throughput is their mean; a latency percentile is the
 * request-weighted mean of the rounds' percentiles (autocannon reports percentiles, not its histogram), which
 * is close when the rounds are alike and is what the report shows.
 */
export function combineRounds(rounds: LoadResult[]): LoadResult {
  const requests = rounds.reduce((a, r) => a + r.requests, 0);
  const weighted = (pick: (r: LoadResult) => number) =>
    requests > 0 ? Math.round((10 * rounds.reduce((a, r) => a + pick(r) * r.requests, 0)) / requests) / 10 : 0;
  return {
    requestsPerSec: rounds.reduce((a, r) => a + r.requestsPerSec, 0) / rounds.length,
    p50: weighted((r) => r.p50),
    p90: weighted((r) => r.p90),
    p99: weighted((r) => r.p99),
    requests,
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    non2xx: rounds.reduce((a, r) => a + r.non2xx, 0),
    cpuMsPerRequest: requests > 0 ? rounds.reduce((a, r) => a + r.cpuMsPerRequest * r.requests, 0) / requests : 0,
  };
}

export async function runQueryBench(o: QueryBenchOptions): Promise<QueryResult[]> {
  const log = o.log ?? (() => {});
  const arms: ArmProcess[] = [];
  log('[query] compiling the product (the arms run dist/, as npm start does)');
  buildCompiledProduct();
  try {
    for (const a of [...ARMS, ...(o.diagnostic ? (['productBare'] as const) : [])]) {
      arms.push(await startArm(a, o.boltUri));
      log(`[query] ${a} arm at ${arms[arms.length - 1].url}`);
    }
    const results: QueryResult[] = [];
    const mix = MIX.filter((q) => !o.only || o.only.includes(q.name));
    for (const [qi, q] of mix.entries()) {
      const probes = o.probes[q.name] ?? [];
      if (probes.length === 0) {
        log(`[query] ${q.name}: no probes in this graph; skipped`);
        continue;
      }
      const check = await checkPass(arms, q, probes);
      // a second check pass: round trips of a warm arm (the first request may include one-off work)
      const warm = await checkPass(arms, q, probes);
      const sameAnswers = check.differences.length === 0;
      log(`[query] ${q.name}: ${sameAnswers ? 'same answers' : `${check.differences.length} DIFFERENCES`} from the 3 arms over ${probes.length} probes`);
      const armResults = {} as Record<AnyArm, ArmQueryResult>;
      for (const arm of arms) {
        const rt = warm.statements[arm.arm];
        armResults[arm.arm] = {
          requestsPerSec: 0, p50: 0, p90: 0, p99: 0, requests: 0, errors: 0, non2xx: 0, cpuMsPerRequest: 0,
          roundTrips: rt.reduce((a, b) => a + b, 0) / rt.length,
          roundTripsMax: Math.max(...rt),
        };
      }
      if (!o.checkOnly) {
        const order = arms.map((_, k) => arms[(k + qi) % arms.length]);
        // every arm is warmed (plans cached, JIT warm, pages in cache) before any is measured, so that no arm
        // meets a colder database than another
        const warmupSec = o.warmupSec ?? Math.min(2, o.durationSec);
        if (warmupSec > 0) for (const arm of order) await loadArm(arm, q, probes, { ...o, durationSec: warmupSec });
        // then two rounds of half the duration in mirrored order (A B C, C B A): a drift in the shared
        // machine's load, and whatever being measured first or last does, weigh on every arm alike
        const halves: Record<string, LoadResult[]> = {};
        const halfSec = o.durationSec / 2;
        for (const round of [order, [...order].reverse()]) {
          for (const arm of round) (halves[arm.arm] ??= []).push(await loadArm(arm, q, probes, { ...o, durationSec: halfSec }));
        }
        for (const arm of order) {
          const r = combineRounds(halves[arm.arm]);
          Object.assign(armResults[arm.arm], r);
          log(`[query] ${q.name} ${arm.arm}: ${r.requestsPerSec.toFixed(1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.cpuMsPerRequest.toFixed(2)} ms CPU/request, ${armResults[arm.arm].roundTrips.toFixed(2)} round trips${r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ''}`);
        }
      }
      results.push({
        query: q.name,
        title: q.title,
        shape: q.shape,
        depth: selectionDepth(q.product(probes[0]).query),
        probes: probes.length,
        sameAnswers,
        differences: check.differences,
        answerSizes: check.sizes,
        arms: { raw: armResults.raw, product: armResults.product, library: armResults.library },
        ...(armResults.productBare ? { diagnostic: { productBare: armResults.productBare } } : {}),
      });
    }
    return results;
  } finally {
    await Promise.all(arms.map((a) => a.stop()));
  }
}
