/**
 * Shared by the test/api.*.test.ts files: the built schema, a seeded test database, and `exec` that runs one
 * operation against the schema with a real Context (so round trips are counted), as the server would.
 */
import { type ExecutionResult, type GraphQLSchema, parse, validate } from 'graphql';
import * as path from 'path';
import { buildApiSchema, createCompiledExecutor, createContext, type Context, type OperationExecutor, type Role } from '../src/api';
import { applySchema } from '../src/graph/applySchema';
import { ingestAll, readDocuments } from '../src/ingest';
import { testDatabase, testDriver, wipe } from './support/db';

export const SEED_DIR = path.join(__dirname, '..', 'seed');
export const ARTICLE = 'gaoyou-edz-newsletter-2023-06';
export const ev = (key: string): string => `${ARTICLE}#${key}`;
/** the seed's development zone, the hub most tests read around */
export const ZONE = 'org:gaoyou-edz';

let schema: Promise<GraphQLSchema> | undefined;
export function apiSchema(): Promise<GraphQLSchema> {
  schema ??= buildApiSchema();
  return schema;
}

let executor: Promise<OperationExecutor> | undefined;
/**
 * Parses, validates and executes one operation with the server's executor (graphql-jit, compiled per
 * document), so that these tests exercise what clients get.
 */
export async function run(source: string, contextValue: Context, variableValues?: Record<string, unknown>): Promise<ExecutionResult> {
  executor ??= apiSchema().then(createCompiledExecutor);
  const s = await apiSchema();
  const document = parse(source);
  const errors = validate(s, document);
  if (errors.length) return { errors };
  return (await executor)({ document, variableValues, contextValue });
}

/** Empties the test database and loads the seed article (and applies the Cypher schema: full-text index). */
export function seed(): Promise<void> {
  return loadOnly(readDocuments([SEED_DIR]));
}

/** Empties the test database and loads these documents, every one of which must be created. */
export async function loadOnly(documents: Parameters<typeof ingestAll>[1]): Promise<void> {
  await applySchema(testDriver(), testDatabase());
  await wipe();
  const summary = await ingestAll(testDriver(), documents, { database: testDatabase() });
  if (summary.reports.length === 0 || summary.totals.created !== summary.reports.length) {
    throw new Error(`not every document loaded: ${JSON.stringify(summary.reports)}`);
  }
}

export function context(role: Role = 'reader'): Context {
  return createContext({ driver: testDriver(), database: testDatabase(), transactionTimeoutMs: 20_000 }, role);
}

export interface Executed<T> {
  data: T;
  errors: ExecutionResult['errors'];
  ctx: Context;
}

/** Runs one operation; `data` is typed loosely on purpose (tests assert on exact values). */
export async function exec<T = any>(
  source: string,
  variables?: Record<string, unknown>,
  role: Role = 'reader',
  ctx: Context = context(role),
): Promise<Executed<T>> {
  const result = await run(source, ctx, variables);
  return { data: result.data as T, errors: result.errors, ctx };
}

/** Runs an operation that must succeed, and returns its data. */
export async function ok<T = any>(source: string, variables?: Record<string, unknown>, role: Role = 'reader'): Promise<T> {
  const { data, errors } = await exec<T>(source, variables, role);
  if (errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(errors.map((e) => [e.message, e.path, e.extensions]))}`);
  return data;
}

/** The extension codes of a result's errors (and the argument each names, when it names one). */
export function codes(result: Executed<unknown>): Array<{ code: unknown; argumentName?: unknown }> {
  return (result.errors ?? []).map((e) =>
    e.extensions?.argumentName !== undefined
      ? { code: e.extensions?.code, argumentName: e.extensions.argumentName }
      : { code: e.extensions?.code },
  );
}

export const sorted = <T>(xs: T[]): T[] => [...xs].sort();
