/**
 * The HTTP server: express 5 + Apollo Server 5.
 *
 *   GET  /health   200 {status:'ok'} while the process is up
 *   GET  /ready    200 when Neo4j answers RETURN 1 within 2 s and the schema is applied, else 503 {reason}
 *   /graphql       the API (POST JSON, or GET for queries); Apollo Sandbox on GET with Accept: text/html
 *                  outside production
 *   /, /explorer   the graph explorer page (src/explorer; 503 with build instructions until built)
 *
 * Order of checks for /graphql: CORS → body size (413) → CSRF (Apollo) → auth (401 UNAUTHENTICATED) →
 * parse/validate → query limits (QUERY_TOO_COMPLEX) → database availability (503 SERVICE_UNAVAILABLE) →
 * resolvers. Everything before "resolvers" makes no database call.
 */
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { randomUUID } from 'crypto';
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { Driver } from 'neo4j-driver';
import { buildApiSchema } from '../api';
import { type ApiDeps, type Context, type Role, createContext } from '../api/context';
import { ApiError } from '../api/errors';
import type { Config } from '../config';
import { explorerRouter } from '../explorer';
import { createDriver } from '../graph/driver';
import { KeyRing } from './auth';
import { corsMiddleware } from './cors';
import { DatabaseMonitor } from './database';
import { createFormatError } from './errors';
import { createLogger, type Logger, requestScope } from './logger';
import { type OperationMeasure, queryLimitsPlugin } from './plugins/queryLimits';

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

/** What the request log line reports about one GraphQL request. */
interface RequestInfo {
  role?: Role;
  ctx?: Context;
  operationName?: string | null;
  operationType?: string;
  measure?: OperationMeasure;
  errorCodes?: string[];
  hasData?: boolean;
}

const infoOf = (res: Response): RequestInfo => {
  const locals = res.locals as { kg?: RequestInfo };
  if (!locals.kg) locals.kg = {};
  return locals.kg;
};

