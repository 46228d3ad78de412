/**
 * Filter and style the canvas (issue 26 §5), in headless Chromium on the seed, two steps around 金锋: nodes filtered by
 * type, kind, a property's value and degree; sized by degree or by the articles mentioning them; coloured by
 * kind; all of it in the link. Screenshots in test-artifacts/explorer/style-*.png.
 */
import type { Page } from 'playwright-core';
import { clickNode, searchAndPick, settle, shot, SKIP_BROWSER } from './support/explorerBrowser';
import { useSeededExplorer } from './support/useSeededExplorer';

const JIN_FENG = 'person:jin-feng';

jest.setTimeout(180_000);
const describeBrowser = SKIP_BROWSER ? describe.skip : describe;

interface Drawn {
  id: string;
  label: string;
  type: string;
  visible: boolean;
  classes: string[];
  size: number;
  colour: string;
}
const drawn = (page: Page): Promise<Drawn[]> => page.evaluate(() => (window as any).__explorer.nodes().filter((n: any) => n.type !== 'Cluster'));
const edges = (page: Page): Promise<{ source: string; target: string }[]> => page.evaluate(() => (window as any).__explorer.edges());
const degree = (es: { source: string; target: string }[], id: string) => es.filter((e) => e.source === id || e.target === id).length;
/** Waits for the rules to be applied (they run on the next frame). */
const applied = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describeBrowser('filter and style the canvas', () => {
  const s = useSeededExplorer({
    then: async ({ page }) => {
      await searchAndPick(page, '金锋', JIN_FENG);
      // two steps: the people and organisations at 金锋's events too
      await page.selectOption('#depth', '2');
      await clickNode(page, JIN_FENG, 'dblclick');
      await page.waitForFunction(() => (window as any).__explorer.nodes().length > 8, null, { timeout: 60_000 });
      await settle(page);
    },
  });

  it('filters by type, by kind, by a property value and by degree', async () => {
    const { page } = s;
    const all = await drawn(page);
    expect(all.some((n) => n.type === 'Event')).toBe(true);
    // the chip's label is what a user clicks (the box itself is visually hidden)
    await page.click('label[for="style-type-Event"]');
    expect(await page.isChecked('#style-type-Event')).toBe(false);
    await applied(page);
    let now = await drawn(page);
    expect(now.filter((n) => n.type === 'Event').every((n) => !n.visible)).toBe(true);
    expect(now.filter((n) => n.type !== 'Event').every((n) => n.visible)).toBe(true);
    expect(await page.textContent('#style-summary')).toContain(`${all.filter((n) => n.type === 'Event').length} of ${all.length}`);
    await shot(page, 'style-01-no-events');
    await page.click('label[for="style-type-Event"]');
    expect(await page.isChecked('#style-type-Event')).toBe(true);

    // a property value: the events whose name mentions 签约
    await page.selectOption('#style-property', 'name');
    await page.fill('#style-value', '签约');
    await applied(page);
    now = await drawn(page);
    expect(now.filter((n) => n.visible).map((n) => n.label).every((l) => l.includes('签约'))).toBe(true);
    expect(now.filter((n) => n.visible).length).toBeGreaterThan(0);
    await page.fill('#style-value', '');

    // a kind: the kinds on the canvas are the choices
    const kinds = await page.$$eval('#style-kind option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(kinds.length).toBeGreaterThan(1);
    await page.selectOption('#style-kind', 'Meeting');
    await applied(page);
    now = await drawn(page);
    const meetings = now.filter((n) => n.visible);
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.every((n) => n.type === 'Event')).toBe(true);
    await page.selectOption('#style-kind', '');

    // degree: at least 3 links on the canvas
    await page.fill('#style-degree', '3');
    await applied(page);
    now = await drawn(page);
    const es = await edges(page);
    for (const n of now) expect([n.id, n.visible]).toEqual([n.id, degree(es, n.id) >= 3]);
    await shot(page, 'style-02-degree-3');
    await page.fill('#style-degree', '0');
  });

  it('sizes by degree and by mentions, colours by kind, and keeps it all in the link', async () => {
    const { page } = s;
    await page.selectOption('#style-size', 'degree');
    await applied(page);
    let now = await drawn(page);
    const es = await edges(page);
    // the most linked node is the biggest, and a node with more links is never smaller
    const hub = now.reduce((a, b) => (degree(es, b.id) > degree(es, a.id) ? b : a));
    expect(hub.size).toBe(72);
    for (const a of now) for (const b of now) if (degree(es, a.id) > degree(es, b.id)) expect(a.size).toBeGreaterThanOrEqual(b.size);
    expect(Math.min(...now.map((n) => n.size))).toBeLessThan(hub.size);

    await page.selectOption('#style-colour', 'kind');
    await applied(page);
    now = await drawn(page);
    const legend = await page.$$eval('#style-legend .legend-item', (is) => is.map((i) => (i as HTMLElement).dataset.value));
    expect(legend.length).toBeGreaterThan(1);
    const meetingColours = new Set(now.filter((n) => n.type === 'Event' && n.classes.includes('coloured')).map((n) => n.colour));
    expect(meetingColours.size).toBeGreaterThan(0);
    await shot(page, 'style-03-sized-by-degree-coloured-by-kind');

    await page.selectOption('#style-size', 'mentions');
    await page.waitForFunction(() => !(window as any).__explorer.busy);
    await applied(page);
    now = await drawn(page);
    expect(now.every((n) => n.classes.includes('sized'))).toBe(true);

    await page.fill('#style-degree', '2');
    await applied(page);
    const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
    expect([hash.get('sz'), hash.get('sc'), hash.get('sd')]).toEqual(['mentions', 'kind', '2']);
    const before = (await drawn(page)).map((n) => [n.id, n.visible]).sort();
    const other = await s.context.newPage();
    s.watch(other);
    await other.goto(page.url());
    await other.waitForSelector('body[data-ready="true"]');
    await settle(other);
    await applied(other);
    expect(await other.inputValue('#style-size')).toBe('mentions');
    expect(await other.inputValue('#style-colour')).toBe('kind');
    expect(await other.inputValue('#style-degree')).toBe('2');
    expect((await drawn(other)).map((n) => [n.id, n.visible]).sort()).toEqual(before);
    await shot(other, 'style-04-restored-from-the-link');
    await other.close();
    await page.click('#btn-style-reset');
    await applied(page);
    expect((await drawn(page)).every((n) => n.visible && !n.classes.includes('sized') && !n.classes.includes('coloured'))).toBe(true);
  });
});
