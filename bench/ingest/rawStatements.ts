/** The Cypher the raw baseline sends (and the naive writer, one row at a time). */
import type { RelationType } from '../../src/model';

/** The search keys as the product stores them (from the mention's names here: the product's are from all names). */
export const SET_SEARCH_KEYS = `SET e.searchNames = x.searchNames, e.searchShort = x.searchShort, e.searchPinyin = x.searchPinyin,
      e.searchInitials = x.searchInitials, e.searchText = x.searchText, e.searchVersion = x.searchVersion`;

export const RAW_RELATION = (type: RelationType) => `
  UNWIND $rows AS x
  MATCH (f:Entity {id: x.from}), (t:Entity {id: x.to})
  MERGE (f)-[r:${type} {key: x.key}]->(t)
  SET r.sourceArticles = coalesce(r.sourceArticles, []) + x.article,
      r.sourceEvidence = coalesce(r.sourceEvidence, []) + x.evidence,
      r.sourceSince = coalesce(r.sourceSince, []) + x.since,
      r.sourceUntil = coalesce(r.sourceUntil, []) + x.until,
      r.sourceAttributes = coalesce(r.sourceAttributes, []) + x.attributes,
      r.since = CASE WHEN x.since <> '' AND (r.since IS NULL OR x.since < r.since) THEN x.since ELSE r.since END,
      r.until = CASE WHEN x.until <> '' AND (r.until IS NULL OR x.until > r.until) THEN x.until ELSE r.until END,
      r.attributes = x.attributes,
      r.evidence = coalesce(r.evidence, []) + CASE WHEN x.evidence <> '' THEN [x.evidence] ELSE [] END`;

export const RAW_EVENTS = `
  UNWIND $events AS x
  MATCH (a:Article {id: x.article})
  CREATE (ev:Event {id: x.id, type: x.type, name: x.name, date: x.date, endDate: x.endDate,
                    dateStart: date(x.dateStart), dateEnd: date(x.dateEnd), attributes: x.attributes,
                    evidence: x.evidence, article: x.article})
  CREATE (a)-[:REPORTS {evidence: x.evidence}]->(ev)
  WITH ev, x
  CALL (ev, x) {
    MATCH (place:Entity {id: x.location})
    CREATE (ev)-[:OCCURRED_AT]->(place)
  }
  WITH ev, x
  UNWIND x.participants AS p
  MATCH (e:Entity {id: p.entity})
  CREATE (e)-[:PARTICIPATED_IN {role: p.role, sourceArticles: [x.article], sourceEvidence: [coalesce(x.evidence, '')]}]->(ev)`;

/** Events' `partOf`, once all the events of the rows exist. */
export const RAW_PART_OF = `
  UNWIND $events AS x
  WITH x WHERE x.partOf IS NOT NULL
  MATCH (ev:Event {id: x.id}), (occasion:Event {id: x.partOf})
  CREATE (ev)-[:PART_OF_EVENT]->(occasion)`;

export const RAW_FIGURES = `
  UNWIND $figures AS x
  MATCH (a:Article {id: x.article})
  MATCH (s:Entity {id: x.subject})
  MERGE (f:Figure {id: x.id})
    ON CREATE SET f.metric = x.metric, f.value = x.value, f.unit = x.unit, f.period = x.period, f.change = x.change,
                  f.qualifier = x.qualifier
  MERGE (f)-[:ABOUT]->(s)
  MERGE (a)-[rep:REPORTS]->(f)
  SET rep.evidence = x.evidence, rep.stated = x.stated`;

/** Every pair of these entities with another entity sharing a blocking key, with what the scorer reads. */
export const RAW_PAIRS = `
  UNWIND $ids AS id
  MATCH (e:Entity {id: id})<-[:BLOCKS]-(k:BlockingKey)-[:BLOCKS]->(o:Entity) WHERE o <> e
  WITH e, o, collect(k.key) AS keys
  RETURN e.id AS a, o.id AS b, keys, e.searchShort + o.searchShort AS shorts,
         any(x IN e.searchNames WHERE x IN o.searchNames) AS sameName,
         EXISTS { (e)-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(o) } AS sharedEvent,
         EXISTS { (e)-[p:HOLDS_POSITION]->()<-[q:HOLDS_POSITION]-(o) WHERE p.key = q.key } AS sharedPosition`;

export const RAW_CANDIDATES = `
  UNWIND $pairs AS p
  MATCH (a:Entity {id: p.a}), (b:Entity {id: p.b})
  MERGE (a)-[d:DUPLICATE_CANDIDATE]->(b)
  SET d.type = a.type, d.score = p.score, d.reasons = p.reasons`;
