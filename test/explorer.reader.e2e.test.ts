/**
 * The article itself (issue 26, item 4), in headless Chromium on the seed plus one hostile article with a
 * URL: from a fact's evidence the reader opens with the article's text, every evidence sentence of the
 * facts on the canvas marked and the clicked one in view; the title is a link; hostile text stays text.
 * Also: the path list goes when the path is cleared. Screenshots in test-artifacts/explorer/reader-*.png.
 */
import * as path from 'path';
import { closeTestDriver, wipe } from './support/db';
import { clickNode, loadDocuments, openExplorer, searchAndPick, settle, shot, SKIP_BROWSER, type ExplorerSession } from './support/explorerBrowser';

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
  let s: ExplorerSession;

  beforeAll(async () => {
    await wipe();
    await loadDocuments([path.resolve(__dirname, '..', 'seed')], [hostileArticle]);
    s = await openExplorer();
    await s.page.goto(`${s.server.base}/`);
    await s.page.waitForSelector('body[data-ready="true"]');
  }, 300_000);

  afterAll(async () => {
    await s?.close();
    await wipe();
    await closeTestDriver();
  });

  afterEach(() => expect(s.problems).toEqual([]));

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
    await page.keyboard.down('Shift');
    const nodes = (await page.evaluate(() => (window as any).__explorer.nodes())) as { id: string; x: number; y: number }[];
    const b = nodes.find((n) => n.id === SHI_ZHIHONG)!;
    await page.mouse.click(b.x, b.y);
    await page.keyboard.up('Shift');
    await page.waitForFunction(() => (window as any).__explorer.selected().length === 2);
    await page.click('#btn-path');
    await page.waitForSelector('#panel [data-section="paths"]', { timeout: 30_000 });
    await settle(page);
    await page.click('#btn-path-clear');
    await page.waitForSelector('#panel [data-section="paths"]', { state: 'detached' });
    expect(await page.locator('#path-result li').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__explorer.paths())).toEqual([]);
  });
});
