/**
 * The explorer page end to end, an analyst's walk through it: headless Chromium (Debian's /usr/bin/chromium, driven
 * by playwright-core; never a downloaded browser) against the real server, the real API schema and the test Neo4j
 * holding the seed plus one small hostile document.
 *
 * Steps: search 金锋 → put him on the canvas → expand him → open the 6-26 对接会 and check its participants
 * → shortest paths 徐健 ↔ 史志洪, highlighted → the hostile name shown as text, no script run → date range
 * → a copied link reopens the same view → collapse and remove → exports. Each step starts from where the one
 * before left the page. Any console error, page error or dialog fails the test. A screenshot of each step is saved
 * in test-artifacts/explorer/. Asking for an API key: test/explorer.apiKey.e2e.test.ts.
 *
 * Needs chromium (+ fonts-noto-cjk for the Chinese labels): `apt-get install -y chromium fonts-noto-cjk`.
 * KG_CI_SKIP_BROWSER=1 skips this file when no browser can be installed.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from './server.helpers';
import { ARTIFACTS, CHROMIUM, SKIP_BROWSER } from './support/explorerBrowser';
import { useExplorerWalk } from './support/useExplorerWalk';

const HOSTILE = '<img src=x onerror=alert(1)>';
const MEETING_0626 = 'gaoyou-edz-newsletter-2023-06#ev-0626-meeting';
const JIN_FENG = 'person:jin-feng';
const XU_JIAN = 'person:xu-jian';
const SHI_ZHIHONG = 'person:shi-zhihong';

/** One extra kg-article/1 document: a person with a hostile name, at a meeting 金锋 hosted. */
const hostileDoc = {
  format: 'kg-article/1',
  article: { id: 'explorer-e2e-hostile', title: '<script>alert("title")</script> 安全测试', publishedOn: '2023-06-28', language: 'zh' },
  entities: [
    { key: 'jin', type: 'Person', id: JIN_FENG, name: '金锋' },
    {
      key: 'evil',
      type: 'Person',
      id: 'person:hostile-name',
      name: HOSTILE,
      aliases: ['"><svg onload=alert(2)>'],
      evidence: `${HOSTILE} 出席座谈会。`,
    },
  ],
  events: [
    {
      key: 'meet',
      type: 'Meeting',
      name: '安全测试座谈会',
      date: '2023-06-28',
      participants: [
        { entity: 'jin', role: 'host' },
        { entity: 'evil', role: 'attendee' },
      ],
      evidence: `6月28日,金锋主持座谈会,${HOSTILE}参加。`,
    },
  ],
};

jest.setTimeout(120_000);

const describeBrowser = SKIP_BROWSER ? describe.skip : describe;
if (SKIP_BROWSER) process.stderr.write(`\n[explorer e2e] skipped: ${CHROMIUM} is absent and KG_CI_SKIP_BROWSER=1\n`);

