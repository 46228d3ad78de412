/**
 * Helpers for test/server.*.test.ts: a config from env overrides, a driver wrapper that counts database
 * calls, a tiny GraphQL schema whose resolvers hit Neo4j (for limits and masking), and a started server
 * on an ephemeral port with a `gql()` client over Node's fetch.
 */
import { GraphQLBoolean, GraphQLID, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { AuthorizationError } from 'type-graphql';
import type { Context } from '../src/api/context';
import { notFound } from '../src/api/errors';
import { loadConfig, type Config } from '../src/config';
import { createLogger, createServer, type KgServer, type ServerDeps } from '../src/server';
import { testNeo4jConfig } from './support/db';

export const EDITOR_KEY = 'editor-key-0123456789abcdef';
export const READER_KEY = 'reader-key-0123456789abcdef';

export function testEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const db = testNeo4jConfig();
  const env: NodeJS.ProcessEnv = {
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: db.uri,
    KG_EDITOR_KEYS: EDITOR_KEY,
    KG_READER_KEYS: READER_KEY,
  };
  if (db.username) {
    env.NEO4J_USERNAME = db.username;
    env.NEO4J_PASSWORD = db.password;
  }
  if (db.database) env.NEO4J_DATABASE = db.database;
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig(testEnv(overrides));
}

/** Wraps a driver so that every session / executeQuery is counted (nothing else changes). */
export function countingDriver(driver: Driver): { driver: Driver; calls: () => number; reset: () => void } {
  let n = 0;
  const proxy = new Proxy(driver, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'session' || prop === 'executeQuery') n += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { driver: proxy, calls: () => n, reset: () => (n = 0) };
}

async function hitDatabase(ctx: Context): Promise<void> {
  ctx.stats.roundTrips += 1;
  // auto-commit: no driver-side retries, so a dead database fails the request at once
  const session = ctx.deps.driver.session({ database: ctx.deps.database });
  try {
    await session.run('RETURN 1');
  } finally {
    await session.close();
  }
}

/**
 * type Query { item(id: ID): Item, items(first: Int = 10): [Item!]!, boom: String, boomCypher: String,
 *              missing: String, ping: Boolean }
 * type Item { id: ID!, name: String, child: Item, children(first: Int): [Item!]! }
 * type Mutation { touch: Boolean }  (editor only, enforced the way type-graphql's @Authorized does)
 * Every Item/ping resolver makes a real Neo4j call and counts it in ctx.stats.roundTrips.
 */
export function testSchema(): GraphQLSchema {
  const Item: GraphQLObjectType = new GraphQLObjectType<{ id: string }, Context>({
    name: 'Item',
    fields: () => ({
      id: { type: new GraphQLNonNull(GraphQLID) },
      name: { type: GraphQLString, resolve: (p) => `item ${p.id}` },
      child: { type: Item, resolve: async (p, _a, ctx) => (await hitDatabase(ctx), { id: `${p.id}.0` }) },
      children: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Item))),
        args: { first: { type: GraphQLInt } },
        resolve: async (p, a: { first?: number }, ctx) => {
          await hitDatabase(ctx);
          return Array.from({ length: Math.min(a.first ?? 2, 3) }, (_, i) => ({ id: `${p.id}.${i}` }));
        },
      },
    }),
  });
  const Query = new GraphQLObjectType<unknown, Context>({
    name: 'Query',
    fields: {
      item: { type: Item, args: { id: { type: GraphQLID } }, resolve: async (_p, a: { id?: string }, ctx) => (await hitDatabase(ctx), { id: a.id ?? '1' }) },
      items: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Item))),
        args: { first: { type: GraphQLInt, defaultValue: 10 } },
        resolve: async (_p, a: { first: number }, ctx) => {
          await hitDatabase(ctx);
          return Array.from({ length: Math.min(a.first, 3) }, (_, i) => ({ id: String(i) }));
        },
      },
      ping: { type: GraphQLBoolean, resolve: async (_p, _a, ctx) => (await hitDatabase(ctx), true) },
      boom: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('Neo.ClientError.Statement.SyntaxError: MATCH (p:Person {secret: $x}) RETURN p');
        },
      },
      boomCypher: {
        type: GraphQLString,
        resolve: async (_p, _a, ctx) => {
          ctx.stats.roundTrips += 1;
          const session = ctx.deps.driver.session({ database: ctx.deps.database });
          try {
            await session.run('MATCH (n:Nope RETURN n');
          } finally {
            await session.close();
          }
          return 'unreachable';
        },
      },
      missing: {
        type: GraphQLString,
        resolve: () => {
          throw notFound('no such thing');
        },
      },
    },
  });
  const Mutation = new GraphQLObjectType<unknown, Context>({
    name: 'Mutation',
    fields: {
      touch: {
        type: GraphQLBoolean,
        resolve: async (_p, _a, ctx) => {
          if (ctx.role !== 'editor') throw new AuthorizationError();
          await hitDatabase(ctx);
          return true;
        },
      },
    },
  });
  return new GraphQLSchema({ query: Query, mutation: Mutation });
}

export interface GqlOptions {
  variables?: Record<string, unknown>;
  key?: string;
  headers?: Record<string, string>;
  operationName?: string;
}

export interface GqlResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
  };
  text: string;
}

export interface TestServer {
  server: KgServer;
  /** http://127.0.0.1:<port> */
  base: string;
  gql(query: string, opts?: GqlOptions): Promise<GqlResponse>;
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; text: string }>;
  stop(): Promise<void>;
}

export async function startTestServer(config: Config, deps: ServerDeps = {}): Promise<TestServer> {
  const server = createServer(config, { logger: createLogger('silent'), ...deps });
  const { url } = await server.start();
  const base = url.replace(/\/graphql$/, '').replace('localhost', '127.0.0.1');
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const gql = async (query: string, opts: GqlOptions = {}): Promise<GqlResponse> => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    const r = await post(JSON.stringify({ query, variables: opts.variables, operationName: opts.operationName }), headers);
    let body: GqlResponse['body'];
    try {
      body = JSON.parse(r.text) as GqlResponse['body'];
    } catch {
      body = {};
    }
    return { ...r, body };
  };
  return { server, base, gql, post, stop: () => server.stop() };
}

/** The codes of a response's errors. */
export const codes = (r: GqlResponse): unknown[] => (r.body.errors ?? []).map((e) => e.extensions?.code);

/** Polls `check` until it returns true (every 100 ms, at most `ms`). */
export async function waitFor(check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
