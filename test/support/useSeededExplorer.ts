/**
 * The set-up every explorer browser test shares, called inside its `describe`: a wiped test database with the seed
 * (and any extra documents) loaded through the ingest, the bundle built and served by the real server, the page open
 * in Debian's Chromium; afterwards the browser and server are closed and the database wiped. Each test fails on a
 * console error, a page error or a dialog seen while it ran (`checkProblems`, on by default).
 *
 *   const s = useSeededExplorer({ docs: [hostileArticle] });
 *   it('…', async () => { await s.page.click(…); });
 */
import * as path from 'path';
import { closeTestDriver, wipe } from './db';
import { loadDocuments, openExplorer, type ExplorerSession } from './explorerBrowser';

export const SEED_DIR = path.resolve(__dirname, '..', '..', 'seed');

export interface SeededExplorerOptions {
  /** documents loaded beside the seed */
  docs?: Record<string, unknown>[];
  /** the browser's locale and viewport, the server's environment */
  open?: Parameters<typeof openExplorer>[0];
  /** open the page at / and wait until it is ready (default true) */
  goto?: boolean;
  /** more set-up, once the page is open */
  then?: (s: ExplorerSession) => Promise<void>;
  /** each test fails on a console error, page error or dialog (default true) */
  checkProblems?: boolean;
}

/** The session, read when a test runs (it exists only once beforeAll has opened it). */
function lazySession(get: () => ExplorerSession): ExplorerSession {
  return {
    get server() {
      return get().server;
    },
    get browser() {
      return get().browser;
    },
    get context() {
      return get().context;
    },
    get page() {
      return get().page;
    },
    get problems() {
      return get().problems;
    },
    watch: (p) => get().watch(p),
    close: () => get().close(),
  };
}

export function useSeededExplorer(opts: SeededExplorerOptions = {}): ExplorerSession {
  let session: ExplorerSession | undefined;
  beforeAll(async () => {
    await wipe();
    await loadDocuments([SEED_DIR], opts.docs ?? []);
    session = await openExplorer(opts.open);
    if (opts.goto !== false) {
      await session.page.goto(`${session.server.base}/`);
      await session.page.waitForSelector('body[data-ready="true"]');
    }
    await opts.then?.(session);
  }, 900_000);

  afterAll(async () => {
    await session?.close();
    await wipe();
    await closeTestDriver();
  });

  if (opts.checkProblems !== false) afterEach(() => expect(session?.problems ?? []).toEqual([]));

  return lazySession(() => {
    if (!session) throw new Error('the explorer session is not open (useSeededExplorer is set up in beforeAll)');
    return session;
  });
}
