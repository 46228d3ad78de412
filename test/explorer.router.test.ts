/**
 * The explorer's express router: the built page and bundle with their content types, a strict
 * Content-Security-Policy and nosniff; a clear 503 page before `npm run build`; everything else falls
 * through to the server's own handlers.
 */
import express from 'express';
import * as fs from 'fs';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { buildExplorer } from '../src/explorer/build';
import { CONTENT_SECURITY_POLICY, explorerAssetsBuilt, explorerRouter } from '../src/explorer';

async function serve(assetsDir: string): Promise<{ base: string; close: () => Promise<void> }> {
  const app = express();
  app.use(explorerRouter({ assetsDir }));
  app.use((_req, res) => res.status(404).json({ fellThrough: true }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'kg-explorer-test-'));

it('the policy has the directives the page needs and nothing looser', () => {
  for (const d of ["default-src 'self'", "img-src 'self' data: blob:", "style-src 'self' 'unsafe-inline'", "script-src 'self'"]) {
    expect(CONTENT_SECURITY_POLICY).toContain(d);
  }
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
});

describe('before the bundle is built', () => {
  let dir: string;
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    dir = tmp();
    s = await serve(dir);
  });
  afterAll(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/explorer', '/explorer/'])('%s answers 503 with build instructions', async (p) => {
    const res = await fetch(`${s.base}${p}`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('npm run build');
  });

  it('reports it', () => {
    expect(explorerAssetsBuilt(dir)).toBe(false);
  });

  it('leaves other paths to the next handler', async () => {
    const res = await fetch(`${s.base}/graphql`);
    expect(await res.json()).toEqual({ fellThrough: true });
  });
});

describe('once built', () => {
  let dir: string;
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    dir = tmp();
    await buildExplorer({ outDir: dir });
    s = await serve(dir);
  }, 60_000);
  afterAll(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds index.html, app.js and app.css', () => {
    expect(explorerAssetsBuilt(dir)).toBe(true);
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    // no inline script or event handler attribute: the CSP would block them
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it.each([
    ['/', 'text/html; charset=utf-8', '<title>Knowledge Graph Explorer</title>'],
    ['/explorer', 'text/html; charset=utf-8', '/explorer/app.js'],
    ['/explorer/app.js', 'text/javascript; charset=utf-8', 'cytoscape'],
    ['/explorer/app.css', 'text/css; charset=utf-8', '.legend'],
  ])('%s is served as %s', async (p, type, content) => {
    const res = await fetch(`${s.base}${p}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain(content);
  });

  it('when the client accepts gzip, then the bundle comes compressed (about a quarter of its size), else as it is', async () => {
    const raw = fs.statSync(path.join(dir, 'app.js')).size;
    const gz = await fetch(`${s.base}/explorer/app.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toBe('Accept-Encoding');
    expect(Number(gz.headers.get('content-length'))).toBeLessThan(raw / 2);
    expect(await gz.text()).toBe(fs.readFileSync(path.join(dir, 'app.js'), 'utf8'));
    const plain = await fetch(`${s.base}/explorer/app.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(raw);
  });

  it('answers HEAD without a body', async () => {
    const res = await fetch(`${s.base}/explorer/app.js`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await res.text()).toBe('');
  });

  it('serves nothing but the bundle (no directory traversal, no sources)', async () => {
    for (const p of ['/explorer/../package.json', '/explorer/%2e%2e/package.json', '/explorer/main.ts', '/explorer/index.ts']) {
      const res = await fetch(`${s.base}${p}`);
      expect([p, res.status]).toEqual([p, 404]);
    }
  });
});
