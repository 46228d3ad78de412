/**
 * The interface language (issue 26 §8), in headless Chromium on the seed: a `zh` browser gets the Chinese
 * interface, an English one the English; the switch changes every part of the page at once (fixed labels,
 * the panel, the legend, edge labels) and the choice is remembered across reloads. Data stays as it is.
 * Screenshots in test-artifacts/explorer/lang-*.png.
 */
import type { Page } from 'playwright-core';
import { searchAndPick, settle, shot, SKIP_BROWSER } from './support/explorerBrowser';
import { useSeededExplorer } from './support/useSeededExplorer';

const JIN_FENG = 'person:jin-feng';
const UNIVERSITY = 'org:jiangnan-university';

jest.setTimeout(180_000);
const describeBrowser = SKIP_BROWSER ? describe.skip : describe;

/** What the page shows in a few places that every part of it contributes to. */
async function looks(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    switch: document.getElementById('btn-lang')!.textContent,
    expandTitle: document.getElementById('h-expand')!.textContent,
    placeholder: (document.getElementById('search') as HTMLInputElement).placeholder,
    pathButton: document.getElementById('btn-path')!.textContent,
    legend: document.querySelector('#legend .legend-item[data-type="Person"]')!.textContent,
    panelExpand: document.querySelector('#panel [data-action="expand"]')?.textContent ?? null,
    eventsSection: document.querySelector('#panel [data-section="events"] h3 span')?.textContent ?? null,
    timeline: document.getElementById('timeline-summary')!.textContent,
    edgeLabels: ((window as any).__explorer.edges() as { label: string }[]).map((e) => e.label),
  }));
}

describeBrowser('the interface language', () => {
  // the page is opened by the first test, to see what a zh browser gets first
  const s = useSeededExplorer({ open: { locale: 'zh-CN' }, goto: false });

  it('is Chinese for a zh browser; the switch turns every part of the page to English, and a reload keeps it', async () => {
    const { page } = s;
    await page.goto(`${s.server.base}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await searchAndPick(page, '金锋', JIN_FENG);
    await page.waitForSelector(`#panel[data-node-id="${JIN_FENG}"][data-state="ready"]`);
    const zh = await looks(page);
    expect(zh).toMatchObject({ lang: 'zh-CN', switch: 'English', expandTitle: '展开', pathButton: '查找路径', panelExpand: '展开', eventsSection: '事件' });
    expect(zh.placeholder).toContain('搜索人物');
    expect(zh.legend).toContain('人物');
    expect(zh.timeline).toContain('事件');
    // the data is not translated: the name is the same in both
    expect(await page.locator('#panel-title').textContent()).toBe('金锋');
    await shot(page, 'lang-01-zh');

    await page.click('#btn-lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await settle(page);
    const en = await looks(page);
    expect(en).toMatchObject({ switch: '中文', expandTitle: 'Expand', pathButton: 'Show paths', panelExpand: 'Expand', eventsSection: 'Events' });
    expect(en.placeholder).toMatch(/^Search people/);
    expect(en.legend).toMatch(/^Person/);
    expect(en.timeline).toMatch(/events/);
    expect(await page.locator('#panel-title').textContent()).toBe('金锋');
    await shot(page, 'lang-02-en');

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector(`#panel[data-node-id="${JIN_FENG}"][data-state="ready"]`);
    expect(await looks(page)).toMatchObject({ lang: 'en', switch: '中文', expandTitle: 'Expand', panelExpand: 'Expand' });
  });

  it('is English for an English browser; switched to 中文 it stays Chinese after a reload, edge labels included', async () => {
    const context = await s.browser.newContext({ viewport: { width: 1480, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    s.watch(page);
    try {
      await page.goto(`${s.server.base}/`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await looks(page)).toMatchObject({ lang: 'en', switch: '中文', expandTitle: 'Expand' });
      await searchAndPick(page, '江南大学', UNIVERSITY);
      await page.waitForSelector(`#panel[data-node-id="${UNIVERSITY}"] [data-action="expand"]`);
      await page.click('#panel [data-action="expand"]');
      await page.waitForFunction(() => (window as any).__explorer.edges().length > 0, null, { timeout: 60_000 });
      await settle(page);
      const english = (await looks(page)).edgeLabels;
      await page.click('#btn-lang');
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      await settle(page);
      const zh = await looks(page);
      expect(zh).toMatchObject({ switch: 'English', expandTitle: '展开', panelExpand: '展开' });
      // relation words follow the language: the college is part of the university
      expect(english).toContain('part of');
      expect(zh.edgeLabels).toContain('隶属于');
      expect(zh.edgeLabels).not.toContain('part of');
      await shot(page, 'lang-03-switched-to-zh');
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      expect(await looks(page)).toMatchObject({ lang: 'zh-CN', switch: 'English', expandTitle: '展开' });
      expect(await page.evaluate(() => localStorage.getItem('kg-explorer.lang'))).toBe('zh');
    } finally {
      await context.close();
    }
  });
});
