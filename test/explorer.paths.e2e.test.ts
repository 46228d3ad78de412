/**
 * Paths an analyst can steer, and partners through units (issue 26 §2, issue 23 §3), in headless Chromium on
 * the seed: the shortest paths between 塔院村 and 江南大学 run through the zone; avoiding the zone (right-click,
 * "Avoid in paths") and asking for longer paths too lists several, shortest first, each step opening to its
 * evidence; the link keeps it all. 江南大学's partners, through its college, are the zone; without its units,
 * none. Leaving the relation "partner of" and Signing events out in the card, the paths go round them (through the
 * centre the zone and the college both operate), and the link keeps that too. Screenshots in
 * test-artifacts/explorer/paths-*.png and partners-*.png.
 */
import { seedDoc } from './support/seedGraph';
import { clickNode, drawnNodes, searchAndPick, settle, shot, SKIP_BROWSER } from './support/explorerBrowser';
import { useSeededExplorer } from './support/useSeededExplorer';

const VILLAGE = 'village:tayuan';
const UNIVERSITY = 'org:jiangnan-university';
const COLLEGE = 'org:jiangnan-university-life-sciences-college';
const ZONE = 'org:gaoyou-edz';

jest.setTimeout(180_000);
const describeBrowser = SKIP_BROWSER ? describe.skip : describe;

type Found = { length: number; nodes: string[]; kinds: (string | null)[]; edgeTypes: string[] }[];

