import neo4j from 'neo4j-driver';
import { storedFacts } from '../../src/ingest/storedDocuments';
import { ENTITY_TYPE_NAMES, RELATION_TYPE_NAMES, type RelationType } from '../../src/model';
import { type PairFacts, scorePair } from '../../src/search';
import { RAW_CANDIDATES, RAW_EVENTS, RAW_FIGURES, RAW_PAIRS, RAW_PART_OF, RAW_RELATION, SET_SEARCH_KEYS } from './rawStatements';
import { eventRows, figureRows, prepareEntities, relationRows, resolve } from './writerRows';
import type { IngestWriter, WriterStats } from './writers';

type Doc = Record<string, any>;

/** Hand-written UNWIND … MERGE batches, `batchSize` documents per transaction. */
export function rawWriter(batchSize: number): IngestWriter {
  return {
    name: `raw(batch=${batchSize})`,
    async write(driver, docs) {
      const stats: WriterStats = { statements: 0, transactions: 0, rejected: 0 };
      const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
      try {
        for (let i = 0; i < docs.length; i += batchSize) {
          const batch = docs.slice(i, i + batchSize);
          await session.executeWrite(async (tx) => {
            const run = (cypher: string, params: Record<string, unknown>) => {
              stats.statements += 1;
              return tx.run(cypher, params);
            };
            const entities = prepareEntities(batch);
            const lookup = [...new Set(entities.filter((e) => e.explicitId === undefined).flatMap((e) => e.nameKeys))];
            const known = new Map<string, string>();
            if (lookup.length) {
              const found = await run(
                'UNWIND $keys AS key MATCH (:NameKey {key: key})-[:IDENTIFIES]->(e:Entity) RETURN key, e.id AS id',
                { keys: lookup },
              );
              for (const r of found.records) known.set(r.get('key'), r.get('id'));
            }
            const ids = resolve(entities, known);
            const idMaps = batch.map(() => new Map<string, string>());
            entities.forEach((e, k) => idMaps[e.docIndex].set(e.key, ids[k]));

            await run('UNWIND $articles AS x MERGE (a:Article {id: x.id}) SET a += x.props, a.loadedAt = datetime()', {
              articles: batch.map((d) => {
                const { id, ...props } = d.article;
                return { id, props: { ...props, facts: storedFacts(d as never) } };
              }),
            });
            for (const type of ENTITY_TYPE_NAMES) {
              const rows = entities.flatMap((e, k) =>
                e.type !== type
                  ? []
                  : [{
                      id: ids[k],
                      article: batch[e.docIndex].article.id,
                      key: e.key,
                      name: e.name,
                      aliases: e.aliases,
                      names: [e.name, ...e.aliases],
                      kind: e.kind,
                      attributes: e.attributes,
                      evidence: e.evidence,
                      nameKeys: e.nameKeys,
                      ...e.search,
                    }],
              );
              if (!rows.length) continue;
              await run(
                `UNWIND $rows AS x
                 MATCH (a:Article {id: x.article})
                 MERGE (e:Entity {id: x.id})
                   ON CREATE SET e.type = $type, e.name = x.name, e.aliases = [], e.kind = x.kind, e.attributes = x.attributes
                 SET e:${type}
                 WITH a, e, x, [n IN x.names WHERE n <> e.name AND NOT n IN e.aliases] AS more
                 SET e.aliases = e.aliases + more,
                     e.aliasText = reduce(s = '', n IN e.aliases + more | CASE s WHEN '' THEN n ELSE s + '\n' + n END)
                 CREATE (a)-[:MENTIONS {key: x.key, name: x.name, aliases: x.aliases, kind: x.kind,
                                        attributes: x.attributes, evidence: x.evidence}]->(e)
                 ${SET_SEARCH_KEYS}
                 WITH e, x
                 CALL (e, x) { UNWIND x.blockingKeys AS key MERGE (b:BlockingKey {key: key}) MERGE (b)-[:BLOCKS]->(e) }
                 WITH e, x
                 UNWIND x.nameKeys AS key
                 MERGE (k:NameKey {key: key})
                 MERGE (k)-[:IDENTIFIES]->(e)`,
                { rows, type },
              );
            }
            const events = batch.flatMap((d, j) => eventRows(d, (key) => idMaps[j].get(key)!));
            if (events.length) await run(RAW_EVENTS, { events });
            if (events.some((e) => e.partOf !== null)) await run(RAW_PART_OF, { events });
            const relations = new Map<RelationType, Doc[]>();
            batch.forEach((d, j) => {
              for (const [type, rows] of relationRows(d, (key) => idMaps[j].get(key)!)) relations.set(type, [...(relations.get(type) ?? []), ...rows]);
            });
            for (const type of RELATION_TYPE_NAMES) {
              const rows = relations.get(type);
              if (rows?.length) await run(RAW_RELATION(type), { rows });
            }
            const figures = batch.flatMap((d, j) => figureRows(d, (key) => idMaps[j].get(key)!));
            if (figures.length) await run(RAW_FIGURES, { figures });
            // duplicate candidates of the batch's entities, scored with the product's scorer, as the product stores them
            const named = [...new Set(idMaps.flatMap((m) => [...m.values()]))];
            const pairs = new Map<string, Doc>();
            for (const r of (await run(RAW_PAIRS, { ids: named })).records) {
              const p = r.toObject() as PairFacts & { a: string; b: string };
              const [a, b] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
              pairs.set(`${a}\n${b}`, { a, b, ...scorePair(p) });
            }
            if (pairs.size) await run(RAW_CANDIDATES, { pairs: [...pairs.values()] });
          });
          stats.transactions += 1;
        }
      } finally {
        await session.close();
      }
      return stats;
    },
  };
}
