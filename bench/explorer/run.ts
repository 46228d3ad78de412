/**
 * The explorer in a headless browser on a graph with a hub of 2 000 neighbours (on demand, not a test):
 * how long from typing the hub's name to a drawn neighbourhood of 500 nodes (search, pick, expand into
 * groups, draw groups until 500 are on the canvas, layout settled), and the frame times while panning it.
 *
 *   npm run bench:explorer [-- --runs 3]     # writes bench/results/explorer.md
 *
 * Its own embedded Neo4j in $TMPDIR/kg-bench-explorer (fresh each run), Debian's Chromium through
 * playwright-core (KG_CHROMIUM_PATH), the product's server on a free port.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { buildExplorer } from '../../src/explorer/build';
import { ingestAll, readDocuments } from '../../src/ingest';
import { createLogger, createServer } from '../../src/server';
import { benchDataDir, openBenchDatabase } from '../lib/neo4j';
import { HUB_ID, HUB_NAME, hubDocuments } from './hubGraph';
import { measurePan, type PanFrames } from './pan';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.KG_CHROMIUM_PATH || '/usr/bin/chromium';
const TARGET_NODES = 500;

interface Run {
  searchToCanvasMs: number;
  expandMs: number;
  searchTo500Ms: number;
  nodes: number;
  edges: number;
  pan: PanFrames;
}

const busy = (page: Page) => page.waitForFunction(() => (window as any).__explorer && !(window as any).__explorer.busy, null, { timeout: 300_000 });
const graphNodeCount = (page: Page) => page.evaluate(() => (window as any).__explorer.nodes().filter((n: any) => n.type !== 'Cluster').length as number);

async function clickAt(page: Page, id: string, dbl = false): Promise<void> {
  const n = (await page.evaluate(() => (window as any).__explorer.nodes())).find((x: any) => x.id === id);
  if (!n) throw new Error(`${id} is not drawn`);
  if (dbl) await page.mouse.dblclick(n.x, n.y);
  else await page.mouse.click(n.x, n.y);
}

/** One measured pass on a fresh page: search → hub → expand → draw groups until TARGET_NODES → pan. */
async function measureOnce(page: Page, base: string): Promise<Run> {
  await page.goto(`${base}/#`);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const t0 = Date.now();
  await page.fill('#search', HUB_NAME);
  const hit = page.locator(`#search-results li[data-id="${HUB_ID}"]`);
  await hit.waitFor({ timeout: 60_000 });
  await hit.click();
  await page.waitForFunction((id) => (window as any).__explorer.nodes().some((n: any) => n.id === id), HUB_ID);
  await busy(page);
  const searchToCanvasMs = Date.now() - t0;
  const t1 = Date.now();
  await clickAt(page, HUB_ID, true);
  await page.waitForFunction(() => (window as any).__explorer.clusters().length > 0, null, { timeout: 120_000 });
  await busy(page);
  const expandMs = Date.now() - t1;
  while ((await graphNodeCount(page)) < TARGET_NODES) {
    const groups = (await page.evaluate(() => (window as any).__explorer.clusters())) as { id: string; count: number }[];
    if (groups.length === 0) throw new Error('no group left to draw');
    const biggest = groups.reduce((a, b) => (b.count > a.count ? b : a));
    await page.evaluate(() => document.querySelectorAll('#toasts .toast button').forEach((b) => (b as HTMLButtonElement).click()));
    await clickAt(page, biggest.id);
    const draw = `#panel[data-node-id="${biggest.id}"] [data-action="draw-all"]`;
    await page.waitForSelector(draw);
    // clicked from a timer: the layout that follows runs in the click's task and can block the page longer than a
    // synchronous click may take
    await page.evaluate((sel) => setTimeout(() => (document.querySelector(sel) as HTMLButtonElement).click(), 0), draw);
    await page.waitForFunction(() => (window as any).__explorer.busy, null, { timeout: 5_000 }).catch(() => undefined);
    await busy(page);
  }
  const searchTo500Ms = Date.now() - t0;
  const nodes = await graphNodeCount(page);
  const edges = (await page.evaluate(() => (window as any).__explorer.edges().length)) as number;
  const pan = await measurePan(page);
  return { searchToCanvasMs, expandMs, searchTo500Ms, nodes, edges, pan };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2 : NaN;
};

