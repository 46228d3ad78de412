/**
 * Writes that race (issue 22 §6): a merge of two entities, the deletion of an article, and a re-load that drops
 * a relation another article also claims, each running while two loaders write documents naming the same
 * entities. The graph after they ran at once must be the graph of one of the serial orders of the same three
 * operations (all six are computed first), every operation must succeed (deadlocks and lock waits retried), and
 * nothing is lost.
 */
import type { Driver } from 'neo4j-driver';
import { applySchema, executeWrite } from '../src/graph';
import { deleteArticle, ingestDocument, mergeEntities } from '../src/ingest';
import { testDatabase, useTestDatabase, wipe } from './support/db';
import { articleDoc } from './support/documents';
import { graphDump } from './support/graphDump';

const driver = useTestDatabase({ wipeBeforeEach: false });
beforeAll(() => applySchema(driver(), testDatabase()));
afterAll(() => wipe());

type Operation = { name: string; run: (d: Driver) => Promise<unknown> };

const options = () => ({ database: testDatabase() });
const load = (doc: Record<string, any>): Operation => ({
  name: `load ${doc.article.id}`,
  run: async (d) => {
    const report = await ingestDocument(d, doc, doc.article.id, options());
    if (report.status === 'rejected') throw new Error(`${doc.article.id} rejected: ${JSON.stringify(report.problems)}`);
    return report;
  },
});
const inTransaction = (name: string, work: Parameters<typeof executeWrite>[1]): Operation => ({
  name,
  run: (d) => executeWrite(d, work, { ...options(), retryMs: 60_000 }),
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

async function fresh(base: Array<Record<string, any>>): Promise<void> {
  await wipe();
  for (const doc of base) await load(doc).run(driver());
}

/**
 * The dumps of every serial order of `operations` after `base`, then `rounds` runs of all of them at once: each
 * must give one of those dumps.
 */
async function expectSomeSerialOrder(base: Array<Record<string, any>>, operations: Operation[], rounds = 3): Promise<void> {
  const serial = new Map<string, string[]>();
  for (const order of permutations(operations)) {
    await fresh(base);
    for (const op of order) await op.run(driver());
    serial.set(await graphDump(driver(), testDatabase()), order.map((op) => op.name));
  }
  for (let round = 0; round < rounds; round++) {
    await fresh(base);
    await Promise.all(operations.map((op) => op.run(driver())));
    const dump = await graphDump(driver(), testDatabase());
    if (!serial.has(dump)) {
      // the closest serial graph, to show what differs
      const lines = new Set(dump.split('\n'));
      const [closest] = [...serial.keys()].sort((a, b) => diff(a, lines) - diff(b, lines));
      const c = new Set(closest.split('\n'));
      expect({ round, missing: [...c].filter((l) => !lines.has(l)), extra: [...lines].filter((l) => !c.has(l)) }).toEqual({
        round,
        missing: [],
        extra: [],
      });
    }
  }
}
const diff = (dump: string, lines: Set<string>) => dump.split('\n').filter((l) => !lines.has(l)).length;

/** An article about the usual four entities (test/support/documents.ts), with the person named `person`. */
const about = (id: string, person: Record<string, unknown> = {}) => {
  const doc = articleDoc(id);
  doc.entities[1] = { ...doc.entities[1], ...person };
  return doc;
};

describe('writes racing with loaders that name the same entities', () => {
  it('when two entities are merged while articles naming both are loaded, then the graph is that of a serial order', async () => {
    const base = [about('r1'), about('r2', { name: '金锋同志', id: 'person:jin-2' })];
    await expectSomeSerialOrder(base, [
      inTransaction('merge', (tx) => mergeEntities(tx, 'person:金锋', 'person:jin-2')),
      load(about('r3')),
      load(about('r4', { name: '金锋同志', id: 'person:jin-2' })),
    ]);
  }, 600_000);

  it('when an article is deleted while others naming its entities are loaded, then the graph is that of a serial order', async () => {
    await expectSomeSerialOrder(
      [about('r1'), about('r2')],
      [inTransaction('delete r1', (tx) => deleteArticle(tx, 'r1')), load(about('r3')), load(about('r4'))],
    );
  }, 600_000);

  it('when a re-load drops a relation another article claims while others are loaded, then the graph is that of a serial order', async () => {
    const reloaded = about('r2');
    reloaded.relations = reloaded.relations.filter((r: { type: string }) => r.type !== 'PARTNER_OF');
    reloaded.article.title = 'Article r2, corrected';
    await expectSomeSerialOrder([about('r1'), about('r2')], [load(reloaded), load(about('r3')), load(about('r4'))]);
  }, 600_000);
});
