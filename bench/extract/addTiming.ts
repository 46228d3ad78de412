/**
 * `npx tsx bench/extract/addTiming.ts [rounds]`: where the time of adding a seed-size article goes, step by step, as
 * the explorer's Add article view does it (extractArticle: the gazetteer read and the extraction; ingestArticle: the
 * write transaction, timed per step with the ingest's step hook). A throw-away embedded Neo4j holding the seed, in
 * its own temporary folder (TMPDIR). Each round drafts the seed's text under a new article id and loads it, then
 * loads it again changed (a re-load replaces what the article said); for comparison, the seed's own document (the hand
 * extraction) is loaded under a new id first.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { extractArticle, loadGazetteer } from '../../src/extract';
import { applySchema } from '../../src/graph/applySchema';
import { startEmbeddedNeo4j } from '../../src/graph/embedded';
import { ingestDocument, type ArticleDocument } from '../../src/ingest';

const SEED = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seed', 'gaoyou-edz-newsletter-2023-06.json'), 'utf8')) as ArticleDocument;

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  const home = mkdtempSync(join(tmpdir(), 'kg-add-timing-'));
  const server = await startEmbeddedNeo4j({ homeDir: home, heap: '512m', pageCache: '128m' });
  const driver = neo4j.driver(server.uri);
  try {
    await applySchema(driver);
    await ingestDocument(driver, SEED, 'seed', { timeoutMs: 600_000 });
    const rows: string[] = [];
    for (let r = 0; r < rounds; r++) {
      let t = process.hrtime.bigint();
      const gazetteer = await loadGazetteer(driver);
      const gazetteerMs = ms(t);
      t = process.hrtime.bigint();
      const draft = extractArticle(SEED.article.text ?? '', { id: `timing-${r}`, publishedOn: '2023-06-30', publisher: '高邮经济开发区' }, { gazetteer });
      const extractMs = ms(t);
      const doc = draft.document;
      const timeLoad = async (d: ArticleDocument) => {
        const steps: string[] = [];
        let last = process.hrtime.bigint();
        const start = last;
        const report = await ingestDocument(driver, d, 'request', {
          timeoutMs: 600_000,
          afterStep: (step) => {
            steps.push(`${step} ${ms(last).toFixed(0)}`);
            last = process.hrtime.bigint();
          },
        });
        steps.push(`commit ${ms(last).toFixed(0)}`);
        return { total: ms(start), status: report.status, steps: steps.join(', ') };
      };
      const hand = await timeLoad({ ...SEED, article: { ...SEED.article, id: `hand-${r}` } });
      const created = await timeLoad(doc);
      const changed = { ...doc, figures: (doc.figures ?? []).slice(1) };
      const updated = await timeLoad(changed);
      rows.push(
        `| ${r + 1} | ${doc.entities.length} / ${doc.events?.length ?? 0} / ${doc.relations?.length ?? 0} / ${doc.figures?.length ?? 0} | ${gazetteerMs.toFixed(0)} | ${extractMs.toFixed(0)} ` +
          `| ${created.status} ${created.total.toFixed(0)} (${created.steps}) | ${updated.status} ${updated.total.toFixed(0)} (${updated.steps}) | ${hand.total.toFixed(0)} (${hand.steps}) |`,
      );
    }
    process.stdout.write(
      `machine load ${loadavg()[0].toFixed(1)}\n\n| round | entities / events / relations / figures | gazetteer read ms | extraction ms | first load ms (steps) | re-load ms (steps) | the seed's hand extraction under a new id, ms (steps) |\n|---|---|---:|---:|---|---|---|\n${rows.join('\n')}\n`,
    );
  } finally {
    await driver.close();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

void main();
