/**
 * The test database, as seen from a test file.
 *
 *   import { testDriver, testDatabase, wipe, closeTestDriver } from './support/db';
 *   beforeEach(() => wipe());
 *   afterAll(() => closeTestDriver());
 *   ... testDriver().executeQuery('...', params, { database: testDatabase() })
 *
 * or simply `useTestDatabase()` at the top of a describe/file, which registers those two hooks.
 *
 * The connection comes from the KG_TEST_NEO4J_* variables that test/support/globalSetup.ts sets
 * (an embedded Neo4j, or NEO4J_URI with KG_TEST_ALLOW_WIPE=1). Jest gives every test file its own
 * module registry, so "one shared driver" means one per test file.
 */
import neo4j, { Driver, Session, SessionMode } from 'neo4j-driver';
import { createDriver } from '../../src/graph/driver';
import { TEST_ENV } from './env';

export interface TestNeo4jConfig {
  uri: string;
  username?: string;
  password?: string;
  /** undefined: the server's default database. */
  database?: string;
  kind: 'embedded' | 'external';
}

/** Connection settings for the shared test database. Throws if globalSetup did not run. */
export function testNeo4jConfig(): TestNeo4jConfig {
  const uri = process.env[TEST_ENV.uri];
  if (!uri) {
    throw new Error(
      `${TEST_ENV.uri} is not set: run the tests through jest with jest.config.js, whose globalSetup ` +
        `(test/support/globalSetup.ts) starts the test database.`,
    );
  }
  return {
    uri,
    username: process.env[TEST_ENV.username] || undefined,
    password: process.env[TEST_ENV.password],
    database: process.env[TEST_ENV.database] || undefined,
    kind: process.env[TEST_ENV.kind] === 'external' ? 'external' : 'embedded',
  };
}

/** The database name to pass to sessions / executeQuery (undefined = server default). */
export function testDatabase(): string | undefined {
  return testNeo4jConfig().database;
}

let shared: Driver | undefined;

/** The test file's shared driver, created on first use. Close it with closeTestDriver() in afterAll. */
export function testDriver(): Driver {
  if (!shared) {
    const cfg = testNeo4jConfig();
    // the product's own driver settings (integers as JS numbers), so tests see what the code sees
    shared = createDriver({ uri: cfg.uri, username: cfg.username, password: cfg.password, database: cfg.database });
  }
  return shared;
}

/** Closes the shared driver (safe to call when none was created). */
export async function closeTestDriver(): Promise<void> {
  const d = shared;
  shared = undefined;
  await d?.close();
}

/** A session on the test database; the caller closes it. */
export function testSession(mode: SessionMode = neo4j.session.WRITE, driver: Driver = testDriver()): Session {
  return driver.session({ database: testDatabase(), defaultAccessMode: mode });
}

/**
 * Deletes every node and relationship, in batches of 10 000, keeping constraints and indexes.
 * `CALL { ... } IN TRANSACTIONS` is only allowed in an implicit (auto-commit) transaction,
 * hence session.run rather than executeQuery/executeWrite.
 */
export async function wipe(driver: Driver = testDriver(), database: string | undefined = testDatabase()): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/**
 * Registers `beforeEach(wipe)` (unless `wipeBeforeEach: false`) and `afterAll(closeTestDriver)`
 * in the current scope, and returns the shared driver getter.
 */
export function useTestDatabase(opts: { wipeBeforeEach?: boolean } = {}): () => Driver {
  if (opts.wipeBeforeEach !== false) beforeEach(() => wipe());
  afterAll(() => closeTestDriver());
  return testDriver;
}
