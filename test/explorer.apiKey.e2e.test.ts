/**
 * The explorer page when the server requires a key for reads, in headless Chromium against the real server and the
 * test Neo4j holding the seed: the first refused search opens the key dialog, and once a reader's key is saved the
 * search works and the key button says it is set. Screenshots 12-key-required.png and 13-key-accepted.png in
 * test-artifacts/explorer/.
 *
 * Needs chromium (+ fonts-noto-cjk): `apt-get install -y chromium fonts-noto-cjk`. KG_CI_SKIP_BROWSER=1 skips this
 * file when no browser can be installed.
 */
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import { READER_KEY, startTestServer, testConfig } from './server.helpers';
import { testDriver } from './support/db';
import { ARTIFACTS, SKIP_BROWSER } from './support/explorerBrowser';
import { useExplorerWalk } from './support/useExplorerWalk';

const JIN_FENG = 'person:jin-feng';

jest.setTimeout(120_000);

const describeBrowser = SKIP_BROWSER ? describe.skip : describe;

describeBrowser('explorer page in headless Chromium, when reads need a key', () => {
  const walk = useExplorerWalk();
  const { dialogs } = walk;
  let context: BrowserContext;

  beforeAll(() => {
    ({ context } = walk.session);
  });

  it('asks for an API key when the server requires one for reads, and then works', async () => {
    const locked = await startTestServer(testConfig({ KG_READS_REQUIRE_KEY: 'true' }), { driver: testDriver(), schemaApplied: true });
    const p = await context.newPage();
    const own: string[] = [];
    p.on('console', (m) => {
      // the browser itself logs the refused request (HTTP 401) as a console error; nothing else may appear
      if (m.type() === 'error' && !/status of 401/.test(m.text())) own.push(m.text());
    });
    p.on('pageerror', (e) => own.push(e.message));
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      await p.goto(`${locked.base}/explorer`);
      await p.waitForSelector('body[data-ready="true"]');
      await p.type('#search', '金锋', { delay: 30 });
      await p.waitForFunction(() => /UNAUTHENTICATED/.test(document.getElementById('search-summary')?.textContent ?? ''));
      await p.waitForSelector('#key-dialog[open]');
      await p.screenshot({ path: path.join(ARTIFACTS, '12-key-required.png') });
      await p.fill('#key-input', READER_KEY);
      await p.click('#key-save');
      await p.locator(`#search-results li[data-id="${JIN_FENG}"]`).waitFor({ timeout: 20_000 });
      expect(await p.evaluate(() => sessionStorage.getItem('kg-explorer.apiKey'))).toBe(READER_KEY);
      expect(await p.locator('#btn-key').textContent()).toBe('API key set');
      await p.screenshot({ path: path.join(ARTIFACTS, '13-key-accepted.png') });
      expect(own).toEqual([]);
    } finally {
      await p.close();
      await locked.stop();
    }
  });
});
