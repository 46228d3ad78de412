/**
 * Jest globalSetup: provides the one Neo4j database that all test files share.
 *
 * - NEO4J_URI set: use that server (NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE), but only
 *   with KG_TEST_ALLOW_WIPE=1, because the tests delete every node in it.
 * - Otherwise: build neo4j-launcher/ if needed and start an embedded Neo4j on a free port in a
 *   fresh temp dir (kg-test-neo4j-XXXX under os.tmpdir()); globalTeardown stops it and deletes
 *   the dir.
 *
 * Either way the connection is handed to test files through the KG_TEST_NEO4J_* variables
 * (see ./env.ts); test files use ./db.ts rather than reading them directly.
 * Optional knobs: KG_TEST_NEO4J_HEAP (default 512m), KG_TEST_NEO4J_PAGECACHE (default 128m),
 * KG_TEST_NEO4J_LOG=1 to echo the launcher's output.
 */
import * as fs from 'fs';
import neo4j from 'neo4j-driver';
import * as os from 'os';
import * as path from 'path';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/graph/embedded';
import { GLOBAL_HANDLE_KEY, TEST_ENV } from './env';

export interface TestNeo4jHandle {
  server: EmbeddedNeo4j;
  homeDir: string;
}

async function verify(uri: string, username?: string, password?: string, database?: string): Promise<void> {
  const auth = username ? neo4j.auth.basic(username, password ?? '') : undefined;
  const driver = neo4j.driver(uri, auth);
  try {
    await driver.executeQuery('RETURN 1', {}, { database });
  } finally {
    await driver.close();
  }
}

export default async function globalSetup(): Promise<void> {
  const external = process.env.NEO4J_URI;
  if (external) {
    if (process.env.KG_TEST_ALLOW_WIPE !== '1') {
      throw new Error(
        `NEO4J_URI is set (${external}), and the tests DELETE ALL DATA in the database they use between scenarios: ` +
          `set KG_TEST_ALLOW_WIPE=1 to run them against that server anyway, or unset NEO4J_URI to use a throw-away embedded Neo4j.`,
      );
    }
    const { NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database } = process.env;
    try {
      await verify(external, username, password, database || undefined);
    } catch (e) {
      throw new Error(`Cannot run a query on NEO4J_URI=${external}: ${(e as Error).message}`);
    }
    process.env[TEST_ENV.kind] = 'external';
    process.env[TEST_ENV.uri] = external;
    setOrDelete(TEST_ENV.username, username);
    setOrDelete(TEST_ENV.password, password);
    setOrDelete(TEST_ENV.database, database || undefined);
    process.stderr.write(`\n[test-db] using external Neo4j ${external} (it will be wiped)\n`);
    return;
  }

  const homeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-test-neo4j-'));
  const started = Date.now();
  let server: EmbeddedNeo4j | undefined;
  try {
    server = await startEmbeddedNeo4j({
      homeDir,
      port: 0,
      heap: process.env.KG_TEST_NEO4J_HEAP || '512m',
      pageCache: process.env.KG_TEST_NEO4J_PAGECACHE || '128m',
      log: process.env.KG_TEST_NEO4J_LOG === '1' ? (l) => process.stderr.write(`${l}\n`) : undefined,
    });
    await verify(server.uri);
  } catch (e) {
    await server?.stop();
    fs.rmSync(homeDir, { recursive: true, force: true });
    throw e;
  }
  (globalThis as Record<string, unknown>)[GLOBAL_HANDLE_KEY] = { server, homeDir } satisfies TestNeo4jHandle;
  process.env[TEST_ENV.kind] = 'embedded';
  process.env[TEST_ENV.uri] = server.uri;
  delete process.env[TEST_ENV.username];
  delete process.env[TEST_ENV.password];
  delete process.env[TEST_ENV.database];
  process.stderr.write(
    `\n[test-db] embedded Neo4j ${server.uri} (pid ${server.pid}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

function setOrDelete(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