describeBrowser('paths an analyst can steer, and partners through units', () => {
  const s = useSeededExplorer();
  const found = (): Promise<Found> => s.page.evaluate(() => (window as any).__explorer.paths());

  it('shows 江南大学’s partners through its units (the zone, via its college), and none of its own', async () => {
    const { page } = s;
    await searchAndPick(page, '江南大学', UNIVERSITY);
    const body = page.locator('#panel [data-section="partners"] .partners-body');
    await page.waitForSelector('#panel [data-section="partners"] .partners-body[data-state="ready"][data-include-units="true"]', { timeout: 30_000 });
    const zone = body.locator(`li[data-partner-id="${ZONE}"]`);
    expect(await zone.count()).toBe(1);
    expect(await body.locator('li.partner').count()).toBe(1);
    expect(await zone.locator('.partner-via').getAttribute('data-via')).toBe(COLLEGE);
    // through which event: the 6/21 signing of the zone with the college
    expect(await zone.locator('.partner-event').first().getAttribute('data-event-id')).toBe('gaoyou-edz-newsletter-2023-06#ev-0621-signing');
    await page.locator('#panel [data-section="partners"]').scrollIntoViewIfNeeded();
    await shot(page, 'partners-01-through-units');
    await page.uncheck('#partners-units');
    await page.waitForSelector('#panel [data-section="partners"] .partners-body[data-state="ready"][data-include-units="false"]', { timeout: 30_000 });
    expect(await body.locator('li.partner').count()).toBe(0);
    expect(await body.textContent()).toContain('No partners of its own');
    await shot(page, 'partners-02-own-only');
    await page.check('#partners-units');
    await page.waitForSelector('#panel [data-section="partners"] .partners-body[data-include-units="true"] li.partner');
  });

  it('finds the shortest paths from 塔院村 to 江南大学 through the zone', async () => {
    const { page } = s;
    await searchAndPick(page, '塔院村', VILLAGE);
    await page.click('#panel [data-action="path-from"]');
    await clickNode(page, UNIVERSITY);
    await page.waitForSelector(`#panel[data-node-id="${UNIVERSITY}"] [data-action="path-to"]`);
    await page.click('#panel [data-action="path-to"]');
    await page.click('#btn-path');
    await page.waitForSelector('#path-result[data-count]', { timeout: 30_000 });
    await settle(page);
    const paths = await found();
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.nodes.includes(ZONE))).toBe(true);
    await shot(page, 'paths-01-through-the-zone');
  });

  it('avoids the zone from its menu and lists several paths, shortest first, each step with its evidence', async () => {
    const { page } = s;
    const zone = (await drawnNodes(page)).find((n) => n.id === ZONE)!;
    await page.mouse.click(zone.x, zone.y, { button: 'right' });
    const menu = page.locator(`.node-menu[data-node-id="${ZONE}"]`);
    await menu.waitFor();
    await shot(page, 'paths-02-node-menu');
    await menu.locator('[data-action="avoid"]').click();
    await page.waitForSelector(`#path-avoid .avoid-chip[data-id="${ZONE}"]`);
    expect((await drawnNodes(page)).find((n) => n.id === ZONE)!.classes).toContain('avoided');
    await page.check('#path-all-lengths');
    await page.click('#btn-path');
    await page.waitForFunction((z) => {
      const p = (window as any).__explorer.paths();
      return p.length > 1 && p.every((x: any) => !x.nodes.includes(z));
    }, ZONE, { timeout: 30_000 });
    await settle(page);
    const paths = await found();
    const lengths = paths.map((p) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(new Set(lengths).size).toBeGreaterThan(1);
    for (const p of paths) expect(new Set(p.nodes).size).toBe(p.nodes.length);
    expect(await page.locator('#path-result ol.path-list > li').count()).toBe(paths.length);
    await shot(page, 'paths-03-avoiding-the-zone');
    // a step opens to the sentence that states it, word for word from the article
    const step = page.locator('#path-result ol.path-list > li').first().locator('details.path-step').first();
    await step.locator('summary').click();
    const evidence = (await step.locator('.evidence').first().textContent())!;
    expect(evidence.length).toBeGreaterThan(5);
    expect(seedDoc.article.text).toContain(evidence);
    expect(await step.locator('[data-action="read"]').count()).toBeGreaterThan(0);
    // one path alone on the canvas
    await page.locator('#path-result ol.path-list > li').nth(1).locator('[data-action="show-path"]').click();
    const alone = (await page.evaluate(() => (window as any).__explorer.highlighted())).nodes as string[];
    expect(alone.sort()).toEqual([...paths[1].nodes].sort());
    await shot(page, 'paths-04-one-path-and-its-evidence');
  });

  it('keeps the avoided nodes and the choice of lengths in the link', async () => {
    const { page } = s;
    const link = page.url();
    const hash = new URLSearchParams(new URL(link).hash.slice(1));
    expect(hash.getAll('av')).toEqual([ZONE]);
    expect(hash.get('al')).toBe('1');
    const other = await s.context.newPage();
    s.watch(other);
    await other.goto(link);
    await other.waitForSelector('body[data-ready="true"]');
    await other.waitForSelector(`#path-avoid .avoid-chip[data-id="${ZONE}"]`);
    expect(await other.isChecked('#path-all-lengths')).toBe(true);
    await other.waitForFunction(() => (window as any).__explorer.paths().length > 1, null, { timeout: 60_000 });
    const restored = (await other.evaluate(() => (window as any).__explorer.paths())) as Found;
    expect(restored.every((p) => !p.nodes.includes(ZONE))).toBe(true);
    await other.close();
    // Clear forgets the avoided nodes too
    await page.click('#btn-path-clear');
    expect(await page.locator('#path-avoid .avoid-chip').count()).toBe(0);
    expect((await drawnNodes(page)).find((n) => n.id === ZONE)!.classes).not.toContain('avoided');
  });

  it('leaves a relation type and an event type out of the paths from the card, and the link keeps them', async () => {
    const { page } = s;
    await clickNode(page, VILLAGE);
    await page.click(`#panel[data-node-id="${VILLAGE}"] [data-action="path-from"]`);
    await clickNode(page, UNIVERSITY);
    await page.click(`#panel[data-node-id="${UNIVERSITY}"] [data-action="path-to"]`);
    await page.click('#btn-path');
    await page.waitForFunction(() => (window as any).__explorer.paths().length > 0, null, { timeout: 30_000 });
    const before = await found();
    // the shortest go through the partnership of the zone with the college, or a signing of theirs
    expect(before.some((p) => p.edgeTypes.includes('PARTNER_OF'))).toBe(true);
    expect(before.some((p) => p.kinds.includes('Signing'))).toBe(true);
    await page.click('#path-types > summary');
    // the chip's label is what a user clicks (the box itself is visually hidden)
    await page.click('label[for="path-relation-PARTNER_OF"]');
    await page.click('label[for="path-event-Signing"]');
    expect(await page.isChecked('#path-relation-PARTNER_OF')).toBe(false);
    expect(await page.locator('#path-types-count').textContent()).toContain('2');
    expect(await page.locator('#path-avoid .avoid-type').evaluateAll((xs) => xs.map((x) => (x as HTMLElement).dataset.type))).toEqual(['PARTNER_OF', 'Signing']);
    await page.click('#btn-path');
    await page.waitForFunction(() => {
      const p = (window as any).__explorer.paths();
      return p.length > 0 && p.every((x: any) => !x.edgeTypes.includes('PARTNER_OF') && !x.kinds.includes('Signing'));
    }, null, { timeout: 30_000 });
    await settle(page);
    const after = await found();
    // round them: through the centre both operate (OPERATES), the college part of the university
    expect(after[0].edgeTypes).toContain('OPERATES');
    await shot(page, 'paths-05-types-left-out');
    const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
    expect([hash.get('ar'), hash.get('ae')]).toEqual(['PARTNER_OF', 'Signing']);
    const other = await s.context.newPage();
    s.watch(other);
    await other.goto(page.url());
    await other.waitForSelector('body[data-ready="true"]');
    await other.waitForFunction(() => (window as any).__explorer.paths().length > 0, null, { timeout: 60_000 });
    const restored = (await other.evaluate(() => (window as any).__explorer.paths())) as Found;
    expect(restored.every((p) => !p.edgeTypes.includes('PARTNER_OF') && !p.kinds.includes('Signing'))).toBe(true);
    expect(await other.isChecked('#path-event-Signing')).toBe(false);
    await other.close();
    // × on a chip lets the paths use the type again
    await page.click('#path-avoid .avoid-type[data-type="PARTNER_OF"] .chip-x');
    expect(await page.isChecked('#path-relation-PARTNER_OF')).toBe(true);
    expect(await page.locator('#path-avoid .avoid-type').count()).toBe(1);
  });
});
