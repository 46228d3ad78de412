/**
 * Batch mode (`ingestAll` with `batch`, `ingestBatch`): several documents per transaction, with the graph and
 * the reports of loading them one by one. Graphs are compared as canonical dumps (test/support/graphDump.ts).
 */
import { generateArchive } from '../bench/data/generate';
import { applySchema } from '../src/graph';
import { type DocumentReport, ingestAll, ingestBatch, type SourcedDocument } from '../src/ingest';
import { DOCUMENTS_PER_STATEMENT } from '../src/ingest/writeFacts';
import { WRITE_FACTS } from '../src/ingest/writeFactsStatement';
import { testDatabase, useTestDatabase, wipe } from './support/db';
import { articleDoc } from './support/documents';
import { graphDump } from './support/graphDump';
import { wrappingDriver } from './support/recordingDriver';

type Doc = Record<string, any>;

const driver = useTestDatabase();
beforeAll(() => applySchema(driver(), testDatabase()));

const sourced = (docs: Doc[]): Array<SourcedDocument & { document: unknown }> => docs.map((d, i) => ({ source: `doc-${i}`, document: d }));
/** batches that were rolled back and loaded again one by one, with the reason */
let retries: Array<{ sources: string[]; reason: unknown }> = [];
beforeEach(() => {
  retries = [];
});
const load = (docs: Doc[], batch: number, afterStep?: (step: string, articles: string[]) => void) =>
  ingestAll(driver(), sourced(docs), { database: testDatabase(), batch, afterStep, onRetry: (sources, reason) => retries.push({ sources, reason }) });
const dump = () => graphDump(driver(), testDatabase());

/** Equal dumps, or the first few lines that differ. */
function expectSameGraph(actual: string, expected: string): void {
  if (actual !== expected) {
    const a = new Set(actual.split('\n'));
    const e = new Set(expected.split('\n'));
    expect({ missing: [...e].filter((l) => !a.has(l)).slice(0, 5), extra: [...a].filter((l) => !e.has(l)).slice(0, 5) }).toEqual({ missing: [], extra: [] });
  }
  expect(actual).toBe(expected);
}

/** The serial load of `docs` into an empty graph: its dump and reports. */
async function serial(docs: Doc[]): Promise<{ graph: string; reports: DocumentReport[] }> {
  await wipe();
  const { reports } = await load(docs, 1);
  const graph = await dump();
  await wipe();
  return { graph, reports };
}

const tiny = (): Doc[] => [...generateArchive('tiny').documents()];

/** Documents whose identity depends on what earlier ones in the same batch wrote. */
function chainDocs(): Doc[] {
  const bare = { events: [], relations: [], figures: [] };
  // c1 introduces an organisation by name and alias; c2 names it by the alias only (found through the name
  // key c1's mention adds); c3 gives the generated id of c1's entity explicitly, under a new name
  const c1 = articleDoc('c1', bare);
  c1.entities = [{ key: 'o', type: 'Organization', kind: 'Company', name: '链条科技有限公司', aliases: ['链条科技'] }];
  const c2 = articleDoc('c2', bare);
  c2.entities = [{ key: 'o', type: 'Organization', name: '链条科技', aliases: ['Chain Tech'] }];
  const c3 = articleDoc('c3', bare);
  c3.entities = [{ key: 'o', type: 'Organization', id: 'organization:链条科技有限公司', name: 'CHAIN TECH Ltd.' }];
  // c4 gives an explicit id; c5 names it by the name c4 used
  const c4 = articleDoc('c4', bare);
  c4.entities = [{ key: 'p', type: 'Person', id: 'person:chain-1', name: '链一' }];
  const c5 = articleDoc('c5', bare);
  c5.entities = [{ key: 'p', type: 'Person', name: '链一', aliases: ['Lian Yi'] }];
  // c6 names c2's alias "Chain Tech" under another type: another entity
  const c6 = articleDoc('c6', bare);
  c6.entities = [{ key: 'x', type: 'Project', name: 'Chain Tech' }];
  return [c1, c2, c3, c4, c5, c6];
}

