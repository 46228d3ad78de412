/**
 * CORS from an allow-list of exact origins. With an empty list no CORS headers are ever sent, so
 * browsers only allow same-origin pages to read responses. Requests carry credentials in the
 * Authorization header, not cookies, so `Access-Control-Allow-Credentials` is never sent.
 * Preflights from origins not on the list get 403 without CORS headers.
 */
import type { RequestHandler } from 'express';

const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';

export function corsMiddleware(allowedOrigins: string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    res.vary('Origin');
    if (origin !== undefined && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'x-request-id');
      if (preflight) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    } else if (preflight) {
      res.status(403).end();
      return;
    }
    next();
  };
}
