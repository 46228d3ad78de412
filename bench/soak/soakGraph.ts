import * as path from 'path';
import { applySchema } from '../../src/graph/applySchema';
import { createDriver } from '../../src/graph/driver';
import { ingestAll, readDocuments, type SourcedDocument } from '../../src/ingest';
import { sharedDocs } from '../../test/reliability.helpers';

const ROOT = path.resolve(__dirname, '..', '..');

export interface SoakGraph {
  articles: number;
  nodes: number;
  relationships: number;
}

/** Applies the schema and loads seed/ and `docs` generated articles that share entities; throws if any is rejected. */
export async function loadSoakGraph(uri: string, docs: number, log: (line: string) => void): Promise<SoakGraph> {
  const driver = createDriver({ uri });
  await applySchema(driver);
  const t0 = Date.now();
  const generated: SourcedDocument[] = sharedDocs(docs).map((d) => ({ source: `generated:${d.article.id}`, document: d }));
  const seed = await ingestAll(driver, readDocuments([path.join(ROOT, 'seed')]));
  const extra = await ingestAll(driver, generated);
  const counts = (await driver.executeQuery('MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS rels')).records[0];
  const graph = { articles: seed.totals.created + extra.totals.created, nodes: counts.get('nodes') as number, relationships: counts.get('rels') as number };
  await driver.close();
  log(`loaded ${graph.articles} articles (${graph.nodes} nodes, ${graph.relationships} relationships) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (seed.totals.rejected + extra.totals.rejected > 0) throw new Error('some documents were rejected');
  return graph;
}
