/**
 * The explorer on the API's newer reads (issue 26 §7), in headless Chromium on the seed: an entity's events filtered by
 * the server's `where` (type, its role, a date window, at least so many participants) drawn on the canvas; search hits
 * saying which name or alias matched; the text hits paged with "More" and reached with the arrow keys; an event's
 * `partOf` and `parts` in its panel. Screenshots in test-artifacts/explorer/api-*.png.
 */
import type { Page } from 'playwright-core';
import { searchAndPick, settle, shot, SKIP_BROWSER } from './support/explorerBrowser';
import { useSeededExplorer } from './support/useSeededExplorer';

// the first `events(where)` of a fresh server took tens of seconds on a loaded machine (it blocks the test's own process)
jest.setTimeout(400_000);
const describeBrowser = SKIP_BROWSER ? describe.skip : describe;

const ZONE = 'org:gaoyou-edz';
const ev = (key: string) => `gaoyou-edz-newsletter-2023-06#${key}`;
/** the zone's events of 21-26 June with at least 5 participants, as the seed states them */
const BUSY_WEEK = ['ev-0621-signing', 'ev-0621-cast-inspection', 'ev-0625-observation', 'ev-0626-meeting'].map(ev);

const nodeIds = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__explorer.nodes().map((n: any) => n.id));
const edgePairs = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__explorer.edges().map((e: any) => `${e.source} ${e.target}`));

async function drawWhere(page: Page, c: { type?: string; role?: string; from?: string; to?: string; min?: string }): Promise<string> {
  await page.selectOption('#ew-type', c.type ?? '');
  await page.selectOption('#ew-role', c.role ?? '');
  await page.fill('#ew-from', c.from ?? '');
  await page.fill('#ew-to', c.to ?? '');
  await page.fill('#ew-min', c.min ?? '');
  const before = Number(await page.getAttribute('#panel .ew-status', 'data-run'));
  await page.click('#ew-go', { timeout: 180_000 });
  // the status line says the outcome of this run once the request (and the layout) are done
  await page.waitForFunction((was) => {
    const s = document.querySelector('#panel .ew-status') as HTMLElement | null;
    return !!s && Number(s.dataset.run) > was && s.dataset.state !== 'loading' && !(window as any).__explorer.busy;
  }, before, { timeout: 180_000 });
  await settle(page);
  return (await page.getAttribute('#panel .ew-status', 'data-state'))!;
}