function report(runs: Run[], env: Record<string, string>): string {
  const f = (n: number) => n.toFixed(1);
  const rows = runs.map(
    (r, i) =>
      `| ${i + 1} | ${r.searchToCanvasMs} | ${r.expandMs} | **${r.searchTo500Ms}** | ${r.nodes} / ${r.edges} | ${r.pan.frames} in ${r.pan.durationMs} ms | ${f(r.pan.medianMs)} | **${f(r.pan.p95Ms)}** | ${f(r.pan.maxMs)} | ${f(r.pan.fps)} |`,
  );
  const m = (pick: (r: Run) => number) => f(median(runs.map(pick)));
  return [
    '# Explorer in a headless browser: a hub of 2 000 neighbours',
    '',
    'From typing the hub\'s name to a drawn neighbourhood of 500 nodes: search, pick the hit (drawn, linked), expand',
    '(grouped into cluster nodes by type and relation), then draw the biggest group (150 a click) until 500 graph nodes are',
    'on the canvas, each step until no request or layout runs. Then a mouse drag pans the canvas 420 px in 60 steps while',
    'every animation frame is timed. `npm run bench:explorer`; on demand, never a test.',
    '',
    Object.entries(env).map(([k, v]) => `- ${k}: ${v}`).join('\n'),
    '',
    '| run | search → hub on canvas (ms) | expand → groups (ms) | search → 500 drawn (ms) | nodes / edges | pan frames | frame median (ms) | frame p95 (ms) | frame max (ms) | fps |',
    '|---:|---:|---:|---:|---|---|---:|---:|---:|---:|',
    ...rows,
    `| median | ${m((r) => r.searchToCanvasMs)} | ${m((r) => r.expandMs)} | **${m((r) => r.searchTo500Ms)}** | | | ${m((r) => r.pan.medianMs)} | **${m((r) => r.pan.p95Ms)}** | ${m((r) => r.pan.maxMs)} | ${m((r) => r.pan.fps)} |`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runsWanted = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 3) : 3;
  const log = (s: string) => process.stdout.write(`${s}\n`);
  const db = await openBenchDatabase({ homeDir: benchDataDir('explorer'), size: 'tiny', fresh: true, log });
  const assets = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-explorer-assets-'));
  let server: ReturnType<typeof createServer> | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    log('loading the seed and the hub (2 000 neighbours)…');
    const docs = path.join(assets, 'docs');
    fs.mkdirSync(docs);
    hubDocuments().forEach((d, i) => fs.writeFileSync(path.join(docs, `hub-${i}.json`), JSON.stringify(d)));
    const loaded = await ingestAll(db.driver, readDocuments([path.join(ROOT, 'seed'), docs]));
    if (loaded.totals.rejected) throw new Error('a document was rejected');
    await buildExplorer({ outDir: path.join(assets, 'page') });
    process.env.KG_EXPLORER_DIR = path.join(assets, 'page');
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'silent', NEO4J_URI: db.uri, KG_READS_REQUIRE_KEY: 'false' });
    server = createServer(config, { logger: createLogger('silent'), driver: db.driver, schemaApplied: true });
    const base = (await server.start()).url.replace(/\/graphql$/, '').replace('localhost', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    const context = await browser.newContext({ viewport: { width: 1480, height: 900 }, deviceScaleFactor: 1, locale: 'en-GB' });
    const page = await context.newPage();
    log('warm-up pass (not reported)…');
    await measureOnce(page, base);
    const runs: Run[] = [];
    for (let i = 0; i < runsWanted; i += 1) {
      const r = await measureOnce(page, base);
      log(`run ${i + 1}: search→500 drawn ${r.searchTo500Ms} ms, pan frame p95 ${r.pan.p95Ms.toFixed(1)} ms`);
      runs.push(r);
    }
    const chromiumVersion = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const env = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} at the end`,
      browser: `${chromiumVersion}, headless, --disable-gpu (software rendering), 1480×900 at device scale 1`,
      graph: 'the seed plus a development zone with 2 000 neighbours (800 officials, 700 meetings, 300 partner companies, 200 projects)',
    };
    const out = path.join(ROOT, 'bench', 'results', 'explorer.md');
    fs.writeFileSync(out, report(runs, env));
    log(`wrote ${out}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await db.close();
    fs.rmSync(assets, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
