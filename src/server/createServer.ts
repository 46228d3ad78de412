/**
 * The HTTP server: node:http + express 5 + Apollo Server 5.
 *
 *   GET  /health   200 {status:'ok'} while the process is up and can work, else 503 {reason} (see ServerDeps.liveness)
 *   GET  /ready    200 when Neo4j answers RETURN 1 within 2 s and the schema is applied, else 503 {reason}
 *   /graphql       the API (POST JSON, or GET for queries); Apollo Sandbox on GET with Accept: text/html
 *                  outside production
 *   /, /explorer   the graph explorer page (src/explorer; 503 with build instructions until built)
 *
 * Order of checks for /graphql: CORS → body size (413) → CSRF (Apollo) → auth (401 UNAUTHENTICATED) →
 * parse/validate → query limits (QUERY_TOO_COMPLEX) → database availability (503 SERVICE_UNAVAILABLE) →
 * resolvers. Everything before "resolvers" makes no database call.
 *
 * Every request costs: this is a fixed overhead on each query. So the usual /graphql requests (POST of
 * UTF-8 JSON, GET) take a lean path that skips express (its router, body-parser, res.send cost more than
 * Apollo itself on a small query) and reads the body itself with the same limit and answers; the rest of
 * /graphql (preflights, compressed bodies, other charsets or types) and every other path go through
 * express. One Apollo plugin with one listener object does the request's bookkeeping, limits and
 * availability; the per-document limits measure is cached; the request log line costs nothing when its
 * level is off. `bench/query/stackOverhead.ts` measures the stack against plain Apollo and node:http.
 */
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { randomUUID } from 'crypto';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { Driver } from 'neo4j-driver';
import { buildApiSchema, createCompiledExecutor } from '../api';
import { executeWith } from './compiledExecution';
import { type ApiDeps, type Context, type Role, createContext } from '../api/context';
import { ApiError } from '../api/errors';
import type { Config } from '../config';
import { explorerRouter } from '../explorer';
import { createDriver } from '../graph/driver';
import { KeyRing } from './auth';
import { applyCors, corsMiddleware } from './cors';
import { type Availability, DatabaseMonitor } from './database';
import { createFormatError } from './errors';
import { createLogger, type Logger } from './logger';
import { duplicateMemberMessage, verifyNoDuplicateMembers } from './strictJson';
import { cachedMeasure, limitError, type OperationMeasure, type QueryLimits } from './plugins/queryLimits';

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
  /** what /health asks besides "the process is up" (main.ts: whether the embedded Neo4j could be kept running) */
  liveness?: () => Availability;
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

/**
 * One HTTP request as the log line reports it; created when the request arrives, kept on the response
 * object (under a symbol), filled in by the context function and the Apollo plugin.
 */
interface RequestState {
  reqId: string;
  started: bigint;
  method: string;
  /** never the query string: GET /graphql?query=...&variables=... */
  path: string;
  /** the line will be written (its level is enabled): only then are the GraphQL details collected */
  logging: boolean;
  logged: boolean;
  role?: Role;
  ctx?: Context;
  operationName?: string | null;
  operationType?: string;
  measure?: OperationMeasure;
  errorCodes?: string[];
  hasData?: boolean;
}

