/**
 * One log line per HTTP request, and the request id every other line about the request carries.
 *
 * A request's state is created when it arrives (`begin`), kept on the response object (under a symbol), and
 * filled in by the context function and the Apollo plugin. The line holds only fields the server sets (ids,
 * names, numbers, codes; never headers, keys or variables), so it is written by a child logger without the
 * redaction paths, which spares pino passing every field of every line through the redactor. The line costs
 * nothing when its level is off: nothing is listened to then.
 */
import { randomUUID } from 'crypto';
import type * as http from 'http';
import type { Context, Role } from '../api/context';
import type { Logger } from './logger';
import type { OperationMeasure } from './plugins/queryLimits';

/** One HTTP request as its log line reports it. */
export interface RequestState {
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

/** The state of the request `res` answers, once `begin` has run. */
export const stateOf = (res: http.ServerResponse): RequestState | undefined => (res as WithState)[STATE];

const isProbe = (path: string) => path === '/health' || path === '/ready';

export class RequestLog {
  private readonly lineLogger: Logger;
  // Apollo hands plugins a shallow clone of the context, so a request's state is found through the `stats`
  // object the clone shares with the original
  private readonly byStats = new WeakMap<object, RequestState>();
  // errors seen by a request → its id, for the lines formatError writes (it is not told the request)
  private readonly errorRequest = new WeakMap<object, string>();
  private readonly onClose: (this: http.ServerResponse) => void;

  constructor(private readonly logger: Logger) {
    this.lineLogger = logger.child({}, { redact: [] });
    const log = this;
    // one listener for every response: it is called with the response as `this`
    this.onClose = function (this: http.ServerResponse) {
      log.write(this);
    };
  }

  /** Gives the request an id and the security headers, and writes its line when the response closes. */
  begin(req: http.IncomingMessage, res: http.ServerResponse, path: string): RequestState {
    const reqId = randomUUID();
    // the level is looked up per request (it may be changed at run time)
    const logging = this.logger.isLevelEnabled(isProbe(path) ? 'debug' : 'info');
    const state: RequestState = { reqId, started: logging ? process.hrtime.bigint() : 0n, method: req.method ?? '', path, logging, logged: false };
    (res as WithState)[STATE] = state;
    res.setHeader('x-request-id', reqId);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    // 'close' follows 'finish' on every response, and alone when the connection went away first
    if (logging) res.on('close', this.onClose);
    return state;
  }

  /** Ties a GraphQL context to its request. */
  attach(ctx: Context, state: RequestState): void {
    this.byStats.set(ctx.stats, state);
  }

  /** The request of a GraphQL context (or of Apollo's clone of it). */
  stateFor(ctx: unknown): RequestState | undefined {
    const stats = (ctx as Partial<Context> | undefined)?.stats;
    return stats ? this.byStats.get(stats) : undefined;
  }

  /** Remembers which request raised `error`. */
  noteError(error: unknown, state: RequestState): void {
    if (error && typeof error === 'object') this.errorRequest.set(error, state.reqId);
  }

  /** The id of the request that raised `error`, if noted. */
  requestIdOf(error: object): string | undefined {
    return this.errorRequest.get(error);
  }

  /** Writes the line of the request `res` answered (once). */
  private write(res: http.ServerResponse): void {
    const state = stateOf(res);
    if (!state || state.logged) return;
    state.logged = true;
    const log = this.lineLogger;
    if (log.level !== this.logger.level) log.level = this.logger.level; // a child does not follow its parent
    const aborted = !res.writableFinished;
    const durationMs = Math.round(Number(process.hrtime.bigint() - state.started) / 1e4) / 100;
    const { reqId, method, path } = state;
    const line: Record<string, unknown> = { reqId, method, path, status: res.statusCode, durationMs };
    if (aborted) line.aborted = true;
    if (path === '/graphql') {
      const codes = state.errorCodes ?? [];
      line.operationName = state.operationName ?? null;
      line.operationType = state.operationType;
      line.role = state.role;
      line.roundTrips = state.ctx?.stats.roundTrips ?? 0;
      line.depth = state.measure?.depth;
      line.cost = state.measure?.cost;
      line.outcome = res.statusCode >= 400 || aborted ? 'error' : codes.length === 0 ? 'ok' : state.hasData ? 'partial' : 'error';
      line.errorCodes = codes.length ? codes : undefined;
      log.info(line, 'graphql request');
    } else if (isProbe(path)) {
      log.debug(line, 'http request');
    } else {
      log.info(line, 'http request');
    }
  }
}
