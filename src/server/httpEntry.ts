/**
 * The HTTP entry: node:http's server, whose /graphql requests that `takesLeanPath` accepts skip express
 * (`leanBody.ts`), and the express app for the rest: health (`health.ts`), the same /graphql route with CORS
 * and body-parser, the explorer page, 404, and the answers to bodies express could not read.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import * as http from 'http';
import { explorerRouter } from '../explorer';
import { applyCors, corsMiddleware } from './cors';
import type { GraphqlHandler } from './graphqlHandler';
import { type HealthChecks, healthRoutes } from './health';
import { jsonError } from './jsonError';
import { type BodyLimit, readLeanBody, takesLeanPath } from './leanBody';
import type { Logger } from './logger';
import { type RequestLog, stateOf } from './requestLog';
import { verifyNoDuplicateMembers } from './strictJson';

export interface HttpEntryOptions {
  corsOrigins: string[];
  bodyLimit: BodyLimit;
  health: HealthChecks;
  graphql: GraphqlHandler;
  requestLog: RequestLog;
  logger: Logger;
}

export function createHttpEntry(o: HttpEntryOptions): { app: express.Express; httpServer: http.Server } {
  const allowedOrigins = new Set(o.corsOrigins);
  const app = express();
  const httpServer = http.createServer((req, res) => {
    if (!takesLeanPath(req)) return app(req, res);
    o.requestLog.begin(req, res, '/graphql');
    if (applyCors(allowedOrigins, req, res)) return;
    readLeanBody(req, res, o.bodyLimit, (body) => void o.graphql(req, res, body));
  });
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((req, res, next) => {
    res.locals.reqId = o.requestLog.begin(req, res, req.path).reqId;
    next();
  });
  app.use(healthRoutes(o.health));

  const ensureBody: RequestHandler = (req, _res, next) => {
    // express 5 leaves req.body unset when no parser ran (e.g. text/plain); Apollo needs the property to
    // exist so that its CSRF check, not a 500, answers such requests
    if (!('body' in req)) (req as { body?: unknown }).body = undefined;
    next();
  };
  app.all('/graphql', corsMiddleware(o.corsOrigins), express.json({ limit: o.bodyLimit.bytes, verify: verifyNoDuplicateMembers }), ensureBody, (req, res) => o.graphql(req, res, req.body));

  // the explorer page (src/explorer): / and /explorer/*, from dist/explorer once built
  app.use(explorerRouter());
  app.use((_req, res) => jsonError(res, 404, 'NOT_FOUND', 'no such endpoint; the API is at /graphql'));
  app.use(unreadableBody(o.bodyLimit, o.logger));
  return { app, httpServer };
}

/** What a client is told when express could not read its request; anything else is ours, logged. */
function unreadableBody(limit: BodyLimit, logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const e = err as { type?: string; status?: number; statusCode?: number };
    if (e.type === 'entity.too.large') {
      jsonError(res, 413, 'PAYLOAD_TOO_LARGE', `the request body is larger than the limit of ${limit.text}`);
    } else if (e.type === 'entity.parse.failed') {
      jsonError(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
    } else if (e.type === 'entity.invalid.utf8') {
      jsonError(res, 400, 'INVALID_UTF8', (err as Error).message);
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
}
