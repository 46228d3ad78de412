/**
 * The set-up of the explorer's walk-through (test/explorer.walk.e2e.test.ts) and of its API-key scenario, called
 * inside their `describe`: useSeededExplorer with a Chinese browser whose analyst chose the English interface (the
 * language switch is tested on its own), the page not opened yet (the first step opens it). Dialogs are also kept in
 * `dialogs`, which must stay empty after each test (a test adds those of a page it opens itself). The steps the
 * scenarios share are bound to the session's page (or another page given).
 *
 *   const walk = useExplorerWalk([hostileDoc]);
 *   it('…', async () => { await walk.searchAndPick('徐健', 'person:xu-jian'); await walk.shot('06-path'); });
 */
import type { Page } from 'playwright-core';
import { clickNode as clickNodeOn, type ExplorerSession, searchAndPick as searchAndPickOn, settle as settleOn, shot as shotOn } from './explorerBrowser';
import { useSeededExplorer } from './useSeededExplorer';

export interface ExplorerWalk {
  session: ExplorerSession;
  dialogs: string[];
  /** console errors, page errors and dialogs of another page this test opened fail it too */
  watch(p: Page): void;
  shot(name: string, p?: Page): Promise<unknown>;
  /** waits until no request or layout is running and the node positions have settled */
  settle(p?: Page): Promise<void>;
  clickNode(id: string, how?: 'click' | 'dblclick' | 'shift-click', p?: Page): Promise<void>;
  /** waits until the details panel shows this node, read */
  panelShows(id: string): Promise<void>;
  /** types like a person (one key at a time, so the debounce is exercised) and picks the hit with that id */
  searchAndPick(text: string, id: string): Promise<void>;
}

export function useExplorerWalk(docs: Record<string, unknown>[] = []): ExplorerWalk {
  const dialogs: string[] = [];
  // useSeededExplorer's own watch dismisses a dialog and counts it as a problem
  const keepDialogs = (p: Page) => p.on('dialog', (d) => dialogs.push(`${d.type()}: ${d.message()}`));
  const session = useSeededExplorer({
    docs,
    goto: false,
    open: { locale: 'zh-CN' },
    then: async (s) => {
      await s.context.addInitScript(() => localStorage.setItem('kg-explorer.lang', 'en'));
      keepDialogs(s.page);
      if (process.env.E2E_DEBUG) s.page.on('console', (m) => process.stderr.write(`[console.${m.type()}] ${m.text()}\n`));
    },
  });
  afterEach(() => expect(dialogs).toEqual([]));

  return {
    session,
    dialogs,
    watch: (p) => {
      session.watch(p);
      keepDialogs(p);
    },
    shot: (name, p = session.page) => shotOn(p, name),
    settle: (p = session.page) => settleOn(p),
    clickNode: (id, how = 'click', p = session.page) => clickNodeOn(p, id, how),
    panelShows: async (id) => {
      await session.page.waitForSelector(`#panel[data-node-id="${id}"][data-state="ready"]`, { timeout: 20_000 });
    },
    searchAndPick: (text, id) => searchAndPickOn(session.page, text, id),
  };
}
