/**
 * Runs one /graphql request through Apollo once its body is read (by `leanBody.ts` or express), with the
 * caller's role and the request's context, and writes Apollo's answer to node:http's response.
 */
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type * as http from 'http';
import { type ApiDeps, type Context, type Role, createContext } from '../api/context';
import type { KeyRing } from './auth';
import { JSON_TYPE, jsonError } from './jsonError';
import type { Logger } from './logger';
import { type RequestLog, type RequestState, stateOf } from './requestLog';

export interface GraphqlHandlerOptions {
  /** the started Apollo server while /graphql is served (undefined before start and after stop) */
  serving: () => ApolloServer<Context> | undefined;
  apiDeps: ApiDeps;
  keys: KeyRing;
  readsRequireKey: boolean;
  requestLog: RequestLog;
  logger: Logger;
}

export type GraphqlHandler = (req: http.IncomingMessage, res: http.ServerResponse, body: unknown) => Promise<void>;

export function graphqlHandler(o: GraphqlHandlerOptions): GraphqlHandler {
  /** The caller's role, then the request's context (throws UNAUTHENTICATED). */
  function contextFor(req: http.IncomingMessage, state: RequestState | undefined): Context {
    let role: Role;
    try {
      role = o.keys.roleFromHeader(req.headers.authorization, o.readsRequireKey);
    } catch (error) {
      if (state) {
        state.errorCodes = ['UNAUTHENTICATED'];
        o.requestLog.noteError(error, state);
      }
      throw error;
    }
    const ctx = createContext(o.apiDeps, role);
    if (state) {
      state.role = role;
      state.ctx = ctx;
      o.requestLog.attach(ctx, state);
    }
    return ctx;
  }

  return async (req, res, body) => {
    const server = o.serving();
    if (!server) {
      jsonError(res, 503, 'SERVICE_UNAVAILABLE', 'the server is starting; try again shortly');
      return;
    }
    const state = stateOf(res);
    try {
      const url = req.url ?? '';
      const q = url.indexOf('?');
      const hash = url.indexOf('#', q);
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: (req.method ?? 'GET').toUpperCase(),
          headers: headerMap(req.headers),
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
      o.logger.error({ reqId: state?.reqId, err }, 'unhandled error while serving a request');
      if (res.headersSent) res.destroy();
      else jsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };
}

function headerMap(raw: http.IncomingHttpHeaders): HeaderMap {
  const headers = new HeaderMap();
  for (const key in raw) {
    const value = raw[key];
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}
