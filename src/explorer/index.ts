/**
 * Serves the explorer page built by `npm run build:explorer` (dist/explorer/):
 *
 *   GET /  and  /explorer     the page (index.html)
 *   GET /explorer/app.js|css  the bundle
 *
 * with a strict Content-Security-Policy (scripts only from this origin, no inline script) and
 * `X-Content-Type-Options: nosniff`; gzip-compressed for a client that accepts it (compressed once per
 * built file, kept while the file is unchanged: the bundle is about a quarter of its size compressed). Before the bundle is built, the page routes answer 503 with a
 * short HTML page saying how to build it. Anything else falls through to the next handler.
 *
 *   app.use(explorerRouter());   // in the server, before its 404 handler
 */
import express, { type Request, type Response } from 'express';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { ASSET_FILES, defaultAssetsDir } from './paths';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface ExplorerOptions {
  /** where the built files are; default dist/explorer (or KG_EXPLORER_DIR) */
  assetsDir?: string;
}

/** Whether `npm run build:explorer` has produced every file of the page. */
export function explorerAssetsBuilt(assetsDir: string = defaultAssetsDir()): boolean {
  return ASSET_FILES.every((f) => fs.existsSync(path.join(assetsDir, f)));
}

function securityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Explorer not built</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em;color:#0f172a}
code{background:#f1f5f9;padding:.1em .35em;border-radius:4px}</style></head>
<body><h1>The graph explorer has not been built</h1>
<p>Its bundle is missing from <code>dist/explorer/</code>. Run <code>npm run build</code>
(or just <code>npm run build:explorer</code>) and reload this page.</p>
<p>The GraphQL API itself is available at <a href="/graphql">/graphql</a>.</p></body></html>
`;

/** A built file compressed once, kept while its size and time are those it was compressed at. */
const compressed = new Map<string, { mtimeMs: number; size: number; gz: Buffer }>();
function gzipped(file: string, body: Buffer): Buffer {
  const st = fs.statSync(file);
  const hit = compressed.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.gz;
  const gz = zlib.gzipSync(body, { level: 9 });
  compressed.set(file, { mtimeMs: st.mtimeMs, size: st.size, gz });
  return gz;
}

export function explorerRouter(opts: ExplorerOptions = {}): express.Router {
  const dir = path.resolve(opts.assetsDir ?? defaultAssetsDir());
  const router = express.Router();

  const sendFile = (name: (typeof ASSET_FILES)[number], req: Request, res: Response) => {
    securityHeaders(res);
    res.setHeader('Cache-Control', 'no-cache');
    const file = path.join(dir, name);
    let body: Buffer;
    try {
      body = fs.readFileSync(file);
    } catch {
      res.status(503).setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Retry-After', '30');
      res.send(req.method === 'HEAD' ? undefined : NOT_BUILT_PAGE);
      return;
    }
    res.status(200).setHeader('Content-Type', CONTENT_TYPES[path.extname(name)]);
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      body = gzipped(file, body);
      res.setHeader('Content-Encoding', 'gzip');
    }
    res.setHeader('Content-Length', String(body.length));
    if (req.method === 'HEAD') res.end();
    else res.end(body);
  };

  const page = (req: Request, res: Response) => {
    if (!explorerAssetsBuilt(dir)) {
      securityHeaders(res);
      res.status(503).setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Retry-After', '30');
      res.send(req.method === 'HEAD' ? undefined : NOT_BUILT_PAGE);
      return;
    }
    sendFile('index.html', req, res);
  };

  router.get(['/', '/explorer', '/explorer/', '/explorer/index.html'], page);
  router.get('/explorer/app.js', (req, res) => sendFile('app.js', req, res));
  router.get('/explorer/app.css', (req, res) => sendFile('app.css', req, res));
  return router;
}
