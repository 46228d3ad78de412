/**
 * Hubs stay readable (issue 26, item 1), in headless Chromium on a generated graph: one development zone
 * with 2 000 neighbours (800 officials in three posts, 700 meetings it organised, 300 partner companies,
 * 200 projects it operates), loaded through the product's ingest in four documents, plus the seed.
 *
 * When the zone is expanded, its neighbours are grouped into cluster nodes by type and relation or role,
 * each with its count; a group is searchable within and drawn on demand; labels follow the zoom (fewer,
 * larger, the most connected first), the full name of a shortened label shows on hover, edge labels on
 * hover. Screenshots in test-artifacts/explorer/hub-*.png.
 */
import type { Page } from 'playwright-core';
import { clickNode, drawnNodes, searchAndPick, settle, shot, SKIP_BROWSER } from './support/explorerBrowser';
import { useSeededExplorer } from './support/useSeededExplorer';

const HUB = 'org:hub-zone';
const HUB_NAME = '枢纽经济开发区';
const TITLES = ['科员', '副主任', '主任'];
const LONG_NAME = `长名${'很'.repeat(296)}的人`; // 300 characters
const RTL_NAME = '\u202Eevil\u202C 反向';

/** The 2 000 neighbours, in four documents of 500 facts each. */
function hubDocuments(): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [];
  const kinds: { n: number; make: (i: number) => { entity?: Record<string, unknown>; event?: Record<string, unknown>; relation?: Record<string, unknown> } }[] = [
    {
      n: 800,
      make: (i) => ({
        entity: { key: `p${i}`, type: 'Person', name: i === 0 ? LONG_NAME : i === 1 ? RTL_NAME : `干部${i}号` },
        relation: { type: 'HOLDS_POSITION', from: `p${i}`, to: 'hub', attributes: { title: TITLES[i % 3] }, evidence: `干部${i}号任${TITLES[i % 3]}。` },
      }),
    },
    {
      n: 700,
      make: (i) => ({
        event: { key: `m${i}`, type: 'Meeting', name: `第${i}次例会`, date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`, participants: [{ entity: 'hub', role: 'organizer' }] },
      }),
    },
    { n: 300, make: (i) => ({ entity: { key: `c${i}`, type: 'Organization', kind: 'Company', name: `合作企业${i}有限公司` }, relation: { type: 'PARTNER_OF', from: 'hub', to: `c${i}` } }) },
    { n: 200, make: (i) => ({ entity: { key: `j${i}`, type: 'Project', name: `项目${i}` }, relation: { type: 'OPERATES', from: 'hub', to: `j${i}` } }) },
  ];
  const facts = kinds.flatMap((k) => Array.from({ length: k.n }, (_, i) => k.make(i)));
  for (let d = 0; d < 4; d += 1) {
    const part = facts.slice(d * 500, (d + 1) * 500);
    docs.push({
      format: 'kg-article/1',
      article: { id: `hub-e2e-${d}`, title: `枢纽报道${d}`, publishedOn: '2023-12-01', language: 'zh' },
      entities: [{ key: 'hub', type: 'Organization', kind: 'DevelopmentZone', id: HUB, name: HUB_NAME }, ...part.flatMap((f) => (f.entity ? [f.entity] : []))],
      events: part.flatMap((f) => (f.event ? [f.event] : [])),
      relations: part.flatMap((f) => (f.relation ? [f.relation] : [])),
    });
  }
  return docs;
}

jest.setTimeout(400_000);
const describeBrowser = SKIP_BROWSER ? describe.skip : describe;

interface ClusterInfo {
  id: string;
  what: string;
  word: string;
  count: number;
  partial: boolean;
}

/** Pairs of drawn node labels whose boxes overlap (by more than the text background's few px). */
async function overlappingLabels(page: Page): Promise<string[]> {
  const boxes = (await page.evaluate(() => (window as any).__explorer.labels())) as { id: string; x1: number; y1: number; x2: number; y2: number }[];
  const slack = 3;
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i += 1)
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i];
      const b = boxes[j];
      if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > slack && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > slack) out.push(`${a.id} / ${b.id}`);
    }
  return out;
}

describeBrowser('a hub of 2 000 neighbours in the explorer', () => {
  const s = useSeededExplorer({ docs: hubDocuments() });
  const clusters = (): Promise<ClusterInfo[]> => s.page.evaluate(() => (window as any).__explorer.clusters());

  it('when the zone is expanded, its neighbours come as groups by type and relation, with counts', async () => {
    const { page } = s;
    await searchAndPick(page, HUB_NAME, HUB);
    await clickNode(page, HUB, 'dblclick');
    await page.waitForFunction(() => (window as any).__explorer.clusters().length > 0, null, { timeout: 300_000 });
    await settle(page);
    const groups = await clusters();
    // a hub is fetched by type, up to 500 nodes a request (the zone and 499 neighbours): the officials and
    // the meetings fill theirs (their groups say they may hold more), the 300 partners and 200 projects do not
    const total = (what: string) => groups.filter((c) => c.what === what).reduce((n, c) => n + c.count, 0);
    expect([total('Person'), total('Meeting'), total('Organization'), total('Project')]).toEqual([499, 499, 300, 200]);
    expect(groups.filter((c) => c.partial).map((c) => c.what).sort()).toEqual(['Meeting', 'Person', 'Person', 'Person']);
    const words = groups.map((c) => `${c.what}|${c.word}`);
    expect(words).toEqual(expect.arrayContaining(['Person|科员', 'Person|主任', 'Person|副主任']));
    expect(new Set(words).size).toBe(words.length);
    // the canvas holds the zone and its groups, not 500 nodes
    const nodes = await drawnNodes(page);
    expect(nodes.length).toBe(1 + groups.length);
    expect(await page.locator('#stage').getAttribute('data-node-count')).toBe(String(nodes.length));
    // the link keeps the zone and its expansion, never the groups (they are not the graph's)
    const view = (await page.evaluate(() => (window as any).__explorer.view())) as { nodes: string[]; added: string[]; expanded: string[] };
    expect([...view.nodes, ...view.added]).toEqual([HUB]);
    expect(view.expanded).toEqual([HUB]);
    await shot(page, 'hub-01-grouped');
  });

  it('a group is searchable within, and draws one member or many on demand', async () => {
    const { page } = s;
    const biggest = (await clusters()).sort((a, b) => b.count - a.count)[0];
    await clickNode(page, biggest.id);
    await page.waitForSelector(`#panel[data-kind="cluster"]`);
    expect(await page.locator('#panel-title').textContent()).toBe(`${biggest.what} · ${biggest.word}`);
    const firstName = (await page.locator('#panel [data-section="members"] .entity-name').first().textContent())!;
    await page.fill('#cluster-filter', firstName);
    const found = page.locator('#panel [data-section="members"] li');
    expect(await found.count()).toBeGreaterThanOrEqual(1);
    expect(await found.first().textContent()).toContain(firstName);
    await shot(page, 'hub-02-group-panel');
    const memberId = (await found.first().locator('.entity-link').getAttribute('data-entity-id'))!;
    await found.first().locator('.entity-link').click();
    await page.waitForFunction((id) => (window as any).__explorer.nodes().some((n: any) => n.id === id), memberId);
    await settle(page);
    expect(((await clusters()).find((c) => c.id === biggest.id))!.count).toBe(biggest.count - 1);
    // the rest of the group, drawn from its panel
    await clickNode(page, biggest.id);
    await page.waitForSelector(`#panel[data-kind="cluster"]`);
    await page.click('#panel [data-action="draw-all"]');
    await page.waitForFunction((n) => (window as any).__explorer.nodes().length >= n, Math.min(biggest.count, 150) + 2, { timeout: 60_000 });
    await settle(page);
    await page.click('#btn-fit');
    await settle(page);
    await shot(page, 'hub-03-group-drawn');
  });

  it('labels follow the zoom: at fit only the most connected are labelled, in a readable size', async () => {
    const { page } = s;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const zoom = (await page.evaluate(() => (window as any).__explorer.zoom())) as number;
    const nodes = await drawnNodes(page);
    expect(nodes.length).toBeGreaterThan(100);
    expect(zoom).toBeLessThan(0.9);
    const labelled = nodes.filter((n) => !n.classes.includes('no-label'));
    expect(labelled.length).toBeLessThan(nodes.length);
    expect(labelled.map((n) => n.id)).toContain(HUB);
    // a larger font class keeps the labels drawn at a readable size on screen
    const fontClass = zoom >= 0.6 ? 'fs-m' : zoom >= 0.4 ? 'fs-l' : 'fs-xl';
    const px = { 'fs-m': 15, 'fs-l': 22, 'fs-xl': 32 }[fontClass] * zoom;
    expect(nodes.find((n) => n.id === HUB)!.classes).toContain(fontClass);
    expect(px).toBeGreaterThanOrEqual(8);
    expect(await overlappingLabels(page)).toEqual([]);
    // zoomed in, a larger share of the nodes in view is labelled, still no label over another
    await page.mouse.move(700, 450);
    for (let i = 0; i < 120 && ((await page.evaluate(() => (window as any).__explorer.zoom())) as number) < 1.3; i += 1) {
      await page.mouse.wheel(0, -600);
      await page.waitForFunction(() => !(window as any).__explorer.busy);
    }
    await settle(page);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const box = (await page.locator('#cy').boundingBox())!;
    const near = (await drawnNodes(page)).filter((n) => n.x > box.x + 20 && n.x < box.x + box.width - 20 && n.y > box.y + 20 && n.y < box.y + box.height - 20);
    expect(near.length).toBeGreaterThan(0);
    expect((await page.evaluate(() => (window as any).__explorer.zoom())) as number).toBeGreaterThanOrEqual(1.15);
    const nearLabelled = near.filter((n) => !n.classes.includes('no-label'));
    expect(nearLabelled.length / near.length).toBeGreaterThan(labelled.length / nodes.length);
    expect(await overlappingLabels(page)).toEqual([]);
    await shot(page, 'hub-04-zoomed-in');
    await page.click('#btn-fit');
    await settle(page);
  });

  it('a shortened name shows in full on hover, and an edge label on hover', async () => {
    const { page } = s;
    // a 300-character name, put on the canvas from the search
    await page.fill('#search', '');
    await page.type('#search', '长名很很', { delay: 30 });
    const hit = page.locator('#search-results li', { hasText: '长名' }).first();
    await hit.waitFor({ timeout: 60_000 });
    expect(await hit.locator('.hit-name').textContent()).toBe(LONG_NAME);
    await hit.click();
    await page.waitForFunction((name) => (window as any).__explorer.nodes().some((n: any) => n.label === name), LONG_NAME);
    await settle(page);
    const n = (await drawnNodes(page)).find((x) => x.label === LONG_NAME)!;
    await page.mouse.move(n.x, n.y);
    await page.waitForSelector('#hover-tip:not([hidden])');
    expect(await page.locator('#hover-tip').textContent()).toBe(LONG_NAME);
    await shot(page, 'hub-05-hover-full-name');
    await page.mouse.move(5, 5);
    // an edge whose middle no node covers (a node drawn there would take the hover)
    const drawn = await drawnNodes(page);
    const edge = ((await page.evaluate(() => (window as any).__explorer.edges())) as { id: string; x: number; y: number; classes: string[] }[]).find(
      (e) => !e.classes.includes('lbl') && Number.isFinite(e.x) && drawn.every((d) => Math.hypot(d.x - e.x, d.y - e.y) > 40),
    );
    if (edge) {
      await page.mouse.move(edge.x, edge.y);
      await page.waitForFunction((id) => (window as any).__explorer.edges().find((e: any) => e.id === id)?.classes.includes('lbl'), edge.id);
    }
  });

  it('collapsing the zone takes the groups and their drawn members away; "By relation" groups again', async () => {
    const { page } = s;
    await clickNode(page, HUB);
    await page.waitForSelector(`#panel[data-node-id="${HUB}"][data-state="ready"]`, { timeout: 120_000 });
    await page.click('#panel [data-action="collapse"]');
    // what the expansion brought (its groups and the members drawn from them) goes; the long name, put there
    // from the search, stays
    await page.waitForFunction(() => (window as any).__explorer.nodes().length === 2, null, { timeout: 60_000 });
    expect((await drawnNodes(page)).map((n) => n.label).sort()).toEqual([HUB_NAME, LONG_NAME].sort());
    expect(await clusters()).toEqual([]);
    await page.waitForSelector(`#panel[data-node-id="${HUB}"][data-state="ready"]`, { timeout: 120_000 });
    await page.click('#panel [data-action="expand-grouped"]');
    await page.waitForFunction(() => (window as any).__explorer.clusters().length > 0, null, { timeout: 300_000 });
    await settle(page);
    expect((await clusters()).length).toBeGreaterThanOrEqual(4);
  });

  it('a copied link with groups reopens with the same groups', async () => {
    const { page, context } = s;
    const before = await clusters();
    await page.click('#btn-copy-link');
    const link = (await page.locator('#btn-copy-link').getAttribute('data-link'))!;
    const other = await context.newPage();
    s.watch(other);
    await other.goto(link);
    await other.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await settle(other);
    const after = (await other.evaluate(() => (window as any).__explorer.clusters())) as ClusterInfo[];
    expect(after.map((c) => [c.what, c.word, c.count]).sort()).toEqual(before.map((c) => [c.what, c.word, c.count]).sort());
    await shot(other, 'hub-06-restored');
    await other.close();
  });

  it('a hub pinned out of the layout stays where it is when the layout runs again', async () => {
    const { page } = s;
    await clickNode(page, HUB);
    await page.waitForSelector(`#panel[data-node-id="${HUB}"][data-state="ready"]`, { timeout: 120_000 });
    await page.click('#panel [data-action="pin"]');
    await page.waitForSelector('#panel [data-action="pin"][aria-pressed="true"]');
    const at = async () => ((await page.evaluate(() => (window as any).__explorer.nodes())) as { id: string; model: { x: number; y: number }; held: boolean }[]).find((n) => n.id === HUB)!;
    const before = await at();
    expect(before.held).toBe(true);
    const others = async () => JSON.stringify(((await page.evaluate(() => (window as any).__explorer.nodes())) as { id: string; model: unknown }[]).filter((n) => n.id !== HUB).map((n) => n.model));
    const othersBefore = await others();
    await page.click('#btn-layout');
    await settle(page);
    expect((await at()).model).toEqual(before.model);
    expect(await others()).not.toBe(othersBefore);
    await page.click('#panel [data-action="pin"]');
    await page.waitForSelector('#panel [data-action="pin"][aria-pressed="false"]');
    expect((await at()).held).toBe(false);
  });
});
