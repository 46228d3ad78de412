/**
 * Long lists in the details panel (issue 24 §2), in headless Chromium on the seed: the panel reads a page of each
 * list of a node and says how many there are in all ("20 of 44"), in the interface language; "more" reads the next
 * page into the panel until the list is whole, and the rows read stay when the panel is drawn again in another
 * language. Screenshots in test-artifacts/explorer/pages-*.png.
 */
import type { Page } from 'playwright-core';
import { clickControl, searchAndPick, settle, shot, SKIP_BROWSER } from './support/explorerBrowser';
import { useSeededExplorer } from './support/useSeededExplorer';

const ZONE = 'org:gaoyou-edz';
const FIGURES = '#panel [data-section="figures"]';
/** The zone's figures in the seed. */
const ALL = 44;

jest.setTimeout(180_000);
const describeBrowser = SKIP_BROWSER ? describe.skip : describe;

/** What the figures section shows: its count, its rows, its "more" button (null when none). */
async function figures(page: Page) {
  return page.evaluate((sel) => {
    const section = document.querySelector(sel) as HTMLElement;
    return {
      count: section.querySelector('h3 .count')?.textContent ?? null,
      rows: section.querySelectorAll('tbody tr[data-figure-id]').length,
      ids: new Set(Array.from(section.querySelectorAll('tbody tr[data-figure-id]'), (r) => (r as HTMLElement).dataset.figureId)).size,
      more: section.querySelector('[data-action="more"]')?.textContent ?? null,
    };
  }, FIGURES);
}

/** Clicks the section's "more" and waits until it holds `n` rows. */
async function more(page: Page, n: number): Promise<void> {
  await clickControl(page, `${FIGURES} [data-action="more"]`);
  await page.waitForFunction(([sel, rows]) => (document.querySelector(sel as string) as HTMLElement | null)?.dataset.loaded === String(rows), [FIGURES, n] as const);
}

describeBrowser('long lists in the details panel', () => {
  const s = useSeededExplorer({ open: { locale: 'en-US' } });

  it('when the zone is opened, its figures say "20 of 44" and "more" reads the next pages until all 44 are shown', async () => {
    const { page } = s;
    await searchAndPick(page, '高邮经济开发区', ZONE);
    await page.waitForSelector(`#panel[data-node-id="${ZONE}"][data-state="ready"]`);
    expect(await figures(page)).toEqual({ count: `20 of ${ALL}`, rows: 20, ids: 20, more: 'Show 20 more' });
    await shot(page, 'pages-01-first-page');
    await more(page, 40);
    expect(await figures(page)).toEqual({ count: `40 of ${ALL}`, rows: 40, ids: 40, more: `Show ${ALL - 40} more` });
    await more(page, ALL);
    // the whole list: a plain count, no button
    expect(await figures(page)).toEqual({ count: String(ALL), rows: ALL, ids: ALL, more: null });
    await shot(page, 'pages-02-all');
  });

  it('when the language is switched, the panel says the same in Chinese and keeps the rows read; a longer list offers its next page in Chinese', async () => {
    const { page } = s;
    await clickControl(page, '#btn-lang');
    await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
    await settle(page);
    // the panel is drawn again, in Chinese, from the details read (with the pages read since)
    await page.waitForFunction(() => document.querySelector('#panel [data-section="relations"] [data-action="more"]')?.textContent?.startsWith('再显示'));
    expect(await figures(page)).toEqual({ count: String(ALL), rows: ALL, ids: ALL, more: null });
    // the zone's relations (other than positions) are more than a page too
    const relations = page.locator('#panel [data-section="relations"]');
    const total = Number(await relations.getAttribute('data-total'));
    expect(total).toBeGreaterThan(20);
    expect(await relations.locator('h3 .count').textContent()).toBe(`20 / 共 ${total}`);
    expect(await relations.locator('[data-action="more"]').textContent()).toBe(`再显示 ${Math.min(20, total - 20)} 条`);
    await clickControl(page, '#panel [data-section="relations"] [data-action="more"]');
    await page.waitForFunction((n) => (document.querySelector('#panel [data-section="relations"]') as HTMLElement | null)?.dataset.loaded === String(n), Math.min(40, total));
    expect(await page.locator('#panel [data-section="relations"] li[data-relation]').count()).toBe(Math.min(40, total));
    await shot(page, 'pages-03-zh');
  });
});
