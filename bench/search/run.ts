/**
 * `npm run eval`: search quality on the seed. Starts an embedded Neo4j in a fresh temporary directory (or uses
 * `--uri bolt://…`, which is WIPED), loads seed/, builds the test set (testSet.ts), asks every query through
 * the product's GraphQL schema and writes recall@5 and MRR, per query form, to bench/results/search-eval.{md,json}.
 * With `--duplicates` it runs the duplicate candidates' evaluation instead (bench/search/duplicates.ts).
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'graphql';
import { buildApiSchema, createCompiledExecutor, createContext } from '../../src/api';
import { ingestAll, readDocuments } from '../../src/ingest';
import { openBenchDatabase, wipeDatabase } from '../lib/neo4j';
import { evaluateSearch, markdownOf } from './evaluate';
import { buildSearchTestSet } from './testSet';
import type { Driver } from 'neo4j-driver';

const ROOT = path.join(__dirname, '..', '..');

/** A function that runs `search(query)` through the product's schema and returns the ranked ids. */
export async function productSearch(driver: Driver, database?: string): Promise<(query: string) => Promise<string[]>> {
  const schema = await buildApiSchema();
  const execute = createCompiledExecutor(schema);
  const document = parse('query($q: String!) { search(query: $q, first: 20) { edges { node { ... on Entity { id } ... on Event { id } } } } }');
  return async (query) => {
    const result = await execute({ document, variableValues: { q: query }, contextValue: createContext({ driver, database, transactionTimeoutMs: 20_000 }, 'reader') });
    if (result.errors?.length) throw new Error(`search ${JSON.stringify(query)}: ${result.errors[0].message}`);
    return (result.data as any).search.edges.map((e: any) => e.node.id as string);
  };
}

async function main(): Promise<void> {
  const uriAt = process.argv.indexOf('--uri');
  const uri = uriAt > 0 ? process.argv[uriAt + 1] : undefined;
  const homeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-search-eval-'));
  const db = await openBenchDatabase({ homeDir, size: 'tiny', fresh: true, uri, log: (l) => process.stderr.write(`${l}\n`) });
  try {
    await wipeDatabase(db.driver);
    await ingestAll(db.driver, readDocuments([path.join(ROOT, 'seed')]));
    const cases = await buildSearchTestSet(db.driver);
    const started = Date.now();
    const evaluation = await evaluateSearch(cases, await productSearch(db.driver));
    const ms = Date.now() - started;
    const out = path.join(ROOT, 'bench', 'results');
    fs.writeFileSync(path.join(out, 'search-eval.json'), `${JSON.stringify(evaluation, null, 2)}\n`);
    const md = `# Search quality on the seed (\`npm run eval\`)\n\n${cases.length} queries built from the seed by bench/search/testSet.ts, ` +
      `asked through the product's schema (${(ms / cases.length).toFixed(0)} ms a query here). Targets: recall@5 ≥ 0.95, MRR ≥ 0.85.\n\n${markdownOf(evaluation)}\n`;
    fs.writeFileSync(path.join(out, 'search-eval.md'), md);
    process.stdout.write(md);
  } finally {
    await db.close();
    if (!uri) fs.rmSync(homeDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  // `npm run eval -- --duplicates --size S`: the duplicate candidates' evaluation instead (duplicates.ts)
  const run = process.argv.includes('--duplicates') ? () => import('./duplicates').then((m) => m.main()) : main;
  run().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