describeBrowser('the explorer on the newer API', () => {
  const s = useSeededExplorer();

  it('when the zone’s events of 21-26 June with at least 5 participants are asked for, then exactly those are drawn, linked to it', async () => {
    const { page } = s;
    await searchAndPick(page, '高邮经济开发区', ZONE);
    await page.waitForSelector(`#panel[data-node-id="${ZONE}"][data-state="ready"] section[data-section="event-where"]`, { timeout: 30_000 });
    expect(await drawWhere(page, { from: '2023-06-21', to: '2023-06-26', min: '5' })).toBe('done');
    const ids = await nodeIds(page);
    expect(ids.filter((id) => id.includes('#')).sort()).toEqual([...BUSY_WEEK].sort());
    const pairs = await edgePairs(page);
    for (const id of BUSY_WEEK) expect(pairs).toContain(`${ZONE} ${id}`);
    expect(await page.textContent('#panel .ew-status')).toContain('4');
    // drawn on purpose: they are in the link
    const saved = await page.evaluate(() => (window as any).__explorer.view().nodes as string[]);
    expect(saved).toEqual(expect.arrayContaining(BUSY_WEEK));
    await shot(page, 'api-01-events-where');

    // as a signatory, in June, with at least 5 participants: only the signing of the 21st (already drawn: nothing new)
    expect(await drawWhere(page, { role: 'signatory', from: '2023-06', min: '5' })).toBe('done');
    expect((await nodeIds(page)).filter((id) => id.includes('#')).length).toBe(BUSY_WEEK.length);
    expect(await page.textContent('#panel .ew-status')).toMatch(/1\D.*0/);

    // the signings of 26 June, of any size: the four signed at the meeting join the canvas
    expect(await drawWhere(page, { type: 'Signing', from: '2023-06-26', to: '2023-06-26' })).toBe('done');
    const signings = ['ev-0626-signing-jnu', 'ev-0626-signing-yzpc', 'ev-0626-signing-yzpi', 'ev-0626-signing-gyvs'].map(ev);
    expect(await nodeIds(page)).toEqual(expect.arrayContaining(signings));
    const labels = await page.evaluate(() => (window as any).__explorer.edges().map((e: any) => [e.source, e.target, e.label]));
    for (const id of signings) expect(labels).toContainEqual([ZONE, id, expect.stringMatching(/signatory/i)]);
  });

  it('when the conditions name no event or a bad date, then it says so and draws nothing', async () => {
    const { page } = s;
    const before = (await nodeIds(page)).length;
    expect(await drawWhere(page, { type: 'Training', from: '2023-06-20', to: '2023-06-30' })).toBe('none');
    expect(await drawWhere(page, { from: '2023-13-01' })).toBe('error');
    expect(await page.textContent('#panel .ew-status')).toContain('YYYY-MM-DD');
    expect((await nodeIds(page)).length).toBe(before);
  });

  it('when a search matches an alias, the start of a name or the pinyin, then the hit says which name matched, marked', async () => {
    const { page } = s;
    await page.fill('#search', '');
    await page.type('#search', '扬州科协', { delay: 30 });
    const cast = page.locator('#search-results li[data-id="org:yangzhou-cast"]');
    await cast.waitFor({ timeout: 60_000 });
    expect(await cast.getAttribute('data-match-field')).toBe('ALIAS');
    expect(await cast.locator('.hit-name').textContent()).toBe('扬州市科协');
    expect(await cast.locator('.hit-alias mark').textContent()).toBe('扬州科协');
    await shot(page, 'api-02-alias-match');

    await page.fill('#search', '');
    await page.type('#search', '江南大学', { delay: 30 });
    const college = page.locator('#search-results li[data-id="org:jiangnan-university-life-sciences-college"]');
    await college.waitFor({ timeout: 60_000 });
    expect(await college.getAttribute('data-match-field')).toBe('NAME');
    expect(await college.locator('.hit-name mark').first().textContent()).toBe('江南大学');

    await page.fill('#search', '');
    await page.type('#search', 'jinfeng', { delay: 30 });
    const jin = page.locator('#search-results li[data-id="person:jin-feng"]');
    await jin.waitFor({ timeout: 60_000 });
    expect(await jin.getAttribute('data-match-kind')).toBe('PINYIN');
    expect(await jin.locator('.match-how').textContent()).toBe('pinyin');
    await page.keyboard.press('Escape');
  });

  it('when there are more than 5 text hits, then "More" brings the next ones and the arrow keys reach them', async () => {
    const { page } = s;
    await page.fill('#search', '');
    await page.type('#search', '开发区', { delay: 30 });
    await page.waitForSelector('#search-passages[data-state="ready"][data-query="开发区"] li.passage', { timeout: 60_000 });
    await page.waitForSelector('#search-results li[role="option"]');
    expect(await page.locator('#search-passages li.passage').count()).toBe(5);
    await page.waitForSelector('#search-passages li.passages-more');
    const names = await page.locator('#search-results li[role="option"]').count();
    // down through the names and the five sentences to "More", and Enter
    for (let i = 0; i < names + 6; i += 1) await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#search', 'aria-activedescendant')).toBe('passages-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#search-passages li.passage').length > 5, null, { timeout: 60_000 });
    // the first of the new sentences is the active one
    expect(await page.getAttribute('#search', 'aria-activedescendant')).toBe('passage-5');
    expect(await page.getAttribute('#passage-5', 'aria-selected')).toBe('true');
    await shot(page, 'api-03-more-sentences');
    const sentence = (await page.locator('#passage-5 .passage-text').textContent())!;
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reader[data-state="ready"]', { timeout: 30_000 });
    expect(await page.locator('#reader-text mark.focus').textContent()).toContain(sentence.trim().slice(0, 12));
    await page.click('#reader .reader-close');
  });

  it('when an event took place during another, then its panel says during which, and the other lists it', async () => {
    const { page } = s;
    await searchAndPick(page, '开发区与扬州市职业大学合作签约', ev('ev-0626-signing-yzpc'));
    const during = page.locator(`#panel[data-node-id="${ev('ev-0626-signing-yzpc')}"][data-state="ready"] section[data-section="part-of"]`);
    await during.waitFor({ timeout: 30_000 });
    expect(await during.locator('[data-entity-id]').getAttribute('data-entity-id')).toBe(ev('ev-0626-meeting'));
    await during.locator('[data-entity-id]').click();
    const parts = page.locator(`#panel[data-node-id="${ev('ev-0626-meeting')}"][data-state="ready"] section[data-section="parts"]`);
    await parts.waitFor({ timeout: 30_000 });
    expect(await parts.locator('li[data-event-id]').count()).toBe(5);
    await shot(page, 'api-04-part-of');
  });
});
