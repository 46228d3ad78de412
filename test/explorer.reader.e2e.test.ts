/**
 * The article itself (issue 26, item 4), in headless Chromium on the seed plus one hostile article with a
 * URL: from a fact's evidence the reader opens with the article's text, every evidence sentence of the
 * facts on the canvas marked and the clicked one in view; the title is a link; hostile text stays text.
 * Also: the path list goes when the path is cleared. Screenshots in test-artifacts/explorer/reader-*.png.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ARTIFACTS, clickNode, searchAndPick, settle, shot, SKIP_BROWSER } from './support/explorerBrowser';
import { useSeededExplorer } from './support/useSeededExplorer';

const JIN_FENG = 'person:jin-feng';
const XU_JIAN = 'person:xu-jian';
const SHI_ZHIHONG = 'person:shi-zhihong';
const MEETING_0626 = 'gaoyou-edz-newsletter-2023-06#ev-0626-meeting';
const HOSTILE_TITLE = '<script>alert("t")</script>\u202E标题';

const hostileArticle = {
  format: 'kg-article/1',
  article: {
    id: 'reader-e2e-hostile',
    title: HOSTILE_TITLE,
    url: 'https://example.org/news/1',
    publishedOn: '2023-07-01',
    language: 'zh',
    text: '开头一句。<img src=x onerror=alert(1)> 出席了读者测试会。结尾一句。',
  },
  entities: [{ key: 'p', type: 'Person', id: 'person:reader-hostile', name: '读者测试人', evidence: '<img src=x onerror=alert(1)> 出席了读者测试会。' }],
  events: [{ key: 'e', type: 'Meeting', name: '读者测试会', date: '2023-07-01', participants: [{ entity: 'p', role: 'attendee' }], evidence: '<img src=x onerror=alert(1)> 出席了读者测试会。' }],
};

jest.setTimeout(180_000);
const describeBrowser = SKIP_BROWSER ? describe.skip : describe;

describeBrowser('the article reader', () => {
  const s = useSeededExplorer({ docs: [hostileArticle] });

  it('opens at the sentence behind a fact, with the evidence of the facts on the canvas marked', async () => {
    const { page } = s;
    await searchAndPick(page, '金锋', JIN_FENG);
    await clickNode(page, JIN_FENG, 'dblclick');
    await page.waitForFunction((id) => (window as any).__explorer.nodes().some((n: any) => n.id === id), MEETING_0626, { timeout: 60_000 });
    await settle(page);
    await clickNode(page, MEETING_0626);
    await page.waitForSelector(`#panel[data-node-id="${MEETING_0626}"][data-state="ready"]`, { timeout: 30_000 });
    const evidence = (await page.locator('#panel [data-section="sources"] .evidence').first().textContent())!;
    await page.locator('#panel [data-section="sources"] [data-action="read"]').first().click();
    await page.waitForSelector('#reader[data-state="ready"]', { timeout: 30_000 });
    expect(await page.locator('#reader-title').textContent()).toBe('瞄准目标审时度势 自我加压奋力拼抢');
    // the clicked sentence is marked as the focus and scrolled into the reader's view
    const focus = page.locator('#reader-text mark.focus');
    expect(await focus.count()).toBe(1);
    expect(await focus.textContent()).toContain(evidence.trim().slice(0, 10));
    const inView = await page.evaluate(() => {
      const m = document.querySelector('#reader-text mark.focus')!.getBoundingClientRect();
      const r = document.getElementById('reader')!.getBoundingClientRect();
      return m.top >= r.top && m.bottom <= r.bottom;
    });
    expect(inView).toBe(true);
    // every fact on the canvas from this article brings its sentence: more than the one clicked
    expect(await page.locator('#reader-text mark').count()).toBeGreaterThan(3);
    await shot(page, 'reader-01-at-sentence');
    await page.click('#reader .reader-close');
    await page.waitForSelector('#reader', { state: 'hidden' });
  });

  it('shows a hostile title and text as text, the title a link to the article', async () => {
    const { page } = s;
    await searchAndPick(page, '读者测试人', 'person:reader-hostile');
    await page.waitForSelector('#panel[data-node-id="person:reader-hostile"][data-state="ready"]', { timeout: 30_000 });
    await page.locator('#panel [data-section="sources"] [data-action="read"]').first().click();
    await page.waitForSelector('#reader[data-state="ready"]', { timeout: 30_000 });
    const title = page.locator('#reader a#reader-title');
    expect(await title.getAttribute('href')).toBe('https://example.org/news/1');
    expect(await title.textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('#reader-text mark.focus').textContent()).toBe('<img src=x onerror=alert(1)> 出席了读者测试会。');
    expect(await page.locator('#reader img, #reader script').count()).toBe(0);
    await shot(page, 'reader-02-hostile');
    await page.keyboard.press('Escape');
  });

  it('the path list goes with Clear', async () => {
    const { page } = s;
    await page.click('#reader .reader-close').catch(() => undefined);
    await searchAndPick(page, '徐健', XU_JIAN);
    await searchAndPick(page, '史志洪', SHI_ZHIHONG);
    await clickNode(page, XU_JIAN);
    await clickNode(page, SHI_ZHIHONG, 'shift-click');
    await page.waitForFunction(() => (window as any).__explorer.selected().length === 2);
    await page.click('#btn-path');
    await page.waitForSelector('#panel [data-section="paths"]', { timeout: 30_000 });
    await settle(page);
    await page.click('#btn-path-clear');
    await page.waitForSelector('#panel [data-section="paths"]', { state: 'detached' });
    expect(await page.locator('#path-result li').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__explorer.paths())).toEqual([]);
  });

  it('brushing June 21-26 on the timeline filters the canvas; undated events have their own toggle', async () => {
    const { page } = s;
    await searchAndPick(page, '高邮双黄鸭蛋节', 'gaoyou-edz-newsletter-2023-06#ev-duck-egg-fair');
    await page.waitForSelector('#timeline[data-unit="day"]');
    await shot(page, 'timeline-01');
    const brush = async (a: string, b: string) => {
      const from = (await page.locator(`#timeline-svg g[data-key="${a}"] rect.slot`).boundingBox())!;
      const to = (await page.locator(`#timeline-svg g[data-key="${b}"] rect.slot`).boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + 20);
      await page.mouse.down();
      await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 6 });
      await page.mouse.up();
      await page.waitForFunction(([f, t]) => (window as any).__explorer.view().from === f && (window as any).__explorer.view().to === t, [a, b]);
    };
    const classesOf = async (id: string) => ((await page.evaluate(() => (window as any).__explorer.nodes())) as { id: string; classes: string[] }[]).find((n) => n.id === id)!.classes;
    const SIGNING_0621 = 'gaoyou-edz-newsletter-2023-06#ev-0621-signing';
    const DUCK_EGG = 'gaoyou-edz-newsletter-2023-06#ev-duck-egg-fair';
    await brush('2023-06-25', '2023-06-26');
    expect(await classesOf(SIGNING_0621)).toContain('out-of-range');
    expect(await classesOf(MEETING_0626)).not.toContain('out-of-range');
    await brush('2023-06-21', '2023-06-26');
    // shown and typed as YYYY-MM-DD
    expect(await page.inputValue('#date-from')).toBe('2023-06-21');
    expect(await page.inputValue('#date-to')).toBe('2023-06-26');
    expect(await classesOf(SIGNING_0621)).not.toContain('out-of-range');
    expect(await page.locator('#timeline-svg g.bar.in[data-key="2023-06-21"]').count()).toBe(1);
    // undated events stay, until their toggle says otherwise
    expect(await classesOf(DUCK_EGG)).not.toContain('out-of-range');
    await page.uncheck('#undated-toggle');
    await page.waitForFunction(() => (window as any).__explorer.view().undated === false);
    expect(await classesOf(DUCK_EGG)).toContain('out-of-range');
    await shot(page, 'timeline-02-brushed');
    // a partial date typed is read as the whole month
    await page.fill('#date-from', '2023-06');
    await page.fill('#date-to', '2023-06');
    await page.locator('#date-to').dispatchEvent('change');
    await page.waitForFunction(() => (window as any).__explorer.view().from === '2023-06-01' && (window as any).__explorer.view().to === '2023-06-30');
    await page.fill('#date-to', '06/30/2023');
    await page.locator('#date-to').dispatchEvent('change');
    expect(await page.getAttribute('#date-to', 'aria-invalid')).toBe('true');
    await page.click('#btn-timeline-clear');
    await page.check('#undated-toggle');
  });

  it('exports GEXF, GraphML, JSON and CSV with the evidence attached; networkx reads them', async () => {
    const { page } = s;
    const grab = async (button: string, count = 1) => {
      const files: string[] = [];
      const waits = Array.from({ length: count }, () => page.waitForEvent('download'));
      await page.click(button);
      for (const w of waits) {
        const d = await w;
        const file = path.join(ARTIFACTS, d.suggestedFilename());
        await d.saveAs(file);
        files.push(file);
      }
      return files;
    };
    const [gexf] = await grab('#btn-export-gexf');
    const [graphml] = await grab('#btn-export-graphml');
    const [json] = await grab('#btn-export-json');
    const view = JSON.parse(fs.readFileSync(json, 'utf8')) as { nodes: { id: string; evidence?: string[]; articles?: string[] }[]; edges: { type: string; source: string; target: string; evidence?: string[]; articles?: string[] }[] };
    const hostile = view.nodes.find((n) => n.id === 'person:reader-hostile')!;
    expect(hostile.evidence).toEqual(['<img src=x onerror=alert(1)> 出席了读者测试会。']);
    expect(hostile.articles).toEqual(['reader-e2e-hostile']);
    const holds = view.edges.find((e) => e.source === JIN_FENG && e.type === 'HOLDS_POSITION');
    if (holds) expect(holds.articles).toEqual(['gaoyou-edz-newsletter-2023-06']);
    expect(view.edges.filter((e) => (e.evidence ?? []).length > 0).length).toBeGreaterThan(0);
    const script = [
      'import json, sys, networkx as nx',
      'x = nx.read_gexf(sys.argv[1]); y = nx.read_graphml(sys.argv[2])',
      'print(json.dumps({"gexf": {n: x.nodes[n] for n in x.nodes}, "graphml": {n: y.nodes[n] for n in y.nodes}, "edges": x.number_of_edges()}))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, gexf, graphml], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const read = JSON.parse(r.stdout);
    expect(read.gexf['person:reader-hostile']).toMatchObject({ label: '读者测试人', articles: 'reader-e2e-hostile' });
    expect(read.gexf[MEETING_0626]).toMatchObject({ start: '2023-06-26', end: '2023-06-26' });
    expect(read.graphml['person:reader-hostile'].evidence).toBe('<img src=x onerror=alert(1)> 出席了读者测试会。');
    expect(read.edges).toBe(view.edges.length);
    const [nodesCsv, edgesCsv] = await grab('#btn-export-csv', 2);
    expect(fs.readFileSync(nodesCsv, 'utf8').split('\r\n')[0]).toBe('id,label,type,kind,date,endDate,evidence,articles');
    expect(fs.readFileSync(edgesCsv, 'utf8')).toContain('gaoyou-edz-newsletter-2023-06');
  });

  it('typing words of the text lists the sentences holding them; one opens the reader there, another draws what it names', async () => {
    const { page } = s;
    await page.fill('#search', '');
    await page.type('#search', '签约', { delay: 30 });
    await page.waitForSelector('#search-passages[data-state="ready"][data-query="签约"] li.passage', { timeout: 60_000 });
    const sentences = page.locator('#search-passages li.passage');
    expect(await sentences.count()).toBeGreaterThan(1);
    // each sentence has the words marked, and the seed article's title under it
    for (const li of await sentences.all()) {
      expect(await li.locator('.passage-text mark').first().textContent()).toBe('签约');
      expect(await li.locator('.passage-meta').textContent()).toContain('瞄准目标审时度势');
    }
    await shot(page, 'search-01-text-hits');
    const first = (await sentences.first().locator('.passage-text').textContent())!;
    await sentences.first().locator('.passage-read').click();
    await page.waitForSelector('#reader[data-state="ready"]', { timeout: 30_000 });
    expect(await page.getAttribute('#reader', 'data-article-id')).toBe('gaoyou-edz-newsletter-2023-06');
    expect(await page.locator('#reader-text mark.focus').textContent()).toContain(first.trim().slice(0, 12));
    await shot(page, 'search-02-reader-at-sentence');
    await page.click('#reader .reader-close');
    // what a sentence states goes on the canvas from its button
    await page.click('#search');
    await page.waitForSelector('#search-passages li.passage .passage-node');
    const named = sentences.locator('.passage-node').first();
    const id = (await named.getAttribute('data-id'))!;
    await named.click();
    await page.waitForFunction((nid) => (window as any).__explorer.nodes().some((n: any) => n.id === nid), id, { timeout: 30_000 });
    await settle(page);
    // a hostile sentence stays text
    await page.fill('#search', '');
    await page.type('#search', '读者测试会', { delay: 30 });
    await page.waitForSelector('#search-passages[data-state="ready"][data-query="读者测试会"] li.passage', { timeout: 60_000 });
    expect(await page.locator('#search-passages').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('#search-passages img, #search-passages script').count()).toBe(0);
    await page.keyboard.press('Escape');
  });
});
