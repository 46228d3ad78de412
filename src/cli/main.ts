import { join } from 'node:path';
import { type Config, loadConfig } from '../config';
import { findRepoRoot, openDatabase, type DatabaseOptions } from '../graph';
import { countDocuments, DEFAULT_BATCH, ingestAll, MAX_BATCH, readDocuments, rekeyNames, validateDocument, formatProblem } from '../ingest';
import { emitGeneratedFiles } from './emitFiles';
import { EXTRACT_USAGE, ExtractUsageError, extractCommand } from './extractCommand';
import { formatDocumentReport, formatSummary } from './formatReport';
import { JUDGEMENTS_USAGE, judgementsCommand } from './judgementsCommand';
import { ProgressBar } from './progressBar';

const USAGE = `kg — load extracted articles (kg-article/1) into the knowledge graph

usage:
  kg ingest <file.json|folder|file.ndjson> ...   validate and load documents; exit 1 if any is rejected
  kg seed                                        load the project's seed/ folder
  kg validate <file|folder|file.ndjson> ...      check documents without a database
${EXTRACT_USAGE}
${JUDGEMENTS_USAGE}
  kg rekey                                       re-derive every entity's name keys under the current rules
                                                 (ingest, seed and the server do it once by themselves)
  kg emit                                        regenerate schema/kg-article-1.schema.json and cypher/schema.cypher
options:
  --json       print the reports as JSON instead of text
  --batch N    ingest, seed: documents per transaction, 1-${MAX_BATCH} (default ${DEFAULT_BATCH}); a batch that
               fails or holds a rejected document is rolled back and loaded again one document at a time

The database is NEO4J_URI (with NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) when set; otherwise the
embedded Neo4j in KG_DATA_DIR (default ./data/neo4j), which must not be in use by a running server: while
\`npm start\` runs, point NEO4J_URI at it (bolt://127.0.0.1:7687).`;

/** The CLI reaches Neo4j as the server does (src/config), but starts its embedded server on a free port. */
export function databaseOptions(config: Config): DatabaseOptions {
  return {
    connection: config.neo4j.uri ? { ...config.neo4j, uri: config.neo4j.uri } : undefined,
    embedded: { homeDir: config.embedded.dataDir, port: 0, heap: config.embedded.heap, pageCache: config.embedded.pageCache },
  };
}

async function rekeyCommand(json: boolean, env: NodeJS.ProcessEnv): Promise<number> {
  const db = await openDatabase(databaseOptions(loadConfig(env)));
  try {
    const rekeyed = await rekeyNames(db.driver, { database: db.database, force: true });
    process.stdout.write(json ? `${JSON.stringify(rekeyed)}\n` : `checked ${rekeyed.checked} entities, ${rekeyed.changed} re-derived\n`);
    return 0;
  } finally {
    await db.close();
  }
}

