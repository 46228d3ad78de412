/**
 * Writes that race (issue 22 §6): a merge of two entities (with loads naming the merged entity by id and name, by
 * its id only, by its name only), the deletion of an article, and a re-load that drops a relation another article
 * also claims, each running while two loaders write documents naming the same entities. Besides runs of all at
 * once, staged runs put the merge into a load that has locked what it names, and a load into a merge not yet
 * committed. The graph after they ran at once must be the graph of one of the serial orders of the same three
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

/** Every operation at once. */
const allAtOnce = (operations: Operation[]) => (d: Driver) => Promise.all(operations.map((op) => op.run(d)));

/**
 * The dumps of every serial order of `operations` after `base`, then `rounds` runs of all of them at once (or the
 * concurrent `runs` given): each must give one of those dumps.
 */
async function expectSomeSerialOrder(
  base: Array<Record<string, any>>,
  operations: Operation[],
  runs: Array<(d: Driver) => Promise<unknown>> = [1, 2, 3].map(() => allAtOnce(operations)),
): Promise<void> {
  const serial = new Map<string, string[]>();
  for (const order of permutations(operations)) {
    await fresh(base);
    for (const op of order) await op.run(driver());
    serial.set(await graphDump(driver(), testDatabase()), order.map((op) => op.name));
  }
  for (const [round, run] of runs.entries()) {
    await fresh(base);
    await run(driver());
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `doc` loaded; once its load has looked up and locked what the document names (and before it writes), `other`
 * starts, and the load waits `ms` before going on: the other operation runs into a load in the middle.
 */
const loadMeeting = (doc: Record<string, any>, other: Operation, ms = 300) => async (d: Driver) => {
  let started: Promise<unknown> | undefined;
  const report = await ingestDocument(d, doc, doc.article.id, {
    ...options(),
    afterStep: async (step) => {
      if (step !== 'forgotten' || started) return;
      started = other.run(d);
      started.catch(() => {}); // awaited below
      await sleep(ms);
    },
  });
  await started;
  if (report.status === 'rejected') throw new Error(`${doc.article.id} rejected: ${JSON.stringify(report.problems)}`);
};

/** `work` in a transaction held open `ms` after it is done: a load starting meanwhile meets it uncommitted. */
const holdingOpen = (name: string, work: Parameters<typeof executeWrite>[1], ms = 300): Operation =>
  inTransaction(name, async (tx) => {
    const result = await work(tx);
    await sleep(ms);
    return result;
  });

describe('writes racing with loaders that name the same entities', () => {
  it('when two entities are merged while articles naming both are loaded, then the graph is that of a serial order', async () => {
    const base = [about('r1'), about('r2', { name: '金锋同志', id: 'person:jin-2' })];
    await expectSomeSerialOrder(base, [
      inTransaction('merge', (tx) => mergeEntities(tx, 'person:金锋', 'person:jin-2')),
      load(about('r3')),
      load(about('r4', { name: '金锋同志', id: 'person:jin-2' })),
    ]);
  }, 600_000);

  // a load naming the merged entity by its id alone (and a name it does not have) shares no name key with the merge
  const byIdOnly = () => about('r3', { name: '金书记', id: 'person:jin-2' });
  const merge = inTransaction('merge', (tx) => mergeEntities(tx, 'person:金锋', 'person:jin-2'));
  const mergeBase = () => [about('r1'), about('r2', { name: '金锋同志', id: 'person:jin-2' })];

  it('when two entities are merged while an article naming the merged one by its id only is loaded, then the graph is that of a serial order and nothing is lost', async () => {
    const operations = [merge, load(byIdOnly()), load(about('r4'))];
    await expectSomeSerialOrder(mergeBase(), operations, [
      allAtOnce(operations),
      allAtOnce(operations),
      // the merge starting once the load has read and locked what it names
      (d) => Promise.all([loadMeeting(byIdOnly(), merge)(d), load(about('r4')).run(d)]),
      // the load starting while the merge is done but not yet committed
      (d) => Promise.all([holdingOpen('merge', (tx) => mergeEntities(tx, 'person:金锋', 'person:jin-2')).run(d), sleep(100).then(() => load(byIdOnly()).run(d)), load(about('r4')).run(d)]),
    ]);
    // every article's mention of the person is on the kept entity; the merged id is no entity
    const { records } = await driver().executeQuery(
      'MATCH (a:Article)-[:MENTIONS]->(p:Person) RETURN a.id AS article, p.id AS person ORDER BY article',
      {},
      { database: testDatabase() },
    );
    expect(records.map((r) => [r.get('article'), r.get('person')])).toEqual(['r1', 'r2', 'r3', 'r4'].map((a) => [a, 'person:金锋']));
  }, 600_000);

  it('when two entities are merged while an article naming the merged one by its name only is loaded, then the graph is that of a serial order', async () => {
    const byName = () => about('r3', { name: '金锋同志' });
    const operations = [merge, load(byName()), load(about('r4'))];
    await expectSomeSerialOrder(mergeBase(), operations, [
      allAtOnce(operations),
      allAtOnce(operations),
      (d) => Promise.all([loadMeeting(byName(), merge)(d), load(about('r4')).run(d)]),
      (d) => Promise.all([holdingOpen('merge', (tx) => mergeEntities(tx, 'person:金锋', 'person:jin-2')).run(d), sleep(100).then(() => load(byName()).run(d)), load(about('r4')).run(d)]),
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
