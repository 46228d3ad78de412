/**
 * Identity does not depend on load order (issue 22 §1; the rule is in src/ingest/README.md, "Identity when ids
 * and names meet"). A property over the benchmark generator's documents at size tiny (40 articles, entities
 * named by name, by alias, and some by explicit id only from some mention on): for random orders and
 * interleavings of the same documents (serial one per transaction, serial 50 per transaction, four loaders at
 * once one per transaction and ten per transaction), the full dumps (test/support/graphDump.ts) equal the dump
 * of the load in file order, and the same documents are rejected (none).
 */
import type { Driver } from 'neo4j-driver';
import { generateArchive } from '../bench/data/generate';
import { Random } from '../bench/data/random';
import { applySchema } from '../src/graph';
import { type DocumentReport, ingestBatch, ingestDocument } from '../src/ingest';
import { testDatabase, useTestDatabase, wipe } from './support/db';
import { graphDump } from './support/graphDump';

type Doc = { article: { id: string } } & Record<string, unknown>;

const driver = useTestDatabase({ wipeBeforeEach: false });
const docs = [...generateArchive('tiny').documents()] as unknown as Doc[];

/** Equal dumps, or the first few lines that differ. */
function expectSameGraph(actual: string, expected: string): void {
  if (actual !== expected) {
    const a = new Set(actual.split('\n'));
    const e = new Set(expected.split('\n'));
    expect({ missing: [...e].filter((l) => !a.has(l)).slice(0, 4), extra: [...a].filter((l) => !e.has(l)).slice(0, 4) }).toEqual({
      missing: [],
      extra: [],
    });
  }
}

function shuffled<T>(items: T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `loaders` loaders at once take `batch` documents at a time from the queue, in its order, until it is empty. */
async function load(d: Driver, queue: Doc[], { loaders, batch }: { loaders: number; batch: number }): Promise<DocumentReport[]> {
  const pending = [...queue];
  const reports: DocumentReport[] = [];
  const options = { database: testDatabase() };
  const loader = async () => {
    for (let taken = pending.splice(0, batch); taken.length > 0; taken = pending.splice(0, batch)) {
      if (batch === 1) reports.push(await ingestDocument(d, taken[0], taken[0].article.id, options));
      else reports.push(...(await ingestBatch(d, taken.map((doc) => ({ source: doc.article.id, document: doc })), options)));
    }
  };
  await Promise.all(Array.from({ length: loaders }, loader));
  return reports;
}

const rejectedOf = (reports: DocumentReport[]) => reports.filter((r) => r.status === 'rejected').map((r) => `${r.source}: ${r.problems[0]?.message}`).sort();

let reference: string;

beforeAll(async () => {
  await applySchema(driver(), testDatabase());
  await wipe();
  const reports = await load(driver(), docs, { loaders: 1, batch: 1 });
  expect(rejectedOf(reports)).toEqual([]);
  reference = await graphDump(driver(), testDatabase());
}, 300_000);

afterAll(() => wipe());

describe('the benchmark generator\'s documents (size tiny) loaded in other orders', () => {
  it.each([
    ['in descending file order, one per transaction', 0, { loaders: 1, batch: 1 }],
    ['in a random order, one per transaction', 1, { loaders: 1, batch: 1 }],
    ['in a random order, 50 per transaction', 2, { loaders: 1, batch: 50 }],
    ['by four loaders at once in a random order, one per transaction', 3, { loaders: 4, batch: 1 }],
    ['by four loaders at once in a random order, ten per transaction', 4, { loaders: 4, batch: 10 }],
  ])('%s: then the graph is the graph of the load in file order', async (_name, seed, how) => {
    await wipe();
    const order = seed === 0 ? [...docs].reverse() : shuffled(docs, new Random(2026 + (seed as number)));
    const reports = await load(driver(), order, how as { loaders: number; batch: number });
    expect(rejectedOf(reports)).toEqual([]);
    expect(reports).toHaveLength(docs.length);
    expectSameGraph(await graphDump(driver(), testDatabase()), reference);
  }, 300_000);
});
