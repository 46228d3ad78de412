/**
 * `npm start`: configuration → Neo4j (embedded unless NEO4J_URI) → schema → seed → HTTP server.
 * SIGTERM/SIGINT: drain HTTP, close the driver, stop the embedded Neo4j, exit 0 (a second signal
 * exits at once). See src/config/README.md for the settings.
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { ConfigError, loadConfig, type Config } from './config';
import { explorerAssetsBuilt } from './explorer';
import { applySchema, assertPortFree, openDatabase, type Database } from './graph';
import { ingestAll, readDocuments, rekeyNames } from './ingest';
import { createLogger, createServer, type KgServer, type Logger } from './server';

function fail(message: string): never {
  process.stderr.write(`kg-graph: ${message}\n`);
  process.exit(1);
}

async function seed(driver: Driver, config: Config, logger: Logger): Promise<void> {
  const dir = config.paths.seedDir;
  if (!fs.existsSync(dir)) {
    logger.info({ dir }, 'no seed/ folder; nothing to load');
    return;
  }
  const started = Date.now();
  const summary = await ingestAll(driver, readDocuments([dir]), {
    database: config.neo4j.database,
    onReport: (r) => {
      const line = { source: path.relative(config.paths.repoRoot, r.source), articleId: r.articleId, status: r.status };
      if (r.status === 'rejected') {
        logger.warn({ ...line, problems: r.problems.slice(0, 10).map((p) => `${p.path || '(document)'}: ${p.message}`) }, 'seed document rejected');
      } else {
        logger.info(line, 'seed document');
      }
    },
  });
  logger.info({ ...summary.totals, ms: Date.now() - started }, 'seed loaded');
}

async function main(): Promise<void> {
  const t0 = Date.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  for (const w of config.warnings) logger.warn(w);

  let db: Database | undefined;
  let server: KgServer | undefined;
  let shuttingDown = false;

  const shutdown = async (signal: string): Promise<void> => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining HTTP, closing Neo4j');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 30 s; exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    let code = 0;
    for (const [what, step] of [
      ['http', () => server?.stop()],
      ['neo4j', () => db?.close()],
    ] as const) {
      try {
        await step();
      } catch (error) {
        code = 1;
        logger.error({ err: error }, `shutdown: stopping ${what} failed`);
      }
    }
    logger.info('stopped');
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // fail before spending seconds on Neo4j when the HTTP port is taken
  try {
    await assertPortFree(config.port, 'PORT', 'stop the other process or set PORT to a free port', config.host);
  } catch (error) {
    fail((error as Error).message);
  }

  /** The schema, then name keys written under older rules brought to the current ones (once: rekeyNames). */
  const prepareGraph = async (d: Driver, database?: string): Promise<void> => {
    await applySchema(d, database);
    const rekeyed = await rekeyNames(d, { database });
    if (rekeyed.ran) logger.info(rekeyed, 'name keys re-derived under the current rules');
  };

  // ---- Neo4j: NEO4J_URI, or the embedded one (started, and its schema applied: seeding needs the
  // constraints); with NEO4J_URI the server applies the schema in the background, retrying while it is down
  if (!config.neo4j.uri) logger.info({ dataDir: config.embedded.dataDir, port: config.embedded.port }, 'starting the embedded Neo4j');
  try {
    db = await openDatabase({
      connection: config.neo4j.uri ? { ...config.neo4j, uri: config.neo4j.uri } : undefined,
      embedded: { homeDir: config.embedded.dataDir, port: config.embedded.port, heap: config.embedded.heap, pageCache: config.embedded.pageCache },
      // the launcher's build progress is news; Neo4j's own output is for debugging
      log: (line) => (line.startsWith('[neo4j]') ? logger.debug(line) : logger.info(line)),
      applySchema: !config.neo4j.uri,
      prepare: prepareGraph,
      // kept running: restarted with backoff when it exits; requests fail fast meanwhile instead of each
      // waiting on the driver, and /health fails once it cannot be restarted
      supervise: {
        log: logger,
        maxRestarts: config.embedded.maxRestarts,
        onExit: () => server?.database.markUnreachable(new Error('the embedded Neo4j exited')),
      },
    });
  } catch (error) {
    // LauncherPrerequisiteError (Java or Maven missing; its message names NEO4J_URI) or DatabaseOpenError
    logger.fatal({ err: error }, 'Neo4j could not be opened');
    fail((error as Error).message);
  }
  if (shuttingDown) {
    await db.close();
    return;
  }
  const { driver, embedded } = db;
  if (embedded) logger.info({ uri: embedded.uri, pid: embedded.pid, dataDir: config.embedded.dataDir }, 'embedded Neo4j ready');
  if (embedded && config.seed) {
    try {
      await seed(driver, config, logger);
    } catch (error) {
      logger.error({ err: error }, 'loading seed/ failed; the server starts anyway');
    }
  }
  if (shuttingDown) return;

  // ---- HTTP
  const opened = db;
  server = createServer(config, { driver, logger, schemaApplied: db.schemaApplied, applySchema: prepareGraph, liveness: () => opened.liveness() });
  let url: string;
  try {
    ({ url } = await server.start());
  } catch (error) {
    logger.fatal({ err: error }, 'the server did not start');
    process.stderr.write(`kg-graph: ${(error as Error).message}\n`);
    await db.close();
    process.exit(1);
  }
  // with NEO4J_URI the schema is applied in the background: give it a moment before saying "ready"
  for (let waited = 0; !server.database.schemaApplied && waited < 5000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  logger.info({ url, ms: Date.now() - t0, databaseReady: server.database.schemaApplied }, 'started');
  if (server.database.schemaApplied) process.stdout.write(`GraphQL API ready at ${url}\n`);
  else process.stdout.write(`GraphQL API listening at ${url}, waiting for Neo4j at ${config.neo4j.uri} (GET /ready says when it is ready)\n`);
  if (explorerAssetsBuilt()) process.stdout.write(`Explorer at ${url.replace(/graphql$/, '')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`kg-graph: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
