/**
 * Identity when ids and names meet (src/ingest/README.md): each scenario is a few documents loaded in every
 * order, one per transaction, and all of them in one transaction in every order; the graphs (full dumps) and
 * the rejected documents must be the same for every order.
 */
import { applySchema } from '../src/graph';
import { ingestBatch, ingestDocument } from '../src/ingest';
import { testDatabase, useTestDatabase, wipe } from './support/db';
import { articleDoc } from './support/documents';
import { graphDump } from './support/graphDump';

const driver = useTestDatabase({ wipeBeforeEach: false });
beforeAll(() => applySchema(driver(), testDatabase()));

type Entity = Record<string, unknown>;
/** An article naming these entities, with a figure about the first (figure ids depend on the entity's id). */
const doc = (id: string, entities: Entity[], extra: Record<string, unknown> = {}) =>
  articleDoc(id, {
    entities,
    events: [],
    relations: [],
    figures: [{ subject: entities[0].key, metric: '产值', value: 7, unit: '亿元', period: '2023' }],
    ...extra,
  });

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** Loads the documents in this order (one per transaction, or all in one) into an empty graph. */
async function loadInOrder(docs: Array<Record<string, any>>, oneTransaction: boolean) {
  await wipe();
  const options = { database: testDatabase() };
  const reports = oneTransaction
    ? await ingestBatch(driver(), docs.map((d) => ({ source: d.article.id, document: d })), options)
    : await docs.reduce<Promise<Awaited<ReturnType<typeof ingestDocument>>[]>>(
        async (done, d) => [...(await done), await ingestDocument(driver(), d, d.article.id, options)],
        Promise.resolve([]),
      );
  const rejected = reports.filter((r) => r.status === 'rejected').map((r) => r.source).sort();
  return { dump: await graphDump(driver(), testDatabase()), rejected };
}

/** Every order gives the same graph and the same rejections; returns them. */
async function sameInEveryOrder(docs: Array<Record<string, any>>) {
  const first = await loadInOrder(docs, false);
  for (const order of permutations(docs)) {
    for (const oneTransaction of [false, true]) {
      const { dump, rejected } = await loadInOrder(order, oneTransaction);
      expect({ order: order.map((d) => d.article.id), oneTransaction, rejected }).toEqual({
        order: order.map((d) => d.article.id),
        oneTransaction,
        rejected: first.rejected,
      });
      if (dump !== first.dump) {
        const a = new Set(dump.split('\n'));
        const e = new Set(first.dump.split('\n'));
        expect({ order: order.map((d) => d.article.id), oneTransaction, missing: [...e].filter((l) => !a.has(l)), extra: [...a].filter((l) => !e.has(l)) })
          .toEqual({ order: order.map((d) => d.article.id), oneTransaction, missing: [], extra: [] });
      }
    }
  }
  return first;
}

const q = async (cypher: string) => (await driver().executeQuery(cypher, {}, { database: testDatabase() })).records.map((r) => r.toObject());

describe('identity when ids and names meet, in every load order', () => {
  it('when an id arrives after articles that named the entity by name only, then it claims their entity', async () => {
    await sameInEveryOrder([
      doc('a1', [{ key: 'p', type: 'Place', kind: 'City', name: '济南市' }]),
      doc('a2', [{ key: 'p', type: 'Place', kind: 'City', name: '济南市', id: 'bench-place-39' }]),
      doc('a3', [{ key: 'p', type: 'Place', name: '济南' , aliases: ['济南市'] }]),
    ]);
    expect(await q('MATCH (e:Entity) RETURN e.id AS id, e.nameOnly AS nameOnly, COUNT { (e)<-[:MENTIONS]-() } AS mentions')).toEqual([
      { id: 'bench-place-39', nameOnly: null, mentions: 3 },
    ]);
    // the figures the three articles report are one figure, under the id the entity has from the start
    expect(await q('MATCH (f:Figure)-[:ABOUT]->(e) RETURN e.id AS about, COUNT { (f)<-[:REPORTS]-() } AS reports')).toEqual([
      { about: 'bench-place-39', reports: 3 },
    ]);
  }, 300_000);

  it('when names meet through an alias, then the entity without an id is one entity, named after its earliest article', async () => {
    await sameInEveryOrder([
      doc('b1', [{ key: 'o', type: 'Organization', name: '江南大学', aliases: ['江大'] }]),
      doc('b2', [{ key: 'o', type: 'Organization', name: '江大' }]),
      doc('b3', [{ key: 'o', type: 'Organization', name: 'Jiangnan University', aliases: ['江南大学'] }]),
    ]);
    expect(await q('MATCH (e:Entity) RETURN e.id AS id, e.nameOnly AS nameOnly')).toEqual([{ id: 'organization:江南大学', nameOnly: true }]);
  }, 300_000);

  it('when a name-only article joins a name with an identified entity, then that entity absorbs the name-only one', async () => {
    await sameInEveryOrder([
      doc('c1', [{ key: 'p', type: 'Person', name: '金锋', id: 'person:jin' }]),
      doc('c2', [{ key: 'p', type: 'Person', name: '金锋', aliases: ['金主任'] }]),
      doc('c3', [{ key: 'p', type: 'Person', name: '金主任' }]),
    ]);
    expect(await q('MATCH (e:Entity) RETURN e.id AS id, COUNT { (e)<-[:MENTIONS]-() } AS mentions')).toEqual([{ id: 'person:jin', mentions: 3 }]);
  }, 300_000);

  it('when two different ids share a name, then they stay two entities, in every order', async () => {
    await sameInEveryOrder([
      doc('d1', [{ key: 'w', type: 'Person', name: '王伟', id: 'person:wang-wei-1' }]),
      doc('d2', [{ key: 'w', type: 'Person', name: '王伟', id: 'person:wang-wei-2' }]),
    ]);
    expect(await q('MATCH (e:Entity) RETURN e.id AS id ORDER BY id')).toEqual([{ id: 'person:wang-wei-1' }, { id: 'person:wang-wei-2' }]);
    // loaded after both, an article naming 王伟 only by name is ambiguous and rejected, naming both
    const report = await ingestDocument(driver(), doc('d3', [{ key: 'w', type: 'Person', name: '王伟' }]), 'd3', { database: testDatabase() });
    expect(report.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/ambiguous.*person:wang-wei-1.*person:wang-wei-2/) })]);
  }, 300_000);
});
