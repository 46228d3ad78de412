/**
 * The set-up of the server tests that check a request is refused before the database, called at the top of the
 * file: the seed loaded, the real API served over HTTP through a driver that counts its calls (the count reset
 * before each test); afterwards the server stopped and the driver closed.
 *
 *   const t = useCountedSeedServer();
 *   it('…', async () => { const r = await t.gql('{ … }'); expect(t.calls()).toBe(0); });
 */
import { seed } from '../api.harness';
import { countingDriver, startTestServer, testConfig, type TestServer } from '../server.helpers';
import { closeTestDriver, testDriver } from './db';

export interface CountedSeedServer {
  gql: TestServer['gql'];
  /** database calls (sessions and executeQuery) since this test began */
  calls(): number;
}

export function useCountedSeedServer(): CountedSeedServer {
  let t: TestServer | undefined;
  let counter: ReturnType<typeof countingDriver> | undefined;
  beforeAll(async () => {
    await seed();
    counter = countingDriver(testDriver());
    t = await startTestServer(testConfig(), { driver: counter.driver, schemaApplied: true });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await closeTestDriver();
  });
  beforeEach(() => counter?.reset());

  const opened = (): { t: TestServer; counter: ReturnType<typeof countingDriver> } => {
    if (!t || !counter) throw new Error('the server is not started (useCountedSeedServer is set up in beforeAll)');
    return { t, counter };
  };
  return {
    gql: (query, opts) => opened().t.gql(query, opts),
    calls: () => opened().counter.calls(),
  };
}
