import { ENTITY_TYPE_NAMES, GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R, RELATION_TYPE_NAMES, type EntityType, type RelationType } from '../model';
import { type DerivationsParameter, READ_DERIVATIONS, WRITE_DERIVATIONS_OF } from './derivationStatements';
import { DERIVE_RELATION } from './relationClaims';

/**
 * One article: its properties (the document's `article` without `id`), content hash, and the rest of the document
 * (`facts`: `storedFacts`), kept so that the graph can re-derive what the article says (undoing a judgement).
 */
export interface ArticleRow {
  id: string;
  props: Record<string, unknown>;
  hash: string;
  facts: string;
}

/** One mention: an entity as one article names it (the MENTIONS relationship's properties, and the entity). */
export interface EntityRow {
  article: string;
  /** the graph entity id it resolved to */
  id: string;
  type: EntityType;
  /** the document's key for it */
  key: string;
  name: string;
  aliases: string[];
  kind: string | null;
  /** canonical JSON of the attributes */
  attributes: string;
  evidence: string | null;
  /** the mention gives no `id`: an entity it creates is name-only (`nameOnly`); one that gives an id ends that */
  byName: boolean;
}

/** One event (scoped to its article: `eventId`), with its location and participants as graph entity ids. */
export interface EventRow {
  article: string;
  id: string;
  type: string;
  name: string;
  date: string | null;
  endDate: string | null;
  /** ISO dates: first day of `date`, last day of `endDate` (or of `date`) */
  dateStart: string | null;
  dateEnd: string | null;
  attributes: string;
  evidence: string | null;
  location: string | null;
  /** the id of the event of the same article this one took place during (`PART_OF_EVENT`) */
  partOf: string | null;
  participants: Array<{ entity: string; role: string }>;
}

/** One article's claim on one relation (type from the list it is in; `key`: its `distinguishedBy` value or ''). */
export interface RelationRow {
  from: string;
  to: string;
  key: string;
  article: string;
  /** '' when absent: the claim lists stay aligned */
  evidence: string;
  since: string;
  until: string;
  attributes: string;
}

/** One article's report of one figure (`figureId`: identical numbers are one Figure). */
export interface FigureRow {
  article: string;
  id: string;
  subject: string;
  metric: string;
  value: number;
  unit: string | null;
  period: string | null;
  change: number | null;
  /** how the article hedges the number (part of the figure's identity), null when stated as exact */
  qualifier: string | null;
  /** the number as the article writes it (`近2亿元`), on the report */
  stated: string | null;
  evidence: string | null;
}

/** The rows of `WRITE_FACTS` for some documents, before the derivations, each list in document order. */
export interface FactRows {
  articles: ArticleRow[];
  entities: EntityRow[];
  events: EventRow[];
  relations: Record<RelationType, RelationRow[]>;
  figures: FigureRow[];
}

/** The map parameter `facts` of `WRITE_FACTS`. */
export interface WriteFactsParameters extends FactRows {
  /** derivations known before the write (written after the facts) */
  derived: DerivationsParameter;
  /** ids these documents create: one another article mentions already is a "surprise", read at the end */
  expectNew: string[];
  /** the ids of all the articles of the run (a mention by one of them is no surprise) */
  articleIds: string[];
  /** entities to lock and read for derivation at the end (sorted) */
  derive: string[];
}

const ENTITY_LABELS = ENTITY_TYPE_NAMES.map(
  (type) => `FOREACH (_ IN CASE WHEN x.type = '${type}' THEN [1] ELSE [] END | SET e:${type})`,
).join('\n    ');

const RELATION_STEP = (type: RelationType, i: number) => `
  CALL () {
    UNWIND $facts.relations.${type} AS x
    MATCH (f:${L.Entity} {id: x.from}), (t:${L.Entity} {id: x.to})
    USING INDEX SEEK f:${L.Entity}(id) USING INDEX SEEK t:${L.Entity}(id)
    MERGE (f)-[r:${type} {key: x.key}]->(t)
    SET r.sourceArticles = coalesce(r.sourceArticles, []) + x.article,
        r.sourceEvidence = coalesce(r.sourceEvidence, []) + x.evidence,
        r.sourceSince = coalesce(r.sourceSince, []) + x.since,
        r.sourceUntil = coalesce(r.sourceUntil, []) + x.until,
        r.sourceAttributes = coalesce(r.sourceAttributes, []) + x.attributes
    RETURN collect(DISTINCT r) AS claimed${i}
  }`;
const CLAIMED = RELATION_TYPE_NAMES.map((_, i) => `claimed${i}`);

