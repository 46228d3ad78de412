/**
 * Ingest under faults and contention, on 200 small documents that keep naming the same entities
 * (test/reliability.helpers.ts `sharedDocs`). Graphs are compared as canonical dumps
 * (test/support/graphDump.ts: every node and relationship with all its properties, `loadedAt` left out),
 * never by counts alone.
 *
 * - Reference: the 200 files loaded one after another into an empty graph (the shared test database).
 * - Four ingesters at once, in reverse order: every document loads (lock waits and deadlocks are retried by
 *   the transaction functions), nothing exists twice, and the graph is the reference graph.
 * - Neo4j killed (SIGKILL) in the middle of a document's transaction, 60 documents into the load (on a Neo4j
 *   of this test's own): the load fails, nothing of that document is left after recovery (the graph is the
 *   one committed before it began), and running the same load again completes with the reference graph.
 */
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../src/graph';
import { createDriver } from '../src/graph/driver';
import { type DocumentReport, ingestAll, ingestDocument, readDocuments } from '../src/ingest';
import { testDatabase, useTestDatabase, wipe } from './support/db';
import { graphDump } from './support/graphDump';
import { type OwnNeo4j, ownNeo4j, sharedDocId, sharedDocs, writeDocsDir } from './reliability.helpers';
import * as fs from 'fs';

const DOCS = 200;
const KILL_AT = 60;

/** Equal dumps, or the first few lines that differ (two 3000-line strings are unreadable in a diff). */
function expectSameGraph(actual: string, expected: string): void {
  if (actual !== expected) {
    const a = new Set(actual.split('\n'));
    const e = new Set(expected.split('\n'));
    expect({ missing: [...e].filter((l) => !a.has(l)).slice(0, 5), extra: [...a].filter((l) => !e.has(l)).slice(0, 5) }).toEqual({
      missing: [],
      extra: [],
    });
  }
  expect(actual).toBe(expected);
}

const driver = useTestDatabase({ wipeBeforeEach: false });
const docs = sharedDocs(DOCS);
const dir = writeDocsDir(docs);
let reference: string;

beforeAll(async () => {
  await applySchema(driver(), testDatabase());
  await wipe();
  const summary = await ingestAll(driver(), readDocuments([dir]), { database: testDatabase() });
  expect(summary.totals).toEqual({ created: DOCS, updated: 0, unchanged: 0, rejected: 0 });
  reference = await graphDump(driver(), testDatabase());
}, 600_000);

afterAll(async () => {
  await wipe();
  fs.rmSync(dir, { recursive: true, force: true });
});

const q = async (cypher: string, d: Driver = driver(), database = testDatabase()) =>
  (await d.executeQuery(cypher, {}, { database })).records.map((r) => r.toObject());

it('the reference load is what the documents say', async () => {
  expect(await q('MATCH (a:Article) RETURN count(a) AS n')).toEqual([{ n: DOCS }]);
  expect(await q('MATCH (e:Entity) RETURN e.type AS type, count(*) AS n ORDER BY type')).toEqual([
    { type: 'Organization', n: 8 },
    { type: 'Person', n: 12 },
    { type: 'Place', n: 4 },
  ]);
  expect(await q('MATCH (e:Event) RETURN count(e) AS n')).toEqual([{ n: DOCS }]);
  // relations and figures are shared by many articles: far fewer of them than claims and reports
  const [rels] = await q(`MATCH ()-[r:HOLDS_POSITION|LOCATED_IN|PARTNER_OF]->() RETURN count(r) AS n, sum(size(r.sourceArticles)) AS claims`);
  expect(rels.n * 4).toBeLessThan(rels.claims);
  const [figs] = await q(`MATCH (f:Figure) RETURN count(f) AS n, COUNT { ()-[:REPORTS]->(:Figure) } AS reports`);
  expect(figs.n * 4).toBeLessThan(figs.reports);
});

