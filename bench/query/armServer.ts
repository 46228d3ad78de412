/**
 * One arm of the query benchmark, as its own process (forked by arms.ts with an IPC channel):
 *
 *   node --import tsx bench/query/armServer.ts <product|library|raw> <bolt uri>
 *
 * Listens on 127.0.0.1 on a free port, tells the parent `{type: 'ready', url}`, answers `{type: 'stats'}`
 * with the number of Cypher statements it has sent to Neo4j so far (the driver is wrapped by
 * countingDriver) and the CPU time the process has used (user + system, µs), and exits on `{type: 'stop'}`
 * or when the parent goes away.
 */
import 'reflect-metadata';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import neo4j, { type Driver } from 'neo4j-driver';
import { createDriver, TRANSACTION_RETRY_MS } from '../../src/graph/driver';
import { COMPILED_SRC } from '../lib/compiledProduct';
import { countingDriver, type StatementCounter } from '../lib/countingDriver';
import { byName } from './mix';
import { rawCypherOf, type AnyArm } from './mixQuery';

type Started = { url: string; stop(): Promise<void> };

/** JS integers become Neo4j integers (LIMIT and list slices need them); other values travel as they are. */
function toCypherParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
}

async function startRaw(driver: Driver): Promise<Started> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      let status = 200;
      let body: unknown;
      try {
        const { query, params } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; params: Record<string, unknown> };
        const q = byName(query);
        if (!q.rawCypher) {
          body = { rows: [] };
        } else {
          const session = driver.session({ defaultAccessMode: neo4j.session.READ });
          try {
            const result = await session.executeRead((tx) => tx.run(rawCypherOf(q, params ?? {}), toCypherParams(params ?? {})));
            body = { rows: result.records.map((r) => r.toObject()) };
          } finally {
            await session.close();
          }
        }
      } catch (error) {
        status = 500;
        body = { error: (error as Error).message };
      }
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function startProduct(driver: Driver, uri: string): Promise<Started> {
  const { loadConfig } = (await import(path.join(COMPILED_SRC, 'config'))) as typeof import('../../src/config');
  const { createServer } = (await import(path.join(COMPILED_SRC, 'server'))) as typeof import('../../src/server');
  const config = loadConfig({
    NEO4J_URI: uri,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.KG_BENCH_LOG_LEVEL ?? 'warn',
    KG_SEED: 'false',
    // the default cost limit (5000) refuses the mix's 50-event nested page (estimated cost ~22800): raised here
    // so that the page is measured; see bench/README.md
    KG_MAX_QUERY_COST: '1000000',
    ...(process.env.KG_BENCH_PRODUCT_ENV ? JSON.parse(process.env.KG_BENCH_PRODUCT_ENV) : {}),
  });
  // a speed-up taken out, to measure what it buys (bench/query/seams.ts)
  const off = seamsOff();
  const { buildApiSchema } = (await import(path.join(COMPILED_SRC, 'api'))) as typeof import('../../src/api');
  const server = createServer(config, {
    driver,
    schemaApplied: true,
    schema: await buildApiSchema({ directResolvers: !off.includes('resolvers') }),
    ...(off.includes('execution') ? { executor: false as const } : {}),
  });
  const { url } = await server.start();
  return { url: url.replace('localhost', '127.0.0.1'), stop: () => server.stop() };
}

async function startLibrary(driver: Driver): Promise<Started> {
  const { Neo4jGraphQL } = await import('@neo4j/graphql');
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  const { LIBRARY_TYPE_DEFS } = await import('./libraryTypeDefs');
  const schema = await new Neo4jGraphQL({ typeDefs: LIBRARY_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema, introspection: false, csrfPrevention: true });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url: url.replace('localhost', '127.0.0.1'), stop: () => server.stop() };
}

async function startProductBare(driver: Driver): Promise<Started> {
  const { buildApiSchema, createContext } = (await import(path.join(COMPILED_SRC, 'api'))) as typeof import('../../src/api');
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  const schema = await buildApiSchema();
  const server = new ApolloServer({ schema, introspection: false, csrfPrevention: true });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async () => createContext({ driver, transactionTimeoutMs: 15_000 }, 'reader'),
  });
  return { url: url.replace('localhost', '127.0.0.1'), stop: () => server.stop() };
}

/** KG_BENCH_SEAMS_OFF: `execution` (graphql-js executes), `resolvers` (type-graphql's wrappers kept), `sockets` (Bolt sockets untuned) */
const seamsOff = (): string[] => (process.env.KG_BENCH_SEAMS_OFF ?? '').split(',').filter(Boolean);

async function main(): Promise<void> {
  const [arm, uri] = process.argv.slice(2) as [AnyArm, string];
  const counter: StatementCounter = { statements: 0 };
  // the driver of createDriver, without the socket tuning of src/graph/boltSockets.ts
  const base = seamsOff().includes('sockets')
    ? neo4j.driver(uri, undefined, { disableLosslessIntegers: true, maxConnectionPoolSize: 50, connectionAcquisitionTimeout: 30_000, maxTransactionRetryTime: TRANSACTION_RETRY_MS, userAgent: 'kg-graph/0.1' })
    : createDriver({ uri });
  const driver = countingDriver(base, counter);
  const started =
    arm === 'raw'
      ? await startRaw(driver)
      : arm === 'product'
        ? await startProduct(driver, uri)
        : arm === 'productBare'
          ? await startProductBare(driver)
          : await startLibrary(driver);
  const stop = async () => {
    await started.stop().catch(() => undefined);
    await base.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (m: { type: string; id?: number }) => {
    if (m.type === 'stats') {
      const cpu = process.cpuUsage();
      process.send!({ type: 'stats', id: m.id, statements: counter.statements, cpuMicros: cpu.user + cpu.system });
    }
    else if (m.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.send!({ type: 'ready', url: started.url });
}

main().catch((error) => {
  process.stderr.write(`[arm] ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