/**
 * Everything the documents say, in one statement, parameter `facts: WriteFactsParameters` (one subquery per
 * step, each an UNWIND over the rows of all the documents in document order; labels and relationship types
 * from the model):
 * the articles, entities (created with the first name they are given; derivation sets the rest) and
 * mentions, events with their locations, participants and the events they were part of, relations (one relationship per type, ends and
 * key; each article's claim appended, then each relationship's claims put in article-id order and its
 * properties derived, once: `DERIVE_RELATION`), and figures (identical numbers from several articles are one
 * Figure with several reports). Then the derivations known in advance (`derived`) are written
 * (`WRITE_DERIVATIONS_OF`), and last, it locks and reads what derivation needs (`READ_DERIVATIONS`) of the
 * entities in `derive` and of the "surprises": entities in `expectNew` that another article already
 * mentions, because a concurrent load created them after the identity lookup. Returns `derivations`.
 *
 * The text is the same whatever the documents hold (absent kinds of fact are empty lists) and its one
 * parameter is a map, so Neo4j plans it once (it keys its plan cache on parameter types and on size buckets
 * of top-level lists; planning this statement takes most of a second), and never again (`planOnce`).
 */
export const WRITE_FACTS = `
  CALL () {
    UNWIND $facts.articles AS x
    MERGE (a:${L.Article} {id: x.id})
    SET a = x.props, a.id = x.id, a.contentHash = x.hash, a.facts = x.facts, a.loadedAt = datetime()
  }
  CALL () {
    UNWIND $facts.entities AS x
    MATCH (a:${L.Article} {id: x.article}) USING INDEX SEEK a:${L.Article}(id)
    MERGE (e:${L.Entity} {id: x.id})
      ON CREATE SET e.type = x.type, e.name = x.name, e.nameOnly = CASE WHEN x.byName THEN true END
    FOREACH (_ IN CASE WHEN x.byName THEN [] ELSE [1] END | REMOVE e.nameOnly)
    ${ENTITY_LABELS}
    CREATE (a)-[:${R.MENTIONS} {key: x.key, name: x.name, aliases: x.aliases, kind: x.kind,
                           attributes: x.attributes, evidence: x.evidence}]->(e)
  }
  CALL () {
    UNWIND $facts.events AS x
    MATCH (a:${L.Article} {id: x.article}) USING INDEX SEEK a:${L.Article}(id)
    CREATE (ev:${L.Event} {id: x.id, type: x.type, name: x.name, date: x.date, endDate: x.endDate,
                      dateStart: date(x.dateStart), dateEnd: date(x.dateEnd), attributes: x.attributes,
                      evidence: x.evidence, article: x.article})
    CREATE (a)-[:${R.REPORTS} {evidence: x.evidence}]->(ev)
    WITH ev, x
    CALL (ev, x) {
      MATCH (place:${L.Entity} {id: x.location}) USING INDEX SEEK place:${L.Entity}(id)
      CREATE (ev)-[:${R.OCCURRED_AT}]->(place)
    }
    WITH ev, x
    UNWIND x.participants AS p
    MATCH (e:${L.Entity} {id: p.entity}) USING INDEX SEEK e:${L.Entity}(id)
    CREATE (e)-[:${R.PARTICIPATED_IN} {role: p.role, sourceArticles: [x.article],
                                  sourceEvidence: [coalesce(x.evidence, '')]}]->(ev)
  }
  CALL () {
    UNWIND $facts.events AS x
    WITH x WHERE x.partOf IS NOT NULL
    MATCH (ev:${L.Event} {id: x.id}), (occasion:${L.Event} {id: x.partOf})
    USING INDEX SEEK ev:${L.Event}(id) USING INDEX SEEK occasion:${L.Event}(id)
    CREATE (ev)-[:${R.PART_OF_EVENT}]->(occasion)
  }
  ${RELATION_TYPE_NAMES.map(RELATION_STEP).join('')}
  CALL (${CLAIMED.join(', ')}) {
    UNWIND ${CLAIMED.join(' + ')} AS r
    ${DERIVE_RELATION}
  }
  CALL () {
    UNWIND $facts.figures AS x
    MATCH (a:${L.Article} {id: x.article}) USING INDEX SEEK a:${L.Article}(id)
    MATCH (s:${L.Entity} {id: x.subject}) USING INDEX SEEK s:${L.Entity}(id)
    MERGE (f:${L.Figure} {id: x.id})
      ON CREATE SET f.metric = x.metric, f.value = x.value, f.unit = x.unit, f.period = x.period,
                    f.change = x.change, f.qualifier = x.qualifier
    MERGE (f)-[:${R.ABOUT}]->(s)
    MERGE (a)-[rep:${R.REPORTS}]->(f)
    SET rep.evidence = x.evidence, rep.stated = x.stated
  }
  CALL () {
    UNWIND $facts.expectNew AS id
    MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
    WHERE EXISTS { (a:${L.Article})-[:${R.MENTIONS}]->(e) WHERE NOT a.id IN $facts.articleIds }
    RETURN collect(id) AS surprises
  }
  ${WRITE_DERIVATIONS_OF('$facts.derived')}
  ${READ_DERIVATIONS('COLLECT { UNWIND $facts.derive + surprises AS id RETURN DISTINCT id ORDER BY id }', 'surprises')}
  RETURN derivations`;