function jsonError(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export function createServer(config: Config, deps: ServerDeps = {}): KgServer {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const ownsDriver = !deps.driver;
  let driver = deps.driver;
  if (!driver) {
    if (!config.neo4j.uri) throw new Error('createServer needs deps.driver, or config.neo4j.uri to create one');
    driver = createDriver({ ...config.neo4j, uri: config.neo4j.uri });
  }
  const apiDeps: ApiDeps = {
    driver,
    database: config.neo4j.database,
    transactionTimeoutMs: config.limits.transactionTimeoutMs,
  };
  const database = new DatabaseMonitor({
    driver,
    database: config.neo4j.database,
    logger: logger.child({ component: 'neo4j' }),
    schemaApplied: deps.schemaApplied,
    applySchema: deps.applySchema,
    retryMs: deps.retryMs,
  });
  const keys = new KeyRing(config.auth.editorKeys, config.auth.readerKeys);
  // Apollo hands plugins a shallow clone of the context, so request info is found through the `stats`
  // object the clone shares with the original
  const contextInfo = new WeakMap<object, RequestInfo>();
  const infoFor = (ctx: unknown): RequestInfo | undefined => {
    const stats = (ctx as Partial<Context> | undefined)?.stats;
    return stats ? contextInfo.get(stats) : undefined;
  };

  const app = express();
  const httpServer = http.createServer(app);
  app.disable('x-powered-by');
  app.set('etag', false);

  // ---- request id, security headers, one log line per request
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const reqId = randomUUID();
    const path = req.path; // never the query string: GET /graphql?query=...&variables=...
    res.locals.reqId = reqId;
    res.setHeader('x-request-id', reqId);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    let logged = false;
    const log = (aborted: boolean) => {
      if (logged) return;
      logged = true;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      const line: Record<string, unknown> = { reqId, method: req.method, path, status: res.statusCode, durationMs };
      if (aborted) line.aborted = true;
      if (path === '/graphql') {
        const info = infoOf(res);
        const codes = info.errorCodes ?? [];
        Object.assign(line, {
          operationName: info.operationName ?? null,
          operationType: info.operationType,
          role: info.role,
          roundTrips: info.ctx?.stats.roundTrips ?? 0,
          depth: info.measure?.depth,
          cost: info.measure?.cost,
          outcome: res.statusCode >= 400 || aborted ? 'error' : codes.length === 0 ? 'ok' : info.hasData ? 'partial' : 'error',
          errorCodes: codes.length ? codes : undefined,
        });
        logger.info(line, 'graphql request');
      } else if (path === '/health' || path === '/ready') {
        logger.debug(line, 'http request');
      } else {
        logger.info(line, 'http request');
      }
    };
    res.once('finish', () => log(false));
    res.once('close', () => log(!res.writableFinished));
    next();
  });

  // ---- health and readiness
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const r = await database.readiness();
    if (r.ok) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'unavailable', reason: r.reason });
  });

  // ---- GraphQL
  let graphqlHandler: RequestHandler | undefined;
  const ensureBody: RequestHandler = (req, _res, next) => {
    // express 5 leaves req.body unset when no parser ran (e.g. text/plain); Apollo needs the property to
    // exist so that its CSRF check, not a 500, answers such requests
    if (!('body' in req)) (req as { body?: unknown }).body = undefined;
    next();
  };
  app.all(
    '/graphql',
    corsMiddleware(config.corsOrigins),
    express.json({ limit: config.limits.bodyLimitBytes }),
    ensureBody,
    (req, res, next) => {
      if (!graphqlHandler) {
        jsonError(res, 503, 'SERVICE_UNAVAILABLE', 'the server is starting; try again shortly');
        return;
      }
      const handler = graphqlHandler;
      requestScope.run({ reqId: String(res.locals.reqId) }, () => handler(req, res, next));
    },
  );

  // the explorer page (src/explorer): / and /explorer/*, from dist/explorer once built
  app.use(explorerRouter());

  app.use((_req, res) => jsonError(res, 404, 'NOT_FOUND', 'no such endpoint; the API is at /graphql'));

  const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
    const e = err as { type?: string; status?: number; statusCode?: number };
    if (e.type === 'entity.too.large') {
      jsonError(res, 413, 'PAYLOAD_TOO_LARGE', `the request body is larger than the limit of ${config.limits.bodyLimit}`);
    } else if (e.type === 'entity.parse.failed') {
      jsonError(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
    } else if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
      jsonError(res, 415, 'BAD_REQUEST', 'unsupported content encoding or charset');
    } else if ((e.status ?? e.statusCode ?? 500) < 500 && typeof e.type === 'string') {
      jsonError(res, e.status ?? e.statusCode ?? 400, 'BAD_REQUEST', 'the request could not be read');
    } else {
      logger.error({ reqId: res.locals.reqId, err }, 'unhandled error while serving a request');
      jsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };
  app.use(errorHandler);

  // ---- Apollo plugins of our own
  const requestInfoPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, operationName }) {
          const info = infoFor(contextValue);
          if (info) {
            info.operationName = operationName;
            info.operationType = operation?.operation;
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors && contextValue.role === 'anonymous') {
            // anonymous callers are not "forbidden": they have not said who they are
            result.errors = result.errors.map((e) =>
              e.extensions?.code === 'FORBIDDEN'
                ? { ...e, message: 'an API key is required (Authorization: Bearer <key>)', extensions: { ...e.extensions, code: 'UNAUTHENTICATED' } }
                : e,
            );
          }
          const info = infoFor(contextValue);
          if (info) {
            info.errorCodes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
            info.hasData = !!result.data && Object.values(result.data).some((v) => v !== null && v !== undefined);
          }
        },
      };
    },
  };

  const availabilityPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (!operation) return;
          // introspection-only operations never touch the database
          const introspectionOnly = operation.selectionSet.selections.every(
            (s) => s.kind === 'Field' && s.name.value.startsWith('__'),
          );
          if (introspectionOnly) return;
          const a = database.availability();
          if (!a.ok) {
            throw new ApiError('SERVICE_UNAVAILABLE', a.reason, {
              http: { status: 503, headers: new HeaderMap([['retry-after', '5']]) },
            });
          }
        },
      };
    },
  };

  let apollo: ApolloServer<Context> | undefined;
  let url: string | undefined;
  let starting: Promise<{ url: string }> | undefined;
  let stopping: Promise<void> | undefined;

  async function doStart(): Promise<{ url: string }> {
    const schema = deps.schema ?? (await buildApiSchema());
    const server = new ApolloServer<Context>({
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
      formatError: createFormatError(logger.child({ component: 'graphql' }), {
        onConnectivityError: (e) => database.markUnreachable(e),
      }),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: deps.stopGracePeriodMs }),
        config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
        requestInfoPlugin,
        // limits first: a too-complex operation is refused even while the database is down
        queryLimitsPlugin(
          { maxDepth: config.limits.maxDepth, maxAliases: config.limits.maxAliases, maxCost: config.limits.maxCost },
          (ctx, m) => {
            const info = infoFor(ctx);
            if (info) info.measure = m;
          },
        ) as ApolloServerPlugin<Context>,
        availabilityPlugin,
      ],
    });
    await server.start();
    apollo = server;
    graphqlHandler = expressMiddleware(server, {
      context: async ({ req, res }): Promise<Context> => {
        const info = infoOf(res);
        let role: Role;
        try {
          role = keys.roleFromHeader(req.headers.authorization, config.auth.readsRequireKey);
        } catch (error) {
          info.errorCodes = ['UNAUTHENTICATED'];
          throw error;
        }
        const ctx = createContext(apiDeps, role);
        info.role = role;
        info.ctx = ctx;
        contextInfo.set(ctx.stats, info);
        return ctx;
      },
    });
    database.start();

    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        httpServer.off('listening', onListening);
        reject(
          error.code === 'EADDRINUSE'
            ? new Error(`PORT ${config.port} is already in use on ${config.host}; stop the other process or set PORT to a free port`)
            : error.code === 'EADDRNOTAVAIL'
              ? new Error(`HOST ${config.host} is not an address of this machine; set HOST (e.g. 127.0.0.1 or 0.0.0.0)`)
              : error,
        );
      };
      const onListening = () => {
        httpServer.off('error', onError);
        resolve();
      };
      httpServer.once('error', onError);
      httpServer.once('listening', onListening);
      httpServer.listen(config.port, config.host);
    });
    const { port } = httpServer.address() as AddressInfo;
    const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
    url = `http://${shownHost}:${port}/graphql`;
    return { url };
  }

  return {
    app,
    httpServer,
    database,
    logger,
    start() {
      if (stopping) return Promise.reject(new Error('the server has been stopped'));
      if (!starting) {
        starting = doStart().catch(async (error: unknown) => {
          await database.stop();
          await apollo?.stop().catch(() => undefined);
          throw error;
        });
      }
      return starting;
    },
    stop() {
      if (!stopping) {
        stopping = (async () => {
          await starting?.catch(() => undefined);
          await database.stop();
          if (apollo) await apollo.stop(); // drains httpServer (ApolloServerPluginDrainHttpServer)
          if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
          graphqlHandler = undefined;
          if (ownsDriver) await driver.close();
        })();
      }
      return stopping;
    },
  };
}
