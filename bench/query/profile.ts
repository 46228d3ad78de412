/**
 * Where the time goes: each arm answers each query once in-process with a recording driver (the exact Cypher
 * statements and parameters it sends), then every recorded statement is run again under PROFILE, and the
 * database hits, rows and page-cache misses are summed per arm. This is what explains a missed target: more
 * statements (round trips), or statements that do more work in the database.
 */
import 'reflect-metadata';
import { graphql, parse, type GraphQLSchema } from 'graphql';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { byName } from './mix';
import { rawCypherOf, type ArmName, type MixQuery, type Params } from './mixQuery';
import { LIBRARY_TYPE_DEFS } from './libraryTypeDefs';
import type { Probes } from './probes';
import { READ_DERIVATIONS } from '../../src/ingest/derivationStatements';
import { type DerivationRow, storedGroups } from '../../src/ingest/deriveEntities';

export interface ProfiledStatement {
  cypher: string;
  dbHits: number;
  rows: number;
  pageCacheMisses: number;
  /** the operators with the most db hits */
  hotspots: string[];
  /** milliseconds per execution in the database (the statement alone, run sequentially, after one warm-up) */
  ms: number;
}

export interface QueryProfile {
  query: string;
  probe: Params;
  arms: Record<ArmName, { statements: ProfiledStatement[]; dbHits: number; ms: number }>;
}

interface Recorded {
  cypher: string;
  params: Record<string, unknown>;
}

/** A driver that records every statement run through it (and runs it). */
function recordingDriver(driver: Driver, sink: Recorded[]): Driver {
  const wrapTx = <T extends { run: (...a: any[]) => any }>(tx: T): T =>
    new Proxy(tx, {
      get(t, p) {
        const v = Reflect.get(t, p) as any;
        if (p === 'run') return (cypher: string, params: Record<string, unknown> = {}) => (sink.push({ cypher, params }), v.call(t, cypher, params));
        return typeof v === 'function' ? v.bind(t) : v;
      },
    });
  return new Proxy(driver, {
    get(d, p) {
      const v = Reflect.get(d, p);
      if (p === 'session') {
        return (...args: unknown[]) => {
          const s = v.apply(d, args);
          return new Proxy(s, {
            get(target: any, prop) {
              const w = Reflect.get(target, prop);
              if (prop === 'run') return (cypher: string, params: Record<string, unknown> = {}) => (sink.push({ cypher, params }), w.call(target, cypher, params));
              if (prop === 'executeRead' || prop === 'executeWrite') {
                return (work: (tx: ManagedTransaction) => unknown, cfg?: unknown) => w.call(target, (tx: ManagedTransaction) => work(wrapTx(tx)), cfg);
              }
              if (prop === 'beginTransaction') return (...a: unknown[]) => wrapTx(w.apply(target, a));
              return typeof w === 'function' ? w.bind(target) : w;
            },
          });
        };
      }
      if (p === 'executeQuery') {
        return (cypher: string, params: Record<string, unknown> = {}, cfg?: unknown) => (sink.push({ cypher, params }), v.call(d, cypher, params, cfg));
      }
      return typeof v === 'function' ? v.bind(d) : v;
    },
  });
}

function sumProfile(plan: any): { dbHits: number; rows: number; misses: number; ops: Array<[string, number]> } {
  let dbHits = 0;
  let misses = 0;
  const ops: Array<[string, number]> = [];
  const walk = (p: any) => {
    dbHits += Number(p.dbHits ?? 0);
    misses += Number(p.pageCacheMisses ?? 0);
    ops.push([`${p.operatorType}${p.arguments?.Details ? ` ${String(p.arguments.Details).slice(0, 80)}` : ''}`, Number(p.dbHits ?? 0)]);
    for (const c of p.children ?? []) walk(c);
  };
  walk(plan);
  return { dbHits, rows: Number(plan.rows ?? 0), misses, ops };
}

const TIMED_RUNS = 10;

async function profileStatements(driver: Driver, recorded: Recorded[]): Promise<ProfiledStatement[]> {
  const out: ProfiledStatement[] = [];
  for (const r of recorded) {
    if (/^\s*(CALL dbms\.components|RETURN 1)/i.test(r.cypher)) continue;
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const res = await session.executeRead((tx) => tx.run(`PROFILE ${r.cypher.replace(/^\s*CYPHER\s+\S+\s*/i, '')}`, r.params));
      const s = sumProfile(res.summary.profile);
      await session.executeRead((tx) => tx.run(r.cypher, r.params));
      const started = process.hrtime.bigint();
      for (let i = 0; i < TIMED_RUNS; i++) await session.executeRead((tx) => tx.run(r.cypher, r.params));
      const ms = Number(process.hrtime.bigint() - started) / 1e6 / TIMED_RUNS;
      out.push({
        ms,
        cypher: r.cypher.replace(/\s+/g, ' ').trim().slice(0, 400),
        dbHits: s.dbHits,
        rows: s.rows,
        pageCacheMisses: s.misses,
        hotspots: s.ops.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([op, hits]) => `${op}: ${hits}`),
      });
    } finally {
      await session.close();
    }
  }
  return out;
}

