/**
 * One arm of the stack-overhead benchmark, in its own process (`stackOverhead.ts --arm <name>`): starts the arm's
 * server and answers the parent's messages (ready, CPU time, CPU profile of the measured phase, stop).
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { type Arm, QUERIES } from './stackQueries';

type Started = { url: string; stop(): Promise<void> };

async function startRaw(): Promise<Started> {
  const answers = new Map(Object.values(QUERIES).map((q) => [q.query, JSON.stringify(q.rawAnswer)]));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let text: string;
      try {
        const { query } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string };
        text = answers.get(query) ?? '{"errors":[{"message":"unknown"}]}';
      } catch {
        text = '{"errors":[{"message":"bad json"}]}';
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

const UNREACHABLE = 'bolt://127.0.0.1:1';
/** the database of the database-bound queries (set by the parent), else an unreachable URI */
const BOLT = process.env.KG_STACK_BOLT || UNREACHABLE;

async function apiDeps() {
  const { createDriver } = await import('../../src/graph/driver');
  return { driver: createDriver({ uri: BOLT }), transactionTimeoutMs: 15_000 };
}

async function startApollo(): Promise<Started> {
  const { buildApiSchema, createContext } = await import('../../src/api');
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  const deps = await apiDeps();
  const server = new ApolloServer({ schema: await buildApiSchema(), introspection: false, csrfPrevention: true });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async () => createContext(deps, 'anonymous'),
  });
  return {
    url: url.replace('localhost', '127.0.0.1') + 'graphql',
    stop: async () => {
      await server.stop();
      await deps.driver.close();
    },
  };
}

async function startExpress(): Promise<Started> {
  const { buildApiSchema, createContext } = await import('../../src/api');
  const { ApolloServer } = await import('@apollo/server');
  const { expressMiddleware } = await import('@as-integrations/express5');
  const express = (await import('express')).default;
  const deps = await apiDeps();
  const server = new ApolloServer({ schema: await buildApiSchema(), introspection: false, csrfPrevention: true });
  await server.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(server, { context: async () => createContext(deps, 'anonymous') }));
  const httpServer = http.createServer(app);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: async () => {
      await server.stop();
      await new Promise((resolve) => httpServer.close(resolve));
      await deps.driver.close();
    },
  };
}

async function startProduct(): Promise<Started> {
  const { loadConfig } = await import('../../src/config');
  const { createServer } = await import('../../src/server');
  const { createDriver } = await import('../../src/graph/driver');
  const config = loadConfig({
    NEO4J_URI: BOLT,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.KG_BENCH_LOG_LEVEL ?? 'warn',
    KG_SEED: 'false',
    KG_MAX_QUERY_COST: '1000000', // as bench/query/armServer.ts
  });
  const driver = createDriver({ uri: BOLT });
  const server = createServer(config, { driver, schemaApplied: true });
  const { url } = await server.start();
  return {
    url: url.replace('localhost', '127.0.0.1'),
    stop: async () => {
      await server.stop();
      await driver.close();
    },
  };
}

export async function stackArmChild(arm: Arm): Promise<void> {
  const started =
    arm === 'raw' ? await startRaw() : arm === 'apollo' ? await startApollo() : arm === 'express' ? await startExpress() : await startProduct();
  const stop = async () => {
    await started.stop().catch(() => undefined);
    process.exit(0);
  };
  // CPU profile of the measured phase only (not start-up), through the inspector
  const inspector = await import('inspector');
  let session: import('inspector').Session | undefined;
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session!.post(method, params ?? {}, (err, r) => (err ? reject(err) : resolve(r))));
  process.on('message', async (m: { type: string; file?: string }) => {
    if (m.type === 'stop') void stop();
    else if (m.type === 'cpu') {
      const u = process.cpuUsage();
      process.send!({ type: 'cpu', micros: u.user + u.system });
    } else if (m.type === 'profile-start') {
      session = new inspector.Session();
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 250 });
      await post('Profiler.start');
      process.send!({ type: 'profiling' });
    } else if (m.type === 'profile-stop') {
      const { profile } = await post('Profiler.stop');
      fs.writeFileSync(m.file!, JSON.stringify(profile));
      session!.disconnect();
      process.send!({ type: 'profiled' });
    }
  });
  process.on('disconnect', () => void stop());
  process.send!({ type: 'ready', url: started.url });
}
