/**
 * `npm start`: configuration → Neo4j (embedded unless NEO4J_URI) → schema → seed → HTTP server.
 * SIGTERM/SIGINT: drain HTTP, close the driver, stop the embedded Neo4j, exit 0 (a second signal
 * exits at once). See src/config/README.md for the settings.
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { ConfigError, loadConfig, type Config } from './config';
import { explorerAssetsBuilt } from './explorer';
import { applySchema } from './graph/applySchema';
import { createDriver } from './graph/driver';
import { ensureLauncherBuilt, LauncherPrerequisiteError, startEmbeddedNeo4j, type EmbeddedNeo4j } from './graph/embedded';
import { SupervisedNeo4j } from './graph/superviseEmbedded';
import { ingestAll, readDocuments, rekeyNames } from './ingest';
import { createLogger, createServer, type KgServer, type Logger } from './server';

function fail(message: string): never {
  process.stderr.write(`kg-graph: ${message}\n`);
  process.exit(1);
}

/** Resolves when nothing listens on host:port; rejects with a clear message otherwise. */
function assertPortFree(port: number, what: string, hint: string, host = '127.0.0.1'): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `${what} ${port} is already in use on ${host}; ${hint}` : `${what} ${port}: ${error.message}`)),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
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

  let embedded: SupervisedNeo4j | undefined;
  let driver: Driver | undefined;
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
      ['driver', () => driver?.close()],
      ['embedded neo4j', () => embedded?.stop()],
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

  // ---- Neo4j
  let uri = config.neo4j.uri;
  if (!uri) {
    try {
      await assertPortFree(
        config.embedded.port,
        'KG_EMBEDDED_PORT',
        'stop whatever uses it (another Neo4j?), set KG_EMBEDDED_PORT to a free port, or set NEO4J_URI to use that server',
      );
      await ensureLauncherBuilt({ log: (line) => logger.info(line) });
    } catch (error) {
      // LauncherPrerequisiteError: Java or Maven missing; its message names NEO4J_URI as the alternative
      fail((error as Error).message);
    }
    logger.info({ dataDir: config.embedded.dataDir, port: config.embedded.port }, 'starting the embedded Neo4j');
    const start = (port: number): Promise<EmbeddedNeo4j> =>
      startEmbeddedNeo4j({
        homeDir: config.embedded.dataDir,
        port,
        heap: config.embedded.heap,
        pageCache: config.embedded.pageCache,
        log: (line) => logger.debug(line),
      });
    let first: EmbeddedNeo4j;
    try {
      first = await start(config.embedded.port);
    } catch (error) {
      if (error instanceof LauncherPrerequisiteError) fail(error.message);
      fail(`the embedded Neo4j did not start (set NEO4J_URI to use another server): ${(error as Error).message}`);
    }
    // restarted on the port it got, so that the driver finds it where it was
    const boltPort = Number(new URL(first.uri).port);
    embedded = new SupervisedNeo4j({
      first,
      restart: () => start(boltPort),
      log: logger,
      maxRestarts: config.embedded.maxRestarts,
      // requests fail fast with SERVICE_UNAVAILABLE until it answers again, instead of each waiting on the driver
      onExit: () => server?.database.markUnreachable(new Error('the embedded Neo4j exited')),
    });
    if (shuttingDown) {
      await embedded.stop();
      return;
    }
    uri = first.uri;
    logger.info({ uri, pid: first.pid, dataDir: config.embedded.dataDir }, 'embedded Neo4j ready');
  }
  driver = createDriver({ ...config.neo4j, uri });

  /** The schema, then name keys written under older rules brought to the current ones (once: rekeyNames). */
  const prepareGraph = async (d: Driver, database?: string): Promise<void> => {
    await applySchema(d, database);
    const rekeyed = await rekeyNames(d, { database });
    if (rekeyed.ran) logger.info(rekeyed, 'name keys re-derived under the current rules');
  };

  let schemaApplied = false;
  if (embedded) {
    // local and just started: a failure here is fatal, and seeding needs the constraints
    try {
      await prepareGraph(driver, config.neo4j.database);
    } catch (error) {
      logger.fatal({ err: error }, 'applying the Neo4j schema failed');
      await driver.close();
      await embedded.stop();
      process.exit(1);
    }
    schemaApplied = true;
    if (config.seed && !shuttingDown) {
      try {
        await seed(driver, config, logger);
      } catch (error) {
        logger.error({ err: error }, 'loading seed/ failed; the server starts anyway');
      }
    }
  }
  if (shuttingDown) return;

  // ---- HTTP
  const supervised = embedded;
  server = createServer(config, {
    driver,
    logger,
    schemaApplied,
    applySchema: prepareGraph,
    liveness: supervised && (() => supervised.health()),
  });
  let url: string;
  try {
    ({ url } = await server.start());
  } catch (error) {
    logger.fatal({ err: error }, 'the server did not start');
    process.stderr.write(`kg-graph: ${(error as Error).message}\n`);
    await driver.close();
    await embedded?.stop();
    process.exit(1);
  }
  // with NEO4J_URI the schema is applied in the background: give it a moment before saying "ready"
  for (let waited = 0; !server.database.schemaApplied && waited < 5000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  logger.info({ url, ms: Date.now() - t0, databaseReady: server.database.schemaApplied }, 'started');
  if (server.database.schemaApplied) process.stdout.write(`GraphQL API ready at ${url}\n`);
  else process.stdout.write(`GraphQL API listening at ${url}, waiting for Neo4j at ${uri} (GET /ready says when it is ready)\n`);
  if (explorerAssetsBuilt()) process.stdout.write(`Explorer at ${url.replace(/graphql$/, '')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`kg-graph: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
