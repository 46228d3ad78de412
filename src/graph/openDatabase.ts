import type { Driver } from 'neo4j-driver';
import { applySchema } from './applySchema';
import { createDriver, type Neo4jConnection } from './driver';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from './embedded';

export interface DatabaseOptions {
  /** an existing server; when absent the embedded Neo4j is started */
  connection?: Neo4jConnection;
  embedded: { homeDir: string; port?: number; heap?: string; pageCache?: string };
  log?: (line: string) => void;
  /** apply the schema now (default true); the server applies it itself, retrying while Neo4j is down */
  applySchema?: boolean;
}

export interface Database {
  driver: Driver;
  database?: string;
  /** the embedded server, when this process started one */
  embedded?: EmbeddedNeo4j;
  close(): Promise<void>;
}

/**
 * The one way the CLI and the server reach Neo4j: `NEO4J_URI` when configured, otherwise the embedded
 * server (built with Maven on first use). One driver per process; `close` also stops what it started.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedNeo4j | undefined;
  let connection = options.connection;
  if (!connection) {
    embedded = await startEmbeddedNeo4j({ ...options.embedded, log: options.log });
    connection = { uri: embedded.uri };
  }
  const driver = createDriver(connection);
  const database = connection.database;
  try {
    if (options.applySchema !== false) await applySchema(driver, database);
  } catch (error) {
    await driver.close();
    await embedded?.stop();
    throw error;
  }
  return {
    driver,
    database,
    embedded,
    async close() {
      await driver.close();
      await embedded?.stop();
    },
  };
}
