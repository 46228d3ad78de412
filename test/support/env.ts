/**
 * Names of the environment variables through which test/support/globalSetup.ts tells test
 * files (which run in other processes) how to reach the test database.
 */
export const TEST_ENV = {
  uri: 'KG_TEST_NEO4J_URI',
  username: 'KG_TEST_NEO4J_USERNAME',
  password: 'KG_TEST_NEO4J_PASSWORD',
  /** Absent means the server's default database. */
  database: 'KG_TEST_NEO4J_DATABASE',
  /** 'embedded' or 'external'. */
  kind: 'KG_TEST_NEO4J_KIND',
} as const;

/** Key on globalThis under which globalSetup leaves the embedded server for globalTeardown. */
export const GLOBAL_HANDLE_KEY = '__KG_TEST_NEO4J__';