export async function profileMix(driver: Driver, probes: Probes, only?: string[]): Promise<QueryProfile[]> {
  const { buildApiSchema, createCompiledExecutor, createContext } = await import('../../src/api');
  const { Neo4jGraphQL } = await import('@neo4j/graphql');
  const productSink: Recorded[] = [];
  const librarySink: Recorded[] = [];
  const productDriver = recordingDriver(driver, productSink);
  // the product's statements as the server sends them: through its executor (graphql-jit)
  const executeProduct = createCompiledExecutor(await buildApiSchema());
  const librarySchema: GraphQLSchema = await new Neo4jGraphQL({ typeDefs: LIBRARY_TYPE_DEFS, driver: recordingDriver(driver, librarySink) }).getSchema();
  const out: QueryProfile[] = [];
  const names = Object.keys(probes).filter((n) => !only || only.includes(n));
  for (const name of names) {
    const q: MixQuery = byName(name);
    const probe = probes[name][0];
    if (!probe) continue;
    productSink.length = 0;
    librarySink.length = 0;
    const p = q.product(probe);
    const pr = await executeProduct({
      document: parse(p.query),
      variableValues: p.variables,
      contextValue: createContext({ driver: productDriver, transactionTimeoutMs: 60_000 }, 'reader'),
    });
    if (pr.errors?.length) throw new Error(`product ${name}: ${pr.errors[0].message}`);
    const l = q.library(probe);
    const lr = await graphql({ schema: librarySchema, source: l.query, variableValues: l.variables, contextValue: {} });
    if (lr.errors?.length) throw new Error(`library ${name}: ${lr.errors[0].message}`);
    const rawParams = q.rawParams ? q.rawParams(probe) : probe;
    const raw: Recorded[] = !q.rawCypher ? [] : [
      {
        cypher: rawCypherOf(q, rawParams),
        params: Object.fromEntries(Object.entries(rawParams).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v])),
      },
    ];
    const arms = {} as QueryProfile['arms'];
    for (const [arm, recorded] of [['product', [...productSink]], ['library', [...librarySink]], ['raw', raw]] as const) {
      const statements = await profileStatements(driver, recorded as Recorded[]);
      arms[arm as ArmName] = {
        statements,
        dbHits: statements.reduce((n, s) => n + s.dbHits, 0),
        ms: statements.reduce((n, s) => n + s.ms, 0),
      };
    }
    out.push({ query: name, probe, arms });
  }
  return out;
}

export interface DeriveProfile {
  entity: string;
  /** the entity's mentions, and the groups of identical content they form */
  mentions: number;
  groups: number;
  /** READ_DERIVATIONS reading the entity's mentions (a re-load, a delete or a merge touching it) */
  fromMentions: { dbHits: number; ms: number };
  /** READ_DERIVATIONS reading its stored groups (what a new article's load does) */
  fromStored: { dbHits: number; ms: number };
}

const DERIVE_RUNS = 5;

/**
 * What deriving one entity costs the ingester at this size: READ_DERIVATIONS (src/ingest/derivationStatements.ts),
 * which the load of a new article runs on every entity it may name, reading the entity's stored mention groups,
 * and which a re-load, a delete or a merge runs reading the entity's mentions. Both are profiled (db hits) and
 * timed (the mean of a few runs, alternating), for the most-mentioned entities and for typical ones, in one
 * write transaction per entity (the statement locks what it reads) that stores the groups first (the bench's
 * graph was loaded by the raw writer, which does not) and is rolled back: the graph is left as it was.
 */
export async function profileDerive(driver: Driver, ids: string[]): Promise<DeriveProfile[]> {
  const out: DeriveProfile[] = [];
  const statement = (stored: boolean) => `${READ_DERIVATIONS('$ids', '', { stored })} RETURN derivations`;
  for (const id of ids) {
    const session = driver.session();
    const tx = session.beginTransaction();
    try {
      const fromMentions = await tx.run(`PROFILE ${statement(false)}`, { ids: [id] });
      const rows = fromMentions.records[0].get('derivations') as DerivationRow[];
      if (rows.length === 0) continue;
      const groups = rows[0].groups ?? [];
      await tx.run('MATCH (e:Entity {id: $id}) SET e.mentionGroups = $groups', { id, groups: storedGroups(groups) });
      const fromStored = await tx.run(`PROFILE ${statement(true)}`, { ids: [id] });
      const ms = { mentions: 0, stored: 0 };
      for (let i = 0; i < DERIVE_RUNS; i++) {
        for (const stored of [false, true]) {
          const started = process.hrtime.bigint();
          await tx.run(statement(stored), { ids: [id] });
          ms[stored ? 'stored' : 'mentions'] += Number(process.hrtime.bigint() - started) / 1e6 / DERIVE_RUNS;
        }
      }
      out.push({
        entity: id,
        mentions: groups.reduce((n, g) => n + Number(g.count), 0),
        groups: groups.length,
        fromMentions: { dbHits: sumProfile(fromMentions.summary.profile).dbHits, ms: ms.mentions },
        fromStored: { dbHits: sumProfile(fromStored.summary.profile).dbHits, ms: ms.stored },
      });
    } finally {
      await tx.rollback();
      await session.close();
    }
  }
  return out;
}