describeBrowser('explorer page in headless Chromium', () => {
  const walk = useExplorerWalk([hostileDoc]);
  const { dialogs, watch, shot, settle, clickNode, panelShows, searchAndPick } = walk;
  let t: TestServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(() => {
    ({ server: t, context, page } = walk.session);
    // exports of earlier runs
    for (const f of fs.readdirSync(ARTIFACTS)) if (f.startsWith('kg-view-')) fs.rmSync(path.join(ARTIFACTS, f));
  });

  it('serves the page with its security headers', async () => {
    const res = await page.goto(`${t.base}/`);
    expect(res?.status()).toBe(200);
    const headers = res!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('#empty-state').waitFor({ state: 'visible' });
    await shot('01-empty');
  });

  it('keeps a top-bar button readable under the pointer (light text on the dark bar)', async () => {
    await page.hover('#btn-duplicates');
    const look = () => page.$eval('#btn-duplicates', (b) => ({ background: getComputedStyle(b).backgroundColor, color: getComputedStyle(b).color }));
    expect(await look()).toEqual({ background: 'rgb(30, 41, 59)', color: 'rgb(226, 232, 240)' });
    await page.mouse.move(0, 0);
  });

  it('searches as you type and puts 金锋 on the canvas', async () => {
    await page.type('#search', '金锋', { delay: 60 });
    const hit = page.locator(`#search-results li[data-id="${JIN_FENG}"]`);
    await hit.waitFor({ timeout: 20_000 });
    expect(await hit.locator('.hit-name').textContent()).toBe('金锋');
    expect(await hit.locator('.hit-type').textContent()).toBe('Person');
    await shot('02-search');
    await hit.click();
    await page.waitForFunction((id) => (window as any).__explorer.nodes().some((n: any) => n.id === id), JIN_FENG);
    await panelShows(JIN_FENG);
    await settle();
    expect(await page.locator('#panel-title').textContent()).toBe('金锋');
    const positions = await page.locator('#panel [data-section="positions"] li').allTextContents();
    expect(positions.join(' ')).toContain('管委会主任');
    await shot('03-on-canvas');
  });

  it('expands 金锋 (double-click) and opens the 6-26 对接会 with its participants', async () => {
    await clickNode(JIN_FENG, 'dblclick');
    await page.waitForFunction((id) => (window as any).__explorer.nodes().some((n: any) => n.id === id), MEETING_0626, { timeout: 30_000 });
    await settle();
    const ids = ((await page.evaluate(() => (window as any).__explorer.nodes())) as { id: string }[]).map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([JIN_FENG, MEETING_0626, 'org:gaoyou-edz-management-committee']));
    expect(await page.locator('#stage').getAttribute('data-node-count')).toBe(String(ids.length));
    await shot('04-expanded');

    await clickNode(MEETING_0626);
    await panelShows(MEETING_0626);
    const names = async (role: string) =>
      page.locator(`#panel [data-section="participants"] [data-role="${role}"] .entity-name`).allTextContents();
    expect((await names('attendee')).sort()).toEqual(['李深红', '尹凯', '袁刚', '雍达明', '刘玉峰', '高日平'].sort());
    expect(await names('host')).toEqual(['金锋']);
    expect(await page.locator('#panel-title').textContent()).toBe('“聚力政校企 奋楫开发区”用工要素对接会');
    expect(await page.locator('#panel [data-section="sources"] .evidence').first().textContent()).toContain('金锋主持会议');
    await shot('05-event-panel');

    // an edge: 金锋 holds a position in the management committee; the panel gives the evidence
    const edge = ((await page.evaluate(() => (window as any).__explorer.edges())) as { source: string; target: string; x: number; y: number; id: string }[]).find(
      (e) => e.source === JIN_FENG && e.target === 'org:gaoyou-edz-management-committee',
    )!;
    expect(edge).toBeDefined();
    await page.mouse.click(edge.x, edge.y);
    await page.waitForSelector('#panel[data-kind="edge"][data-state="ready"]', { timeout: 20_000 });
    expect(await page.locator('#panel .title').textContent()).toBe('管委会主任');
    expect(await page.locator('#panel [data-section="sources"] .evidence').first().textContent()).toContain('管委会主任');
    await shot('05b-edge-panel');
  });

  it('shows the shortest paths between 徐健 and 史志洪, highlighted', async () => {
    await searchAndPick('徐健', XU_JIAN);
    await searchAndPick('史志洪', SHI_ZHIHONG);
    // select both: click one, shift-click the other
    await clickNode(XU_JIAN);
    await clickNode(SHI_ZHIHONG, 'shift-click');
    await page.waitForFunction(() => (window as any).__explorer.selected().length === 2);
    expect(await page.locator('#path-from').getAttribute('data-id')).toBe(XU_JIAN);
    expect(await page.locator('#path-to').getAttribute('data-id')).toBe(SHI_ZHIHONG);
    await page.click('#btn-path');
    await page.waitForSelector('#path-result[data-count]');
    await settle();
    expect(Number(await page.locator('#path-result').getAttribute('data-count'))).toBeGreaterThan(0);
    const hl = (await page.evaluate(() => (window as any).__explorer.highlighted())) as { nodes: string[]; edges: string[] };
    expect(hl.nodes).toEqual(expect.arrayContaining([XU_JIAN, SHI_ZHIHONG, JIN_FENG]));
    expect(hl.edges.length).toBeGreaterThanOrEqual(4);
    const paths = (await page.evaluate(() => (window as any).__explorer.paths())) as { length: number; nodes: string[] }[];
    expect(paths.every((p) => p.length === 4 && p.nodes[0] === XU_JIAN && p.nodes[4] === SHI_ZHIHONG)).toBe(true);
    expect(paths.some((p) => p.nodes.includes(JIN_FENG))).toBe(true);
    // highlighted on the canvas: path elements carry the class, the rest is dimmed
    const nodes = (await page.evaluate(() => (window as any).__explorer.nodes())) as { id: string; classes: string[] }[];
    expect(nodes.find((n) => n.id === XU_JIAN)!.classes).toContain('path');
    expect(nodes.find((n) => n.id === 'org:gaoyou-edz-management-committee')!.classes).toContain('dimmed');
    expect(await page.locator('#path-result li').first().textContent()).toMatch(/徐健.*史志洪/);
    await shot('06-path');
  });

  it('shows a hostile name as text and runs no script', async () => {
    await page.click('#btn-path-clear');
    await page.fill('#search', '');
    await page.type('#search', 'onerror', { delay: 40 });
    const hit = page.locator('#search-results li[data-id="person:hostile-name"]');
    await hit.waitFor({ timeout: 20_000 });
    expect(await hit.locator('.hit-name').textContent()).toBe(HOSTILE);
    await hit.click();
    await panelShows('person:hostile-name');
    await settle();
    expect(await page.locator('#panel-title').textContent()).toBe(HOSTILE);
    expect(await page.locator('#panel [data-section="aliases"] .alias').allTextContents()).toEqual(['"><svg onload=alert(2)>']);
    // its meeting, whose evidence and article title are hostile too
    await page.locator('#panel [data-section="events"] .entity-link').first().click();
    await panelShows('explorer-e2e-hostile#meet');
    await settle();
    expect(await page.locator('#panel [data-role="attendee"] .entity-name').allTextContents()).toEqual([HOSTILE]);
    expect(await page.locator('#panel [data-section="sources"] .evidence').textContent()).toContain(HOSTILE);
    expect(await page.locator('#panel .article-title').textContent()).toBe('<script>alert("title")</script> 安全测试');
    expect(await page.locator('img[src="x"], svg[onload], #panel script').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await shot('07-hostile-name');
  });

  it('restricts the view to a date range (events outside fade, or hide)', async () => {
    await page.fill('#date-from', '2023-06-25');
    await page.fill('#date-to', '2023-06-26');
    await page.locator('#date-to').dispatchEvent('change');
    await page.waitForFunction(() => (window as any).__explorer.view().to === '2023-06-26');
    const classesOf = async (id: string) =>
      ((await page.evaluate(() => (window as any).__explorer.nodes())) as { id: string; classes: string[]; visible: boolean }[]).find((n) => n.id === id)!;
    expect((await classesOf('gaoyou-edz-newsletter-2023-06#ev-0621-signing')).classes).toContain('out-of-range');
    expect((await classesOf(MEETING_0626)).classes).not.toContain('out-of-range');
    expect(await page.locator('#date-summary').textContent()).toMatch(/faded/);
    await shot('08-date-range-fade');
    await page.check('input[name="date-mode"][value="hide"]');
    expect((await classesOf('gaoyou-edz-newsletter-2023-06#ev-0621-signing')).visible).toBe(false);
    expect((await classesOf(MEETING_0626)).visible).toBe(true);
    await shot('09-date-range-hide');
  });

  it('copies a link that reopens the same view', async () => {
    await clickNode(MEETING_0626);
    await panelShows(MEETING_0626);
    await page.click('#btn-copy-link');
    const link = (await page.locator('#btn-copy-link').getAttribute('data-link'))!;
    expect(link).toContain('#');
    const before = (await page.evaluate(() => (window as any).__explorer.view())) as { nodes: string[]; added: string[]; expanded: string[] };
    const other = await context.newPage();
    watch(other);
    await other.goto(link);
    await other.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await settle(other);
    const after = (await other.evaluate(() => (window as any).__explorer.view())) as typeof before & { selected: string; from: string; to: string; dateMode: string };
    expect(new Set([...after.nodes, ...after.added])).toEqual(new Set([...before.nodes, ...before.added]));
    expect(after.expanded).toEqual(before.expanded);
    expect(after.selected).toBe(MEETING_0626);
    expect([after.from, after.to, after.dateMode]).toEqual(['2023-06-25', '2023-06-26', 'hide']);
    await other.waitForSelector(`#panel[data-node-id="${MEETING_0626}"][data-state="ready"]`);
    await shot('10-restored-from-link', other);
    await other.close();
  });

  it('collapses an expansion and removes nodes', async () => {
    await page.check('input[name="date-mode"][value="fade"]');
    await page.click('#btn-dates-clear');
    const before = ((await page.evaluate(() => (window as any).__explorer.nodes())) as { id: string }[]).map((n) => n.id);
    expect(before).toContain(MEETING_0626);
    await clickNode(JIN_FENG);
    await panelShows(JIN_FENG);
    await page.click('#panel [data-action="collapse"]');
    await page.waitForFunction((id) => !(window as any).__explorer.nodes().some((n: any) => n.id === id), MEETING_0626);
    const after = ((await page.evaluate(() => (window as any).__explorer.nodes())) as { id: string }[]).map((n) => n.id);
    // put there on purpose (search, links): they stay
    expect(after).toEqual(expect.arrayContaining([JIN_FENG, XU_JIAN, SHI_ZHIHONG, 'person:hostile-name']));
    expect(after).not.toContain('org:gaoyou-edz-management-committee');
    // brought in only by expanding 金锋 (two quick clicks on two different nodes never expanded anything)
    expect(after).not.toContain('gaoyou-edz-newsletter-2023-06#ev-0621-signing');
    expect(await page.evaluate(() => (window as any).__explorer.view().expanded)).toEqual([]);
    await clickNode(XU_JIAN);
    await page.keyboard.press('Delete');
    await page.waitForFunction((id) => !(window as any).__explorer.nodes().some((n: any) => n.id === id), XU_JIAN);
    await settle();
    await shot('11-collapsed');
  });

  it('says so when a search finds nothing', async () => {
    await page.fill('#search', '');
    await page.type('#search', 'zzqqxxnothing', { delay: 20 });
    await page.waitForFunction(() => /No matches/.test(document.getElementById('search-summary')?.textContent ?? ''));
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('exports PNG, GraphML (escaped) and JSON', async () => {
    const grab = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      const file = path.join(ARTIFACTS, download.suggestedFilename());
      await download.saveAs(file);
      return file;
    };
    const png = fs.readFileSync(await grab('#btn-export-png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const graphml = fs.readFileSync(await grab('#btn-export-graphml'), 'utf8');
    expect(graphml).toContain('<graphml');
    expect(graphml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(graphml).not.toContain(HOSTILE);
    const json = JSON.parse(fs.readFileSync(await grab('#btn-export-json'), 'utf8')) as { nodes: { id: string; label: string }[]; edges: unknown[] };
    expect(json.nodes.find((n) => n.id === 'person:hostile-name')?.label).toBe(HOSTILE);
    expect(json.edges.length).toBeGreaterThan(0);
  });
});