const STATE = Symbol('kg.request');
type WithState = http.ServerResponse & { [STATE]?: RequestState };
const stateOf = (res: http.ServerResponse): RequestState | undefined => (res as WithState)[STATE];

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON error answer (also used before express has touched the response, so plain node:http). */
function jsonError(res: http.ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader('content-type', JSON_TYPE);
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** body-parser's json() accepts only an object or an array, after JSON whitespace */
const FIRST_NON_SPACE = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/;

/** `application/json`, optionally with charset utf-8: what the lean /graphql path reads itself */
const PLAIN_JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * Whether a request to /graphql can take the lean path (no express): GET without a body, or POST with a
 * JSON body in UTF-8 and no content encoding. Everything else (OPTIONS preflights, other content types,
 * charsets or encodings, trailing-slash or differently cased paths) goes through express and body-parser,
 * whose answers the lean path reproduces for the requests it takes.
 */
function takesLeanPath(req: http.IncomingMessage): boolean {
  const url = req.url ?? '';
  if (!url.startsWith('/graphql') || (url.length > 8 && url.charCodeAt(8) !== 63 /* ? */)) return false;
  const h = req.headers;
  const hasBody = h['transfer-encoding'] !== undefined || h['content-length'] !== undefined;
  if (req.method === 'GET') return !hasBody;
  if (req.method !== 'POST') return false;
  const encoding = h['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const type = h['content-type'];
  return type !== undefined && (type === JSON_TYPE || type === 'application/json' || PLAIN_JSON_TYPE.test(type));
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
  const allowedOrigins = new Set(config.corsOrigins);
  const bodyLimit = config.limits.bodyLimitBytes;
  // Apollo hands plugins a shallow clone of the context, so request state is found through the `stats`
  // object the clone shares with the original
  const contextState = new WeakMap<object, RequestState>();
  const stateFor = (ctx: unknown): RequestState | undefined => {
    const stats = (ctx as Partial<Context> | undefined)?.stats;
    return stats ? contextState.get(stats) : undefined;
  };
  // errors seen by a request → its id, for the log lines formatError writes (it is not told the request)
  const errorRequest = new WeakMap<object, string>();

  // ---- request id, security headers, one log line per request
  // The request line holds only fields the server sets (ids, names, numbers, codes; never headers, keys or
  // variables), so the redaction paths cannot match anything in it: it is written by a child without them,
  // which spares pino passing every field of every line through the redactor. Other lines keep redaction.
  const requestLog = logger.child({}, { redact: [] });
  function writeLogLine(this: http.ServerResponse): void {
    const state = stateOf(this);
    if (!state || state.logged) return;
    state.logged = true;
    if (requestLog.level !== logger.level) requestLog.level = logger.level; // a child does not follow its parent
    const aborted = !this.writableFinished;
    const durationMs = Math.round(Number(process.hrtime.bigint() - state.started) / 1e4) / 100;
    const { reqId, method, path } = state;
    const line: Record<string, unknown> = { reqId, method, path, status: this.statusCode, durationMs };
    if (aborted) line.aborted = true;
    if (path === '/graphql') {
      const codes = state.errorCodes ?? [];
      line.operationName = state.operationName ?? null;
      line.operationType = state.operationType;
      line.role = state.role;
      line.roundTrips = state.ctx?.stats.roundTrips ?? 0;
      line.depth = state.measure?.depth;
      line.cost = state.measure?.cost;
      line.outcome = this.statusCode >= 400 || aborted ? 'error' : codes.length === 0 ? 'ok' : state.hasData ? 'partial' : 'error';
      line.errorCodes = codes.length ? codes : undefined;
      requestLog.info(line, 'graphql request');
    } else if (path === '/health' || path === '/ready') {
      requestLog.debug(line, 'http request');
    } else {
      requestLog.info(line, 'http request');
    }
  }

  function beginRequest(req: http.IncomingMessage, res: http.ServerResponse, path: string): RequestState {
    const reqId = randomUUID();
    // the level is looked up per request (it may be changed at run time); nothing is listened to when off
    const logging = logger.isLevelEnabled(path === '/health' || path === '/ready' ? 'debug' : 'info');
    const state: RequestState = { reqId, started: logging ? process.hrtime.bigint() : 0n, method: req.method ?? '', path, logging, logged: false };
    (res as WithState)[STATE] = state;
    res.setHeader('x-request-id', reqId);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    // 'close' follows 'finish' on every response, and alone when the connection went away first
    if (logging) res.on('close', writeLogLine);
    return state;
  }

  const app = express();
  // /graphql requests that the lean path can read skip express; everything else is express's
  const httpServer = http.createServer((req, res) => {
    if (takesLeanPath(req)) leanGraphql(req, res);
    else app(req, res);
  });
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((req, res, next) => {
    const state = beginRequest(req, res, req.path);
    res.locals.reqId = state.reqId;
    next();
  });

  // ---- health and readiness
  app.get('/health', (_req, res) => {
    const live = deps.liveness?.() ?? { ok: true };
    if (live.ok) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'failed', reason: live.reason });
  });
  app.get('/ready', async (_req, res) => {
    const r = await database.readiness();
    if (r.ok) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'unavailable', reason: r.reason });
  });

  // ---- GraphQL
  let apollo: ApolloServer<Context> | undefined;
  /** the started Apollo server while /graphql is served (undefined before start and after stop) */
  let serving: ApolloServer<Context> | undefined;

  /** The caller's role, then the request's context (throws UNAUTHENTICATED). */
  function contextFor(req: http.IncomingMessage, state: RequestState | undefined): Context {
    let role: Role;
    try {
      role = keys.roleFromHeader(req.headers.authorization, config.auth.readsRequireKey);
    } catch (error) {
      if (state) {
        state.errorCodes = ['UNAUTHENTICATED'];
        if (error && typeof error === 'object') errorRequest.set(error, state.reqId);
      }
      throw error;
    }
    const ctx = createContext(apiDeps, role);
    if (state) {
      state.role = role;
      state.ctx = ctx;
      contextState.set(ctx.stats, state);
    }
    return ctx;
  }

  /** Runs one GraphQL request through Apollo and writes the answer (the body is read already). */
  async function runGraphql(req: http.IncomingMessage, res: http.ServerResponse, body: unknown): Promise<void> {
    const server = serving;
    if (!server) {
      jsonError(res, 503, 'SERVICE_UNAVAILABLE', 'the server is starting; try again shortly');
      return;
    }
    const state = stateOf(res);
    try {
      const headers = new HeaderMap();
      const raw = req.headers;
      for (const key in raw) {
        const value = raw[key];
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = req.url ?? '';
      const q = url.indexOf('?');
      const hash = url.indexOf('#', q);
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: (req.method ?? 'GET').toUpperCase(),
          headers,
          search: q < 0 ? '' : hash < 0 ? url.slice(q) : url.slice(q, hash),
          body,
        },
        context: async () => contextFor(req, state),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status || 200;
      if (response.body.kind === 'complete') {
        const type = res.getHeader('content-type');
        if (typeof type === 'string' && type !== JSON_TYPE && !/;\s*charset=/i.test(type)) res.setHeader('content-type', `${type}; charset=utf-8`);
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (err) {
      logger.error({ reqId: state?.reqId, err }, 'unhandled error while serving a request');
      if (res.headersSent) res.destroy();
      else jsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  }

  /**
   * /graphql without express: request id and log line, CORS, the body read here (limit, strict JSON as
   * body-parser's json() reads it), then Apollo. Only requests that `takesLeanPath` get here.
   */
  function leanGraphql(req: http.IncomingMessage, res: http.ServerResponse): void {
    beginRequest(req, res, '/graphql');
    if (applyCors(allowedOrigins, req, res)) return;
    const h = req.headers;
    if (h['transfer-encoding'] === undefined && h['content-length'] === undefined) {
      void runGraphql(req, res, undefined); // GET: the operation is in the query string
      return;
    }
    const declared = h['content-length'] === undefined ? undefined : Number(h['content-length']);
    let tooLarge = declared !== undefined && declared > bodyLimit;
    const chunks: Buffer[] = [];
    let received = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return; // drained, not kept
      received += chunk.length;
      if (received > bodyLimit) {
        tooLarge = true;
        chunks.length = 0;
      } else {
        chunks.push(chunk);
      }
    });
    req.on('error', () => {
      failed = true;
      jsonError(res, 400, 'BAD_REQUEST', 'the request could not be read');
    });
    req.on('end', () => {
      if (failed) return;
      if (tooLarge) {
        jsonError(res, 413, 'PAYLOAD_TOO_LARGE', `the request body is larger than the limit of ${config.limits.bodyLimit}`);
        return;
      }
      if (declared !== undefined && received !== declared) {
        jsonError(res, 400, 'BAD_REQUEST', 'the request could not be read');
        return;
      }
      let text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // body-parser (iconv-lite) drops a BOM
      let body: unknown;
      if (text.length === 0) {
        body = {}; // as body-parser's json(): an empty body is {}
      } else {
        const c = text.charCodeAt(0);
        const first = c === 123 || c === 91 ? text[0] : FIRST_NON_SPACE.exec(text)?.[1];
        try {
          if (first !== '{' && first !== '[') throw new SyntaxError('not a JSON object or array'); // json() is strict
          body = JSON.parse(text);
        } catch {
          jsonError(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
          return;
        }
        const duplicate = duplicateMemberMessage(text);
        if (duplicate) return jsonError(res, 400, 'BAD_REQUEST', duplicate);
      }
      void runGraphql(req, res, body);
    });
  }

  const ensureBody: RequestHandler = (req, _res, next) => {
    // express 5 leaves req.body unset when no parser ran (e.g. text/plain); Apollo needs the property to
    // exist so that its CSRF check, not a 500, answers such requests
    if (!('body' in req)) (req as { body?: unknown }).body = undefined;
    next();
  };
  // the same route through express, for what the lean path does not read itself (see takesLeanPath)
  app.all('/graphql', corsMiddleware(config.corsOrigins), express.json({ limit: bodyLimit, verify: verifyNoDuplicateMembers }), ensureBody, (req, res) => runGraphql(req, res, req.body));

  // the explorer page (src/explorer): / and /explorer/*, from dist/explorer once built
  app.use(explorerRouter());

  app.use((_req, res) => jsonError(res, 404, 'NOT_FOUND', 'no such endpoint; the API is at /graphql'));

  const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
    const e = err as { type?: string; status?: number; statusCode?: number };
    if (e.type === 'entity.too.large') {
      jsonError(res, 413, 'PAYLOAD_TOO_LARGE', `the request body is larger than the limit of ${config.limits.bodyLimit}`);
    } else if (e.type === 'entity.parse.failed') {
      jsonError(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
    } else if (e.type === 'entity.duplicate.member') {
      jsonError(res, 400, 'BAD_REQUEST', (err as Error).message);
    } else if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
      jsonError(res, 415, 'BAD_REQUEST', 'unsupported content encoding or charset');
    } else if ((e.status ?? e.statusCode ?? 500) < 500 && typeof e.type === 'string') {
      jsonError(res, e.status ?? e.statusCode ?? 400, 'BAD_REQUEST', 'the request could not be read');
    } else {
      logger.error({ reqId: stateOf(res)?.reqId, err }, 'unhandled error while serving a request');
      jsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };
  app.use(errorHandler);

  // ---- the Apollo plugin of our own: one listener object for every request (no per-request closures)
  const measure = cachedMeasure();
  const limits: QueryLimits = { maxDepth: config.limits.maxDepth, maxAliases: config.limits.maxAliases, maxCost: config.limits.maxCost };
  const listener: GraphQLRequestListener<Context> = {
    async didResolveOperation({ contextValue, operation, operationName, schema, document, request }) {
      const state = stateFor(contextValue);
      if (state) {
        state.operationName = operationName;
        state.operationType = operation?.operation;
      }
      if (!operation) return; // Apollo reports a missing/ambiguous operation itself
      // limits first: a too-complex operation is refused even while the database is down
      const m = measure(schema, document, operation, request.variables);
      if (state) state.measure = m;
      const tooComplex = limitError(m, limits);
      if (tooComplex) throw tooComplex;
      // database availability; introspection-only operations never touch the database
      const introspectionOnly = operation.selectionSet.selections.every((s) => s.kind === 'Field' && s.name.value.startsWith('__'));
      if (introspectionOnly) return;
      const a = database.availability();
      if (!a.ok) {
        throw new ApiError('SERVICE_UNAVAILABLE', a.reason, {
          http: { status: 503, headers: new HeaderMap([['retry-after', '5']]) },
        });
      }
    },
    async didEncounterErrors({ contextValue, errors }) {
      // formatError is not told the request: it finds the request id of what it logs here
      const state = stateFor(contextValue);
      if (state) for (const e of errors) errorRequest.set(e, state.reqId);
    },
    async willSendResponse({ contextValue, response }) {
      // API answers are never cached (what Apollo's cache-control plugin, disabled below, answered too)
      response.http.headers.set('cache-control', 'no-store');
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
      const state = stateFor(contextValue);
      if (state?.logging) {
        state.errorCodes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
        state.hasData = !!result.data && Object.values(result.data).some((v) => v !== null && v !== undefined);
      }
    },
  };
  const kgPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return listener;
    },
  };

  let url: string | undefined;
  let starting: Promise<{ url: string }> | undefined;
  let stopping: Promise<void> | undefined;

  async function doStart(): Promise<{ url: string }> {
    const schema = deps.schema ?? (await buildApiSchema());
    executeWith(schema, createCompiledExecutor(schema));
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
        requestIdOf: (e) => errorRequest.get(e),
      }),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: deps.stopGracePeriodMs }),
        config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
        kgPlugin,
        // cache-control: no-store is set by kgPlugin; Apollo's plugin would compute cache hints for every field
        ApolloServerPluginCacheControlDisabled(),
      ],
    });
    await server.start();
    apollo = server;
    serving = server;
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
          serving = undefined;
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
          serving = undefined;
          if (ownsDriver) await driver.close();
        })();
      }
      return stopping;
    },
  };
}
