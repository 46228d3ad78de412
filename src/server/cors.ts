/**
 * CORS from an allow-list of exact origins. With an empty list no CORS headers are ever sent, so
 * browsers only allow same-origin pages to read responses. Requests carry credentials in the
 * Authorization header, not cookies, so `Access-Control-Allow-Credentials` is never sent.
 * Preflights from origins not on the list get 403 without CORS headers.
 */
import type { RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'http';

const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';

/** Adds `Origin` to the response's Vary header (keeping what is there). */
function varyOrigin(res: ServerResponse): void {
  const vary = res.getHeader('vary');
  if (vary === undefined) {
    res.setHeader('Vary', 'Origin');
    return;
  }
  const current = Array.isArray(vary) ? vary.join(', ') : String(vary);
  if (current.trim() === '*' || current.split(',').some((v) => v.trim().toLowerCase() === 'origin')) return;
  res.setHeader('Vary', current ? `${current}, Origin` : 'Origin');
}

/**
 * The CORS headers for `req`, on plain node:http objects. Returns true when it has answered the request
 * itself (a preflight: 204 for an allowed origin, 403 otherwise).
 */
export function applyCors(allowed: ReadonlySet<string>, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  varyOrigin(res);
  if (origin !== undefined && allowed.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', 'x-request-id');
    if (preflight) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.statusCode = 204;
      res.end();
      return true;
    }
  } else if (preflight) {
    res.statusCode = 403;
    res.end();
    return true;
  }
  return false;
}

export function corsMiddleware(allowedOrigins: string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    if (!applyCors(allowed, req, res)) next();
  };
}
