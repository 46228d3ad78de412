/**
 * What the judgement and review-queue scenarios share: the API run in-process against the test database with a
 * long transaction timeout (an undo or a split loads articles again), and a minimal article document.
 */
import { createContext, type Role } from '../../src/api';
import { exec as execWith } from '../api.harness';
import { testDatabase, testDriver } from './db';

/** The operation as `role` sends it, with its errors. */
export const exec = (source: string, variables?: Record<string, unknown>, role: Role = 'reader') =>
  execWith(source, variables, role, createContext({ driver: testDriver(), database: testDatabase(), transactionTimeoutMs: 300_000 }, role));

/** The operation's data; any error fails the scenario, naming it. */
export async function ok(source: string, variables?: Record<string, unknown>, role: Role = 'reader'): Promise<any> {
  const { data, errors } = await exec(source, variables, role);
  if (errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(errors.map((e) => [e.message, e.path, e.extensions]))}`);
  return data;
}

export type Doc = Record<string, any>;

/** A kg-article/1 document with these entities and, by default, no events, relations or figures. */
export const doc = (id: string, entities: Doc[], extra: Partial<Doc> = {}): Doc => ({
  format: 'kg-article/1',
  article: { id, title: `Article ${id}`, publishedOn: '2023-07-01', text: `${id} 的正文。` },
  entities,
  events: [],
  relations: [],
  figures: [],
  ...extra,
});