/**
 * 40 generated articles (shared entities by name, alias and id), hand-made chains, an article loaded again
 * unchanged, an article replaced by a version that drops entities (which then become orphans or lose
 * aliases) and names of those entities coming back later, and the first version again.
 */
function mixedStream(): Doc[] {
  const docs = tiny();
  const cut = (d: Doc): Doc => ({ ...d, entities: d.entities.slice(0, 2), events: [], relations: [], figures: [] });
  return [
    ...docs.slice(0, 12),
    ...chainDocs(),
    cut(docs[3]),
    ...docs.slice(12, 25),
    docs[5],
    docs[3],
    cut(docs[20]),
    ...docs.slice(25, 40),
    docs[20],
  ];
}

const statusAndCounts = (reports: DocumentReport[]) => reports.map((r) => ({ source: r.source, articleId: r.articleId, status: r.status, counts: r.counts, problems: r.problems }));

describe('batched loads give the graph and the reports of the serial load', () => {
  const docs = mixedStream();
  let reference: { graph: string; reports: DocumentReport[] };
  beforeAll(async () => {
    reference = await serial(docs);
  }, 120_000);

  it('(the serial load creates, updates and finds unchanged articles, and rejects none)', () => {
    expect(reference.reports.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(new Set(reference.reports.map((r) => r.status))).toEqual(new Set(['created', 'updated', 'unchanged']));
  });

  it.each([2, 7, 100])('with %i documents per transaction', async (batch) => {
    const { reports } = await load(docs, batch);
    expect(retries).toEqual([]); // every batch was written as a batch
    expect(statusAndCounts(reports)).toEqual(statusAndCounts(reference.reports));
    expectSameGraph(await dump(), reference.graph);
  });

  it('a batch of the tiny archive on top of a graph that already holds part of it', async () => {
    const docs = tiny();
    const reference = await serial(docs);
    await load(docs.slice(0, 15), 1);
    const { totals } = await load(docs, 40);
    expect(totals).toEqual({ created: 25, updated: 0, unchanged: 15, rejected: 0 });
    expect(retries).toEqual([]);
    expectSameGraph(await dump(), reference.graph);
  });
});

describe('a document that identity resolution rejects, inside a batch', () => {
  function withBadOnes(): Doc[] {
    const docs = tiny().slice(0, 10);
    const bare = { events: [], relations: [], figures: [] };
    // an explicit id that an earlier article of the batch gave an entity of another type
    const taken = docs.slice(0, 4).flatMap((d) => d.entities).find((e: Doc) => e.id);
    const wrongType = articleDoc('bad-type', bare);
    wrongType.entities = [{ key: 'x', type: taken.type === 'Person' ? 'Organization' : 'Person', name: '错类型', id: taken.id }];
    // two entities with explicit ids share a name; a third article names it without an id: ambiguous
    const w1 = articleDoc('w1', bare);
    w1.entities = [{ key: 'w', type: 'Person', name: '王同名', id: 'person:same-name-1' }];
    const w2 = articleDoc('w2', bare);
    w2.entities = [{ key: 'w', type: 'Person', name: '王同名', id: 'person:same-name-2' }];
    const ambiguous = articleDoc('ambiguous', bare);
    ambiguous.entities = [{ key: 'w', type: 'Person', name: '王同名' }];
    return [...docs.slice(0, 4), wrongType, ...docs.slice(4, 7), w1, w2, ambiguous, ...docs.slice(7)];
  }

  it('lands every other document and reports the bad ones with their problems, as the serial load does', async () => {
    const docs = withBadOnes();
    const reference = await serial(docs);
    const { reports, totals } = await load(docs, 50);
    expect(totals).toEqual({ created: docs.length - 2, updated: 0, unchanged: 0, rejected: 2 });
    // the batch was rolled back at the first rejected document, and loaded again one by one
    expect(retries).toHaveLength(1);
    expect(retries[0].sources).toHaveLength(docs.length);
    expect(retries[0].reason).toMatchObject({ problems: [{ path: 'entities[0].id' }] });
    const rejected = reports.filter((r) => r.status === 'rejected');
    expect(rejected.map((r) => r.articleId)).toEqual(['bad-type', 'ambiguous']);
    expect(rejected[0].problems).toEqual([{ path: 'entities[0].id', message: expect.stringMatching(/is already a \w+, not a \w+$/) }]);
    expect(rejected[1].problems).toEqual([
      {
        path: 'entities[0].name',
        message: expect.stringContaining('"王同名" matches 2 existing Person entities: "person:same-name-1" ("王同名"), "person:same-name-2" ("王同名")'),
      },
    ]);
    expect(statusAndCounts(reports)).toEqual(statusAndCounts(reference.reports));
    expectSameGraph(await dump(), reference.graph);
  });

  it('reports invalid documents (validation) without writing them and without sending the batch one by one', async () => {
    const docs = tiny().slice(0, 6);
    const reference = await serial(docs);
    const broken = articleDoc('broken');
    broken.entities[1].type = 'Persn';
    let transactions = 0;
    const reports = await ingestBatch(driver(), [...sourced(docs.slice(0, 3)), { source: 'broken.json', document: broken }, ...sourced(docs.slice(3))], {
      database: testDatabase(),
      afterStep: (step) => {
        if (step === 'forgotten') transactions += 1;
      },
    });
    expect(reports.map((r) => r.status)).toEqual(['created', 'created', 'created', 'rejected', 'created', 'created', 'created']);
    expect(reports[3]).toMatchObject({ source: 'broken.json', articleId: 'broken', problems: [{ path: 'entities[1].type', message: expect.stringContaining('unknown type "Persn"') }] });
    expect(transactions).toBe(1);
    expectSameGraph(await dump(), reference.graph);
  });
});

describe('a failure in the middle of a batch', () => {
  const docs = tiny().slice(0, 24);

  it('rolls the batch back and loads its documents again one by one: the graph of the serial load', async () => {
    const reference = await serial(docs);
    let failed = 0;
    const { totals } = await load(docs, 8, (step, articles) => {
      // once, in the transaction of the second batch, with its facts written and not yet derived
      if (step === 'relations' && articles.length > 1 && articles.includes(docs[12].article.id) && failed === 0) {
        failed += 1;
        throw new Error('injected failure');
      }
    });
    expect(failed).toBe(1);
    expect(retries.map((r) => [r.sources.length, (r.reason as Error).message])).toEqual([[8, 'injected failure']]);
    expect(totals).toEqual({ created: docs.length, updated: 0, unchanged: 0, rejected: 0 });
    expectSameGraph(await dump(), reference.graph);
  });

  it('that keeps failing for one document: the documents before the batch and those of it before that document are loaded', async () => {
    const bad = docs[13].article.id; // the 6th document of the second batch of 8
    const reference = await serial(docs.slice(0, 13));
    await expect(
      load(docs, 8, (step, articles) => {
        if (step === 'events' && articles.includes(bad)) throw new Error(`injected failure for ${bad}`);
      }),
    ).rejects.toThrow(`injected failure for ${bad}`);
    expectSameGraph(await dump(), reference.graph);
  });
});

describe('the next batch is read while one is written', () => {
  it('reads (and validates) batch k+1 before batch k is written, and starts writing it only after', async () => {
    const docs = tiny().slice(0, 24);
    const reference = await serial(docs);
    const events: string[] = [];
    async function* reading() {
      for (const [i, item] of sourced(docs).entries()) {
        events.push(`read ${i}`);
        yield item;
      }
    }
    const batchOf = (articles: string[]) => Math.floor(docs.findIndex((d) => d.article.id === articles[0]) / 8);
    const { totals } = await ingestAll(driver(), reading(), {
      database: testDatabase(),
      batch: 8,
      afterStep: (step, articles) => {
        if (step === 'forgotten' || step === 'derived') events.push(`${step} ${batchOf(articles)}`);
      },
    });
    expect(totals).toEqual({ created: 24, updated: 0, unchanged: 0, rejected: 0 });
    const at = (event: string) => events.indexOf(event);
    // batch 1 (documents 8-15) was all read while batch 0 was being written, batch 2 while batch 1 was
    expect(at('read 15')).toBeLessThan(at('derived 0'));
    expect(at('read 23')).toBeLessThan(at('derived 1'));
    // one transaction at a time, in order: each batch's first step comes after the previous batch's last
    expect(at('forgotten 1')).toBeGreaterThan(at('derived 0'));
    expect(at('forgotten 2')).toBeGreaterThan(at('derived 1'));
    expectSameGraph(await dump(), reference.graph);
  });
});

describe('a run of new articles longer than one statement carries', () => {
  // three statements' worth: two full ones and a part, all new articles (one run), later ones naming earlier ones' entities
  const docs = [...tiny(), ...chainDocs()].slice(0, 2 * DOCUMENTS_PER_STATEMENT + 6);
  const isWriteFacts = (text: string) => text.includes(WRITE_FACTS);
  /** a driver that sends the batch's statements through `alter` (given each statement's number among the writes) */
  const altering = (alter: (n: number, params: any) => void) => {
    let writes = 0;
    return wrappingDriver((run) => (text, params) => {
      if (isWriteFacts(text)) alter(writes++, params);
      return run(text, params);
    });
  };

  it('is written in several statements, in document order, with the graph of the serial load', async () => {
    const reference = await serial(docs);
    const articlesPerWrite: string[][] = [];
    const { reports } = await ingestAll(altering((_, params) => articlesPerWrite.push(params.facts.articles.map((a: Doc) => a.id))), sourced(docs), {
      database: testDatabase(),
      batch: docs.length,
      onRetry: (sources, reason) => retries.push({ sources, reason }),
    });
    expect(retries).toEqual([]);
    // in document order, DOCUMENTS_PER_STATEMENT to a statement
    expect(articlesPerWrite.map((ids) => ids.length)).toEqual([DOCUMENTS_PER_STATEMENT, DOCUMENTS_PER_STATEMENT, 6]);
    expect(articlesPerWrite.flat()).toEqual(docs.map((d) => d.article.id));
    expect(statusAndCounts(reports)).toEqual(statusAndCounts(reference.reports));
    expectSameGraph(await dump(), reference.graph);
  });

  it('when Neo4j fails the middle one, the last sent all the same: rolled back, then loaded one by one, the graph of the serial load', async () => {
    const reference = await serial(docs);
    let failed = 0;
    let sent = 0;
    let sentBeforeRetry = 0;
    const { totals } = await ingestAll(
      altering((n, params) => {
        sent += 1;
        // a map is no property value: Neo4j fails the statement that sets it, and ignores the rest of the transaction
        if (n === 1 && failed++ === 0) params.facts.articles[0].props = { nested: { map: 1 } };
      }),
      sourced(docs),
      {
        database: testDatabase(),
        batch: docs.length,
        onRetry: (sources, reason) => {
          retries.push({ sources, reason });
          sentBeforeRetry = sent;
        },
      },
    );
    expect(failed).toBe(1);
    // the third was sent before anything waited for the second's reply, and the error thrown is the second's
    expect(sentBeforeRetry).toBe(3);
    expect(retries).toHaveLength(1);
    expect(retries[0].sources).toHaveLength(docs.length);
    expect((retries[0].reason as Error).message).toMatch(/Property values can only be of primitive types or arrays thereof/);
    expect(totals).toEqual({ created: docs.length, updated: 0, unchanged: 0, rejected: 0 });
    expectSameGraph(await dump(), reference.graph);
  });
});
