/**
 * The HTTP server: node:http + express 5 + Apollo Server 5, put together and started and stopped here.
 *
 *   GET  /health   200 while the process is up and the database layer's `liveness` says ok (`health.ts`)
 *   GET  /ready    200 when Neo4j answers RETURN 1 within 2 s and the schema is applied, else 503 {reason}
 *   /graphql       the API (POST JSON, or GET for queries); Apollo Sandbox on GET with Accept: text/html
 *                  outside production
 *   /, /explorer   the graph explorer page (src/explorer; 503 with build instructions until built)
 *
 * Order of checks for /graphql: CORS → body size (413) → CSRF (Apollo) → auth (401 UNAUTHENTICATED) →
 * parse/validate → query limits (QUERY_TOO_COMPLEX) → database availability (503 SERVICE_UNAVAILABLE) →
 * resolvers. Everything before "resolvers" makes no database call. The parts: `requestLog.ts` (request id,
 * one log line per request), `httpEntry.ts` (node:http and express; `leanBody.ts` for the usual /graphql
 * requests), `graphqlHandler.ts` (a request through Apollo), `plugins/requestPlugin.ts` (Apollo plugin).
 * `bench/query/stackOverhead.ts` measures the stack against plain Apollo and node:http.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type express from 'express';
import type { GraphQLSchema } from 'graphql';
import type * as http from 'http';
import type { AddressInfo } from 'net';
import type { Driver } from 'neo4j-driver';
import { buildApiSchema, createCompiledExecutor, type OperationExecutor } from '../api';
import type { ApiDeps, Context } from '../api/context';
import type { Config } from '../config';
import { createDriver } from '../graph/driver';
import { KeyRing } from './auth';
import { type Availability, DatabaseMonitor } from './database';
import { createFormatError } from './errors';
import { graphqlHandler } from './graphqlHandler';
import { createHttpEntry } from './httpEntry';
import { createLogger, type Logger } from './logger';
import { compiledExecutionPlugin } from './plugins/compiledExecution';
import { requestPlugin } from './plugins/requestPlugin';
import { RequestLog } from './requestLog';

export interface ServerDeps {
  /** the process's one driver; when absent one is created from config.neo4j (and closed by stop()) */
  driver?: Driver;
  /** the GraphQL schema; default `buildApiSchema()` from src/api */
  schema?: GraphQLSchema;
  logger?: Logger;
  /** the caller has applied the Neo4j schema already (otherwise it is applied in the background) */
  schemaApplied?: boolean;
  /** replaces src/graph applySchema (tests) */
  applySchema?: (driver: Driver, database?: string) => Promise<void>;
  /** delay between background schema/probe attempts; default 3000 ms */
  retryMs?: number;
  /** how long HTTP shutdown waits for in-flight requests before closing them; default 10 s */
  stopGracePeriodMs?: number;
  /**
   * Whether the process can still serve (GET /health fails when not, so that a supervisor restarts it): the
   * database layer's hook, e.g. "the embedded Neo4j could not be restarted". Default: always.
   */
  liveness?: () => Availability;
  /**
   * What executes operations: default the compiled executor of src/api for the schema (graphql-jit); a
   * function of the caller's (tests), or false for graphql-js's own `execute` (to measure, bench/query/seams.ts).
   */
  executor?: OperationExecutor | false;
}

export interface KgServer {
  app: express.Express;
  httpServer: http.Server;
  /** builds the schema, starts Apollo and the background schema applier, listens; resolves with the /graphql URL */
  start(): Promise<{ url: string }>;
  /** drains HTTP (in-flight requests finish), stops background work, closes a driver it created. Idempotent. */
  stop(): Promise<void>;
  /** Neo4j state as the server sees it */
  database: DatabaseMonitor;
  logger: Logger;
}