describe('four ingesters at once over documents that share entities', () => {
  it('load every document, create nothing twice, and give the graph of the serial load', async () => {
    await wipe();
    const queue = [...docs].reverse();
    const reports: DocumentReport[] = [];
    let attempts = 0;
    const worker = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        const report = await ingestDocument(driver(), d, d.article.id, {
          database: testDatabase(),
          // counts transaction-function attempts (more than documents: some were retried)
          afterStep: (step) => {
            if (step === 'forgotten') attempts += 1;
          },
        });
        reports.push(report);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);

    expect(reports.filter((r) => r.status !== 'created')).toEqual([]);
    expect(reports).toHaveLength(DOCS);
    expect(attempts).toBeGreaterThanOrEqual(DOCS);
    process.stderr.write(`[reliability] 4 ingesters: ${attempts} transaction attempts for ${DOCS} documents\n`);

    expect(await q('MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN id')).toEqual([]);
    expect(await q('MATCH (k:NameKey) WITH k.key AS key, count(*) AS n WHERE n > 1 RETURN key')).toEqual([]);
    expect(
      await q(`MATCH (a)-[r]->(b) WHERE NOT r:PARTICIPATED_IN
               WITH a, b, type(r) AS t, r.key AS key, count(*) AS n WHERE n > 1 RETURN t, key`),
    ).toEqual([]);
    expectSameGraph(await graphDump(driver(), testDatabase()), reference);
  }, 600_000);
});

describe('Neo4j killed in the middle of an ingest', () => {
  let neo: OwnNeo4j;
  let own: Driver | undefined;
  beforeAll(async () => {
    neo = ownNeo4j({ prefix: 'kg-rel-kill-' });
    const started = await neo.start();
    own = createDriver({ uri: started.uri });
    await applySchema(own);
  }, 180_000);
  afterAll(async () => {
    await own?.close();
    await neo?.dispose();
  });

  it('leaves no partial document, and the same ingest run again gives the graph of a clean ingest', async () => {
    let committedBefore: string | undefined;
    let killed = false;
    const killedAt = sharedDocId(KILL_AT);
    const first = ingestAll(own!, readDocuments([dir]), {
      afterStep: async (step) => {
        if (killed || (committedBefore === undefined && step !== 'forgotten')) return;
        // inside the transaction of document KILL_AT: first what is committed (docs 0..KILL_AT-1), read from
        // another session, then, with this document's mentions, events and relations written but not
        // committed, SIGKILL the Java process
        const current = (await own!.executeQuery('MATCH (a:Article) RETURN count(a) AS n')).records[0].get('n');
        if (step === 'forgotten' && current === KILL_AT && committedBefore === undefined) {
          committedBefore = await graphDump(own!);
        } else if (step === 'relations' && committedBefore !== undefined) {
          killed = true;
          await neo.kill();
        }
      },
    });
    // the driver retries for a few seconds (maxTransactionRetryTime), then gives up
    await expect(first).rejects.toMatchObject({ code: expect.stringMatching(/ServiceUnavailable|SessionExpired/) });
    expect(killed).toBe(true);
    await own!.close();

    // recovery from the transaction log on restart
    const restarted = await neo.start();
    own = createDriver({ uri: restarted.uri });
    const recovered = await graphDump(own);
    expect(recovered).toBe(committedBefore);
    const articles = (await q('MATCH (a:Article) RETURN a.id AS id ORDER BY id', own, undefined)).map((r) => r.id);
    expect(articles).toEqual(docs.slice(0, KILL_AT).map((d) => d.article.id));
    expect(articles).not.toContain(killedAt);
    expect(await q(`MATCH (n) WHERE n.id STARTS WITH '${killedAt}#' OR n.article = '${killedAt}' RETURN n`, own, undefined)).toEqual([]);
    expect(await q(`MATCH ()-[r]->() WHERE '${killedAt}' IN r.sourceArticles RETURN r`, own, undefined)).toEqual([]);

    const again = await ingestAll(own, readDocuments([dir]));
    expect(again.totals).toEqual({ created: DOCS - KILL_AT, updated: 0, unchanged: KILL_AT, rejected: 0 });
    expectSameGraph(await graphDump(own), reference);
  }, 600_000);
});