async function ingestCommand(paths: string[], json: boolean, batch: number, env: NodeJS.ProcessEnv): Promise<number> {
  const config = loadConfig(env);
  const total = await countDocuments(paths);
  const db = await openDatabase(databaseOptions(config));
  try {
    // a graph written under older name-key rules is brought up to date first, or its entities would be missed
    await rekeyNames(db.driver, { database: db.database });
    const bar = new ProgressBar(total);
    const done = new LoadCount();
    const stop = new StopOnSignal(() => {
      bar.finish();
      process.stderr.write(`kg: stopping: the transaction in flight is let finish, then kg says what was committed (send the signal again to stop at once)\n`);
    }, (signal) => {
      bar.finish();
      process.stderr.write(`kg: ${signal} again: stopped at once: ${done.say()}; the transaction in flight may have committed too (loading the same files again is safe)\n`);
    });
    const summary = await ingestAll(db.driver, readDocuments(paths), {
      database: db.database,
      batch,
      signal: stop.signal,
      onReport: (report) => {
        done.add(report.status);
        bar.tick();
        if (!json && (report.status === 'rejected' || total <= 50)) {
          bar.finish();
          process.stdout.write(`${formatDocumentReport(report)}\n`);
        }
      },
    }).catch((error: unknown) => {
      bar.finish();
      process.stderr.write(`kg: the load failed: ${done.say()}; the document in flight was not written. ${AGAIN}\n`);
      throw error;
    }).finally(() => stop.dispose());
    if (summary.stopped) {
      bar.finish();
      process.stderr.write(`kg: ${stop.received}: ${done.say()}; nothing else was written. ${AGAIN}\n`);
      return stop.received === 'SIGINT' ? 130 : 143;
    }
    bar.finish();
    if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else process.stdout.write(`${formatSummary(summary)}\n`);
    return summary.totals.rejected > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

async function validateCommand(paths: string[], json: boolean): Promise<number> {
  let bad = 0;
  const results: Array<{ source: string; problems: string[] }> = [];
  for await (const item of readDocuments(paths)) {
    const problems = 'problems' in item ? item.problems : (() => {
      const v = validateDocument(item.document);
      return v.ok ? [] : v.problems;
    })();
    if (problems.length > 0) bad += 1;
    results.push({ source: item.source, problems: problems.map(formatProblem) });
    if (!json) {
      process.stdout.write(`${problems.length === 0 ? 'valid    ' : 'invalid  '}${item.source}\n`);
      for (const p of problems) process.stdout.write(`    ${formatProblem(p)}\n`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return bad > 0 ? 1 : 0;
}

class UsageError extends Error {}

const AGAIN = 'Run the same load again to finish it (documents already in are reported unchanged).';

/**
 * SIGINT and SIGTERM during a load: the first aborts `signal` (the load stops after the transaction in flight),
 * the second exits at once (130 or 143).
 */
class StopOnSignal {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  received: NodeJS.Signals | undefined;
  private readonly handler = (signal: NodeJS.Signals) => {
    if (this.received === undefined) {
      this.received = signal;
      this.controller.abort();
      this.onFirst();
    } else {
      this.onSecond(signal);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
  };
  constructor(
    private readonly onFirst: () => void,
    private readonly onSecond: (signal: NodeJS.Signals) => void,
  ) {
    process.on('SIGINT', this.handler).on('SIGTERM', this.handler);
  }
  dispose(): void {
    process.off('SIGINT', this.handler).off('SIGTERM', this.handler);
  }
}

/** What a load has committed so far, for when it stops before the end (a signal, a lost connection). */
class LoadCount {
  private readonly counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  add(status: keyof LoadCount['counts']): void {
    this.counts[status] += 1;
  }
  say(): string {
    const { created, updated, unchanged, rejected } = this.counts;
    const committed = created + updated + unchanged;
    return (
      `${committed} document${committed === 1 ? ' was' : 's were'} committed before it stopped (${created} created, ${updated} updated, ` +
      `${unchanged} unchanged; ${rejected} rejected)`
    );
  }
}

/** `--batch N` or `--batch=N` taken out of the arguments; the default when absent. */
function takeBatch(args: string[]): { batch: number; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--batch') {
      if (i + 1 >= args.length) throw new UsageError('--batch needs a value: the number of documents per transaction');
      value = args[++i];
    } else if (a.startsWith('--batch=')) value = a.slice('--batch='.length);
    else rest.push(a);
  }
  if (value === undefined) return { batch: DEFAULT_BATCH, rest };
  const batch = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!(batch >= 1 && batch <= MAX_BATCH)) {
    throw new UsageError(`--batch must be a whole number of documents per transaction from 1 to ${MAX_BATCH}, not ${JSON.stringify(value)}`);
  }
  return { batch, rest };
}

/** Runs the CLI and resolves to its exit status. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const json = argv.includes('--json');
  let command: string | undefined;
  let rest: string[];
  let batch: number;
  try {
    [command, ...rest] = argv.filter((a) => a !== '--json');
    ({ batch, rest } = takeBatch(rest));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kg: ${error.message}\n`);
    return 2;
  }
  const repoRoot = findRepoRoot();
  switch (command) {
    case 'ingest':
      if (rest.length === 0) break;
      return ingestCommand(rest, json, batch, env);
    case 'seed':
      return ingestCommand([join(repoRoot, 'seed')], json, batch, env);
    case 'rekey':
      return rekeyCommand(json, env);
    case 'judgements':
      return judgementsCommand(rest, env, databaseOptions);
    case 'validate':
      if (rest.length === 0) break;
      return validateCommand(rest, json);
    case 'extract':
      try {
        return await extractCommand(rest, env, databaseOptions);
      } catch (error) {
        if (!(error instanceof ExtractUsageError)) throw error;
        process.stderr.write(`kg: ${error.message}\n`);
        return 2;
      }
    case 'emit':
      for (const file of emitGeneratedFiles(repoRoot)) process.stdout.write(`wrote ${file}\n`);
      return 0;
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

/** Runs the CLI and exits the process with its status (bin/kg.js, and `tsx src/cli/main.ts` for `npm run emit`). */
export function run(argv: string[]): void {
  main(argv).then(
    (status) => process.exit(status),
    (error: unknown) => {
      process.stderr.write(`kg: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}

if (require.main === module) run(process.argv.slice(2));
