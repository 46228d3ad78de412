/**
 * What graphql-js itself costs to execute a query's answer, apart from the database and from any resolver:
 *
 *   NODE_ENV=production flock /tmp/kg-bench.lock npx tsx bench/query/executorFloor.ts [--size S] [--query eventPageNested] [--iterations 2000]
 *
 * On the benchmark graph of that size (as `npm run bench` left it in /tmp/kg-bench-<size>; `executorFloor()` on any
 * driver's graph), the product answers
 * the mix query once, in-process, with `__typename` added to every selection so that abstract types can be told
 * from the data. graphql-js then executes the mix query again over that answer against the committed SDL
 * (schema/schema.graphql: no resolvers, every field read as a property), `iterations` times. Its CPU time per
 * execution is the floor that any server running graphql-js pays for this answer, whatever its resolvers and its
 * database; JSON.stringify of the same answer is timed alongside for scale. Compare it with the raw arm's whole
 * CPU per request in the report (which includes decoding the same rows from Bolt and serving HTTP).
 * NODE_ENV=production, as the arms run: graphql-js otherwise adds its development checks.
 */
import 'reflect-metadata';
import { readFileSync } from 'fs';
import { buildSchema, execute, Kind, parse, visit, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { buildApiSchema, createContext } from '../../src/api';
import { SCHEMA_FILE } from '../../src/api/emitSchema';
import { createDriver, startEmbeddedNeo4j } from '../../src/graph';
import { SIZE_NAMES, type SizeName } from '../data/generate';
import { benchDataDir, MEMORY } from '../lib/neo4j';
import { chooseProbes } from './probes';
import { byName } from './mix';

/** The document with `__typename` selected in every selection set, as a client cache would ask. */
function withTypenames(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    SelectionSet(node: SelectionSetNode): SelectionSetNode {
      const has = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias);
      return has ? node : { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
    },
  });
}

/** CPU time (user + system, ms) per call of `fn`, after as many unmeasured calls. */
function cpuMsPerCall(fn: () => unknown, iterations: number): number {
  for (let i = 0; i < iterations; i++) fn();
  const started = process.cpuUsage();
  for (let i = 0; i < iterations; i++) fn();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / iterations;
}

export interface ExecutorFloor {
  query: string;
  /** the answer, as graphql-js gives it again from the product's answer (its JSON length below) */
  replayed: unknown;
  jsonBytes: number;
  /** CPU per graphql-js execution over the answer, no resolvers (ms) */
  executeMs: number;
  /** CPU per JSON.stringify of the answer (ms) */
  stringifyMs: number;
}

/** The floor for one mix query, on the graph `driver` reads (its first probe), over `iterations` executions. */
export async function executorFloor(driver: Driver, queryName: string, iterations: number): Promise<ExecutorFloor> {
  const q = byName(queryName);
  const probe = (await chooseProbes(driver))[q.name]?.[0];
  if (!probe) throw new Error(`no probe for ${q.name} in this graph`);
  const request = q.product(probe);
  const document = parse(request.query);
  const answer = await execute({
    schema: await buildApiSchema(),
    document: withTypenames(document),
    variableValues: request.variables,
    contextValue: createContext({ driver, transactionTimeoutMs: 60_000 }, 'reader'),
  });
  if (answer.errors?.length) throw answer.errors[0];

  const sdl = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  const again = () => execute({ schema: sdl, document, rootValue: answer.data, variableValues: request.variables });
  const replayed = again();
  if ('then' in replayed || replayed.errors?.length) throw new Error(`replaying the answer failed: ${JSON.stringify(replayed)}`);
  return {
    query: q.name,
    replayed: replayed.data,
    jsonBytes: JSON.stringify(replayed).length,
    executeMs: cpuMsPerCall(again, iterations),
    stringifyMs: cpuMsPerCall(() => JSON.stringify(replayed), iterations),
  };
}

async function main(): Promise<void> {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const size = arg('size', 'S') as SizeName;
  if (!SIZE_NAMES.includes(size)) throw new Error(`--size must be one of ${SIZE_NAMES.join(', ')}`);
  const iterations = Number(arg('iterations', '2000'));
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error(`--iterations must be a whole number of at least 1, not ${arg('iterations', '')}`);
  if (process.env.NODE_ENV !== 'production') process.stderr.write('NODE_ENV is not production: graphql-js runs its development checks\n');

  const neo4j = await startEmbeddedNeo4j({ homeDir: benchDataDir(size), ...MEMORY[size] });
  const driver = createDriver({ uri: neo4j.uri });
  try {
    const floor = await executorFloor(driver, arg('query', 'eventPageNested'), iterations);
    process.stdout.write(
      `${floor.query} at ${size}: an answer of ${floor.jsonBytes} bytes of JSON\n` +
        `  graphql-js execute over it, no resolvers: ${floor.executeMs.toFixed(3)} ms CPU per execution\n` +
        `  JSON.stringify of it:                     ${floor.stringifyMs.toFixed(3)} ms CPU\n`,
    );
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