export function createServer(config: Config, deps: ServerDeps = {}): KgServer {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const ownsDriver = !deps.driver;
  let driver = deps.driver;
  if (!driver) {
    if (!config.neo4j.uri) throw new Error('createServer needs deps.driver, or config.neo4j.uri to create one');
    driver = createDriver({ ...config.neo4j, uri: config.neo4j.uri });
  }
  const apiDeps: ApiDeps = { driver, database: config.neo4j.database, transactionTimeoutMs: config.limits.transactionTimeoutMs };
  const database = new DatabaseMonitor({
    driver,
    database: config.neo4j.database,
    logger: logger.child({ component: 'neo4j' }),
    schemaApplied: deps.schemaApplied,
    applySchema: deps.applySchema,
    retryMs: deps.retryMs,
  });
  const requestLog = new RequestLog(logger);
  let apollo: ApolloServer<Context> | undefined;
  /** the started Apollo server while /graphql is served (undefined before start and after stop) */
  let serving: ApolloServer<Context> | undefined;
  const { app, httpServer } = createHttpEntry({
    corsOrigins: config.corsOrigins,
    bodyLimit: { bytes: config.limits.bodyLimitBytes, text: config.limits.bodyLimit },
    health: { liveness: deps.liveness, readiness: () => database.readiness() },
    graphql: graphqlHandler({
      serving: () => serving,
      apiDeps,
      keys: new KeyRing(config.auth.editorKeys, config.auth.readerKeys),
      readsRequireKey: config.auth.readsRequireKey,
      requestLog,
      logger,
    }),
    requestLog,
    logger,
  });

  async function doStart(): Promise<{ url: string }> {
    const schema = deps.schema ?? (await buildApiSchema());
    const executor = deps.executor === false ? undefined : (deps.executor ?? createCompiledExecutor(schema));
    const server = createApollo(schema, { config, logger, httpServer, database, requestLog, executor, stopGracePeriodMs: deps.stopGracePeriodMs });
    await server.start();
    apollo = server;
    serving = server;
    database.start();
    await listen(httpServer, config.port, config.host);
    const { port } = httpServer.address() as AddressInfo;
    const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
    return { url: `http://${shownHost}:${port}/graphql` };
  }

  let starting: Promise<{ url: string }> | undefined;
  let stopping: Promise<void> | undefined;
  return {
    app,
    httpServer,
    database,
    logger,
    start() {
      if (stopping) return Promise.reject(new Error('the server has been stopped'));
      starting ??= doStart().catch(async (error: unknown) => {
        serving = undefined;
        await database.stop();
        await apollo?.stop().catch(() => undefined);
        throw error;
      });
      return starting;
    },
    stop() {
      stopping ??= (async () => {
        await starting?.catch(() => undefined);
        await database.stop();
        if (apollo) await apollo.stop(); // drains httpServer (ApolloServerPluginDrainHttpServer)
        if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        serving = undefined;
        if (ownsDriver) await driver.close();
      })();
      return stopping;
    },
  };
}

interface ApolloParts {
  config: Config;
  logger: Logger;
  httpServer: http.Server;
  database: DatabaseMonitor;
  requestLog: RequestLog;
  executor?: OperationExecutor;
  stopGracePeriodMs?: number;
}

/** Apollo Server with the API's schema, the server's error formatting and its plugins. */
function createApollo(schema: GraphQLSchema, { config, logger, httpServer, database, requestLog, executor, stopGracePeriodMs }: ApolloParts): ApolloServer<Context> {
  const { maxDepth, maxAliases, maxCost } = config.limits;
  const formatError = createFormatError(logger.child({ component: 'graphql' }), {
    onConnectivityError: (e) => database.markUnreachable(e),
    requestIdOf: (e) => requestLog.requestIdOf(e),
  });
  return new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // main.ts owns the signals and the shutdown order
    maxRecursiveSelections: true,
    nodeEnv: config.nodeEnv,
    logger: logger.child({ component: 'apollo' }),
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: stopGracePeriodMs }),
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      requestPlugin({ limits: { maxDepth, maxAliases, maxCost }, database, requestLog }),
      // after requestPlugin: Apollo asks plugins in order, and this one answers every operation
      ...(executor ? [compiledExecutionPlugin({ schema, executor, formatError, requestLog })] : []),
      // cache-control: no-store is set by requestPlugin; Apollo's plugin would compute cache hints for every field
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}

/** Listens on host:port; a port in use or an address not of this machine is said in words. */
function listen(httpServer: http.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      httpServer.off('listening', onListening);
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`PORT ${port} is already in use on ${host}; stop the other process or set PORT to a free port`)
          : error.code === 'EADDRNOTAVAIL'
            ? new Error(`HOST ${host} is not an address of this machine; set HOST (e.g. 127.0.0.1 or 0.0.0.0)`)
            : error,
      );
    };
    const onListening = () => {
      httpServer.off('error', onError);
      resolve();
    };
    httpServer.once('error', onError);
    httpServer.once('listening', onListening);
    httpServer.listen(port, host);
  });
}
