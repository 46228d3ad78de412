import type { Driver } from 'neo4j-driver';
import { applySchema } from './applySchema';
import { createDriver, type Neo4jConnection } from './driver';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from './embedded';
import { LauncherPrerequisiteError } from './launcherBuild';
import { assertPortFree } from './portFree';
import { SupervisedNeo4j, type SupervisorOptions } from './superviseEmbedded';

export interface DatabaseOptions {
  /** an existing server; when absent the embedded Neo4j is started */
  connection?: Neo4jConnection;
  embedded: { homeDir: string; port?: number; heap?: string; pageCache?: string };
  log?: (line: string) => void;
  /** apply the schema now (default true); the server applies it itself, retrying while Neo4j is down */
  applySchema?: boolean;
  /** what applying the schema means: default `applySchema` (main.ts also re-derives name keys of older rules) */
  prepare?: (driver: Driver, database?: string) => Promise<void>;
  /** keep the embedded Neo4j running (`npm start`): restarted on the same store and port when it exits */
  supervise?: Omit<SupervisorOptions, 'first' | 'restart'>;
}

/** Whether the database layer can still serve: what /health reports (`liveness` of src/server). */
export type Liveness = { ok: true } | { ok: false; reason: string };

export interface Database {
  driver: Driver;
  database?: string;
  /** the embedded server, when this process started one (supervised when asked) */
  embedded?: Pick<EmbeddedNeo4j, 'uri' | 'pid' | 'stop'>;
  /** not ok once a supervised embedded Neo4j could not be restarted; always ok otherwise */
  liveness(): Liveness;
  /** whether the schema has been applied (by `openDatabase`) */
  schemaApplied: boolean;
  close(): Promise<void>;
}

const LIVE: Liveness = Object.freeze({ ok: true });

/** Why `openDatabase` failed, in words for the operator (the cause kept as `cause`). */
export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * The one way the CLI and the server reach Neo4j: `NEO4J_URI` when configured, otherwise the embedded
 * server (built with Maven on first use) — start it, connect, apply the schema. One driver per process;
 * `close` also stops what it started. Fails with a `LauncherPrerequisiteError` (Java or Maven missing) or a
 * `DatabaseOpenError` saying which step failed, having stopped what it started.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedNeo4j | SupervisedNeo4j | undefined;
  let connection = options.connection;
  if (!connection) {
    const port = options.embedded.port ?? 0;
    await assertPortFree(port, 'KG_EMBEDDED_PORT', 'stop whatever uses it (another Neo4j?), set KG_EMBEDDED_PORT to a free port, or set NEO4J_URI to use that server').catch(
      (error: Error) => {
        throw new DatabaseOpenError(error.message);
      },
    );
    let first: EmbeddedNeo4j;
    try {
      first = await startEmbeddedNeo4j({ ...options.embedded, log: options.log });
    } catch (error) {
      if (error instanceof LauncherPrerequisiteError) throw error;
      throw new DatabaseOpenError(`the embedded Neo4j did not start (set NEO4J_URI to use another server): ${(error as Error).message}`, { cause: error });
    }
    // restarted on the port it got, so that the driver finds it where it was
    const boltPort = Number(new URL(first.uri).port);
    embedded = options.supervise
      ? new SupervisedNeo4j({ ...options.supervise, first, restart: () => startEmbeddedNeo4j({ ...options.embedded, port: boltPort, log: options.log }) })
      : first;
    connection = { uri: first.uri };
  }
  const driver = createDriver(connection);
  const database = connection.database;
  const schemaApplied = options.applySchema !== false;
  try {
    if (schemaApplied) await (options.prepare ?? applySchema)(driver, database);
  } catch (error) {
    await driver.close();
    await embedded?.stop();
    throw new DatabaseOpenError(`applying the Neo4j schema failed: ${(error as Error).message}`, { cause: error });
  }
  return {
    driver,
    database,
    embedded,
    schemaApplied,
    liveness: () => (embedded instanceof SupervisedNeo4j ? embedded.health() : LIVE),
    async close() {
      await driver.close();
      await embedded?.stop();
    },
  };
}
