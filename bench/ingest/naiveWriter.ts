import neo4j from 'neo4j-driver';
import { generatedEntityId } from '../../src/ingest/nameKeys';
import { storedFacts } from '../../src/ingest/storedDocuments';
import { RAW_FIGURES, RAW_RELATION, SET_SEARCH_KEYS } from './rawStatements';
import { eventRows, figureRows, prepareEntities, relationRows } from './writerRows';
import type { IngestWriter, WriterStats } from './writers';

type Doc = Record<string, any>;

/** One auto-commit statement per fact. */
export const naiveWriter: IngestWriter = {
  name: 'naive',
  async write(driver, docs) {
    const stats: WriterStats = { statements: 0, transactions: 0, rejected: 0 };
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    const run = async (cypher: string, params: Record<string, unknown>) => {
      stats.statements += 1;
      stats.transactions += 1;
      return session.run(cypher, params);
    };
    try {
      for (const doc of docs) {
        const aid = doc.article.id;
        const { id: _id, ...props } = doc.article;
        await run('MERGE (a:Article {id: $id}) SET a += $props, a.loadedAt = datetime()', { id: aid, props: { ...props, facts: storedFacts(doc as never) } });
        const idOf = new Map<string, string>();
        for (const e of prepareEntities([doc])) {
          let id = e.explicitId;
          if (id === undefined) {
            for (const key of e.nameKeys) {
              const r = await run('MATCH (:NameKey {key: $key})-[:IDENTIFIES]->(e:Entity) RETURN e.id AS id', { key });
              if (r.records.length) {
                id = r.records[0].get('id');
                break;
              }
            }
          }
          id ??= generatedEntityId(e.type, e.name);
          idOf.set(e.key, id);
          await run(
            `MERGE (e:Entity {id: $id})
               ON CREATE SET e.type = $type, e.name = $name, e.aliases = [], e.kind = $kind, e.attributes = $attributes
             SET e:${e.type}
             WITH e, [n IN $names WHERE n <> e.name AND NOT n IN e.aliases] AS more
             SET e.aliases = e.aliases + more,
                 e.aliasText = reduce(s = '', n IN e.aliases + more | CASE s WHEN '' THEN n ELSE s + '\n' + n END)`,
            { id, type: e.type, name: e.name, names: [e.name, ...e.aliases], kind: e.kind, attributes: e.attributes },
          );
          await run(
            `MATCH (a:Article {id: $aid}), (e:Entity {id: $id})
             CREATE (a)-[:MENTIONS {key: $key, name: $name, aliases: $aliases, kind: $kind, attributes: $attributes, evidence: $evidence}]->(e)`,
            { aid, id, key: e.key, name: e.name, aliases: e.aliases, kind: e.kind, attributes: e.attributes, evidence: e.evidence },
          );
          for (const key of e.nameKeys) {
            await run('MATCH (e:Entity {id: $id}) MERGE (k:NameKey {key: $key}) MERGE (k)-[:IDENTIFIES]->(e)', { id, key });
          }
          await run(`MATCH (e:Entity {id: $id}) WITH e, $x AS x ${SET_SEARCH_KEYS}`, { id, x: e.search });
          for (const key of e.search.blockingKeys) {
            await run('MATCH (e:Entity {id: $id}) MERGE (b:BlockingKey {key: $key}) MERGE (b)-[:BLOCKS]->(e)', { id, key });
          }
        }
        const docEvents = eventRows(doc, (k) => idOf.get(k)!);
        for (const ev of docEvents) {
          await run(
            `MATCH (a:Article {id: $aid})
             CREATE (ev:Event {id: $x.id, type: $x.type, name: $x.name, date: $x.date, endDate: $x.endDate,
                               dateStart: date($x.dateStart), dateEnd: date($x.dateEnd), attributes: $x.attributes,
                               evidence: $x.evidence, article: $aid})
             CREATE (a)-[:REPORTS {evidence: $x.evidence}]->(ev)`,
            { aid, x: { ...ev, participants: null } },
          );
          if (ev.location) await run('MATCH (ev:Event {id: $ev}), (p:Entity {id: $p}) CREATE (ev)-[:OCCURRED_AT]->(p)', { ev: ev.id, p: ev.location });
          for (const p of ev.participants as Doc[]) {
            await run(
              `MATCH (e:Entity {id: $e}), (ev:Event {id: $ev})
               CREATE (e)-[:PARTICIPATED_IN {role: $role, sourceArticles: [$aid], sourceEvidence: [coalesce($evidence, '')]}]->(ev)`,
              { e: p.entity, ev: ev.id, role: p.role, aid, evidence: ev.evidence },
            );
          }
        }
        for (const ev of docEvents.filter((e) => e.partOf !== null)) {
          await run('MATCH (ev:Event {id: $ev}), (o:Event {id: $o}) CREATE (ev)-[:PART_OF_EVENT]->(o)', { ev: ev.id, o: ev.partOf });
        }
        for (const [type, rows] of relationRows(doc, (k) => idOf.get(k)!)) {
          for (const row of rows) await run(RAW_RELATION(type), { rows: [row] });
        }
        for (const f of figureRows(doc, (k) => idOf.get(k)!)) await run(RAW_FIGURES, { figures: [f] });
      }
    } finally {
      await session.close();
    }
    return stats;
  },
};
