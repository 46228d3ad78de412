/**
 * The explorer page in headless Chromium for end-to-end tests: Debian's /usr/bin/chromium through
 * playwright-core (never a downloaded browser), the bundle built into a temp dir, the real server on the
 * test Neo4j loaded through the product's ingest. Console errors, page errors and dialogs are collected
 * (a test asserts they stay empty). Screenshots go to test-artifacts/explorer/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildExplorer } from '../../src/explorer/build';
import { ingestAll, readDocuments } from '../../src/ingest';
import { startTestServer, testConfig, type TestServer } from '../server.helpers';
import { testDatabase, testDriver } from './db';

export const CHROMIUM = process.env.KG_CHROMIUM_PATH || '/usr/bin/chromium';
export const SKIP_BROWSER = process.env.KG_CI_SKIP_BROWSER === '1' && !fs.existsSync(CHROMIUM);
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'explorer');

export interface ExplorerSession {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  problems: string[];
  watch(p: Page): void;
  close(): Promise<void>;
}

/** Loads documents (folders or in-memory objects) through the ingest; fails on any rejection. */
export async function loadDocuments(dirs: string[], docs: Record<string, unknown>[] = []): Promise<void> {
  const extra = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-explorer-docs-'));
  try {
    docs.forEach((d, i) => fs.writeFileSync(path.join(extra, `doc-${i}.json`), JSON.stringify(d)));
    const r = await ingestAll(testDriver(), readDocuments([...dirs, extra]), { database: testDatabase() });
    if (r.totals.rejected !== 0) throw new Error(`documents rejected: ${JSON.stringify(r).slice(0, 2000)}`);
  } finally {
    fs.rmSync(extra, { recursive: true, force: true });
  }
}

export async function openExplorer(opts: { locale?: string; viewport?: { width: number; height: number }; env?: Record<string, string> } = {}): Promise<ExplorerSession> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (or KG_CI_SKIP_BROWSER=1)`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const assetsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-explorer-'));
  await buildExplorer({ outDir: assetsDir });
  const savedEnv = process.env.KG_EXPLORER_DIR;
  process.env.KG_EXPLORER_DIR = assetsDir;
  const server = await startTestServer(testConfig({ KG_READS_REQUIRE_KEY: 'false', ...opts.env }), { driver: testDriver(), schemaApplied: false, retryMs: 200 });
  for (let i = 0; i < 300; i += 1) {
    if ((await fetch(`${server.base}/ready`)).status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1480, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true, locale: opts.locale ?? 'en-GB' });
  const problems: string[] = [];
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  };
  const page = await context.newPage();
  watch(page);
  return {
    server,
    browser,
    context,
    page,
    problems,
    watch,
    close: async () => {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
      if (savedEnv === undefined) delete process.env.KG_EXPLORER_DIR;
      else process.env.KG_EXPLORER_DIR = savedEnv;
      fs.rmSync(assetsDir, { recursive: true, force: true });
    },
  };
}

export const shot = (p: Page, name: string) => p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

/** Waits until no request or layout is running and the node positions have settled. */
export async function settle(p: Page): Promise<void> {
  await p.waitForFunction(() => (window as any).__explorer && !(window as any).__explorer.busy, null, { timeout: 300_000 });
  let last = '';
  for (let i = 0; i < 60; i += 1) {
    const now = JSON.stringify(await p.evaluate(() => (window as any).__explorer.nodes().map((n: any) => [n.id, Math.round(n.x), Math.round(n.y)])));
    if (now === last && !(await p.evaluate(() => (window as any).__explorer.busy))) return;
    last = now;
    await p.waitForTimeout(150);
  }
}

export interface DrawnNode {
  id: string;
  label: string;
  type: string;
  x: number;
  y: number;
  classes: string[];
  visible: boolean;
  /** diameter in the graph's coordinates (times the zoom: on the page) */
  size: number;
}

export const drawnNodes = (p: Page): Promise<DrawnNode[]> => p.evaluate(() => (window as any).__explorer.nodes());

/**
 * A point of the node that no other visible node covers: its centre, else a point nearer its rim (a node the layout
 * left overlapping another, as it may on a loaded machine, is still clicked as a person would, on its free part).
 */
function freePointOf(target: DrawnNode, nodes: DrawnNode[], zoom: number): { x: number; y: number } {
  const r = (n: DrawnNode) => (n.size * zoom) / 2;
  const others = nodes.filter((n) => n.id !== target.id && n.visible);
  const free = (x: number, y: number) => others.every((n) => Math.hypot(n.x - x, n.y - y) > r(n));
  for (const f of [0, 0.5, 0.8]) {
    for (let k = 0; k < (f === 0 ? 1 : 8); k++) {
      const x = target.x + f * r(target) * Math.cos((k * Math.PI) / 4);
      const y = target.y + f * r(target) * Math.sin((k * Math.PI) / 4);
      if (free(x, y)) return { x, y };
    }
  }
  return { x: target.x, y: target.y };
}

/**
 * Clicks a node where it is drawn, as a person would, once the layout has settled: on a part of it no other node
 * covers. A toast lying over it is dismissed first (with its × button), and a node out of view is brought back
 * with the Fit button, so the click reaches the canvas; the position is read again before every try.
 */
export async function clickNode(p: Page, id: string, how: 'click' | 'dblclick' | 'shift-click' = 'click'): Promise<void> {
  await settle(p);
  for (let attempt = 0; ; attempt += 1) {
    const nodes = await drawnNodes(p);
    const target = nodes.find((x) => x.id === id);
    if (!target) throw new Error(`${id} is not on the canvas (canvas: ${nodes.map((x) => x.id).join(', ')})`);
    const at = freePointOf(target, nodes, await p.evaluate(() => (window as any).__explorer.zoom() as number));
    const onCanvas = await p.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('#cy'), at);
    if (onCanvas) {
      if (how === 'dblclick') await p.mouse.dblclick(at.x, at.y);
      else if (how === 'shift-click') {
        await p.keyboard.down('Shift');
        await p.mouse.click(at.x, at.y);
        await p.keyboard.up('Shift');
      } else await p.mouse.click(at.x, at.y);
      return;
    }
    if (attempt >= 3) throw new Error(`${id} is covered by ${await p.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.outerHTML.slice(0, 120), at)}`);
    for (const b of await p.locator('#toasts .toast button').all()) await b.click().catch(() => undefined);
    if (attempt >= 1) await p.click('#btn-fit');
    await settle(p);
  }
}

/** Types into the search box and picks the hit with that id. */
export async function searchAndPick(p: Page, text: string, id: string): Promise<void> {
  await p.fill('#search', '');
  await p.type('#search', text, { delay: 30 });
  const hit = p.locator(`#search-results li[data-id="${id}"]`);
  await hit.waitFor({ timeout: 60_000 });
  await hit.click();
  await p.waitForFunction((nid) => (window as any).__explorer.nodes().some((n: any) => n.id === nid), id);
  await settle(p);
}

/** Clicks a control of the page (a panel's "more" button, …) once the layout has settled, toasts dismissed first. */
export async function clickControl(p: Page, selector: string): Promise<void> {
  await settle(p);
  for (const b of await p.locator('#toasts .toast button').all()) await b.click().catch(() => undefined);
  await p.locator(selector).click();
}
