import { setImmediate as nextTurn } from 'node:timers/promises';
import type { WriteTx } from '../graph';
import { dateSpan, ENTITY_TYPE_NAMES, GRAPH_RELATIONSHIPS, RELATION_TYPES, RELATION_TYPE_NAMES, type EntityType, type RelationType } from '../model';
import { canonicalJson, sha256 } from './canonicalJson';
import type { ArticleDocument, Attributes } from './document';
import { CLAIM_LISTS, DERIVE_RELATION, RELATION_PATTERN } from './relationClaims';
import { type DerivationRow, type Derivations, derivationsOf, derivationsParameter, derivationsWith, type Mention, READ_DERIVATIONS, WRITE_DERIVATIONS_OF } from './deriveEntities';
import { planOnce } from './planOnce';
import type { Resolution } from './resolveEntities';

export interface WriteCounts {
  entities: number;
  entitiesCreated: number;
  events: number;
  participations: number;
  relations: number;
  figures: number;
}

/**
 * Test seam: called after each named step (`forgotten`, `entities`, `events`, `relations`, `figures`,
 * `derived`), inside the transaction, with the ids of the articles being written; throwing there aborts
 * the write. The write steps are one statement (`writeFacts`, or a few for a long run): their hooks are called
 * after it, in order.
 */
export type StepHook = (step: string, articles: string[]) => void | Promise<void>;

const json = (a: Attributes | undefined): string => canonicalJson(a ?? {});

export function eventId(articleId: string, key: string): string {
  return `${articleId}#${key}`;
}

/** A hedged number is another figure than the exact one; an unhedged figure's id is what it always was. */
export function figureId(subjectId: string, f: ArticleDocument['figures'][number]): string {
  const exact = [subjectId, f.metric, f.period ?? '', f.unit ?? '', f.value, f.change ?? null];
  const identity = canonicalJson(f.qualifier ? [...exact, f.qualifier] : exact);
  return `figure:${sha256(identity).slice(0, 24)}`;
}

export function contentHash(doc: ArticleDocument): string {
  return sha256(canonicalJson(doc));
}

/**
 * Removes what an article said, inside the caller's transaction: its mentions, its claims on relations (a
 * relation with no claim left goes), its events (with their participations), and its figure reports (a
 * figure nobody else reports goes). Returns the ids of the entities it mentioned: the caller re-derives
 * them (`deriveEntities`), which also deletes those no article mentions any more. Loading and deleting
 * an article both start here, so they cannot disagree about what an article supported.
 */
export async function forgetArticle(tx: WriteTx, aid: string): Promise<Set<string>> {
  const old = await tx.run(
    `OPTIONAL MATCH (a:Article {id: $aid})-[m:MENTIONS]->(e:Entity)
     WITH collect(DISTINCT e.id) AS touched, collect(m) AS mentions
     FOREACH (m IN mentions | DELETE m)
     RETURN touched`,
    { aid },
  );
  const touched = new Set<string>(old.records[0].get('touched'));
  await tx.run(
    `UNWIND $ids AS id
     MATCH (:Entity {id: id})-[r:${RELATION_PATTERN}]->(:Entity)
     WHERE $aid IN r.sourceArticles
     WITH DISTINCT r, [i IN range(0, size(r.sourceArticles) - 1) WHERE r.sourceArticles[i] <> $aid] AS keep
     SET ${CLAIM_LISTS.map((l) => `r.${l} = [i IN keep | r.${l}[i]]`).join(', ')}
     WITH r, size(keep) AS remaining
     FOREACH (_ IN CASE WHEN remaining = 0 THEN [1] ELSE [] END | DELETE r)
     WITH r, remaining WHERE remaining > 0 ${DERIVE_RELATION}`,
    { aid, ids: [...touched] },
  );
  await tx.run(
    `OPTIONAL MATCH (:Article {id: $aid})-[:REPORTS]->(ev:Event)
     DETACH DELETE ev`,
    { aid },
  );
  await tx.run(
    `OPTIONAL MATCH (:Article {id: $aid})-[r:REPORTS]->(f:Figure)
     DELETE r
     WITH DISTINCT f WHERE f IS NOT NULL AND NOT (f)<-[:REPORTS]-()
     DETACH DELETE f`,
    { aid },
  );
  return touched;
}

/** A validated, resolved document about to be written. */
export interface ResolvedDocument {
  doc: ArticleDocument;
  resolution: Resolution;
  hash: string;
}

const ENTITY_LABELS = ENTITY_TYPE_NAMES.map(
  (type) => `FOREACH (_ IN CASE WHEN x.type = '${type}' THEN [1] ELSE [] END | SET e:${type satisfies EntityType})`,
).join('\n    ');

const RELATION_STEP = (type: RelationType, i: number) => `
  CALL () {
    UNWIND $facts.relations.${type} AS x
    MATCH (f:Entity {id: x.from}), (t:Entity {id: x.to})
    USING INDEX SEEK f:Entity(id) USING INDEX SEEK t:Entity(id)
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
 * Everything the documents say, in one statement (one subquery per step, each an UNWIND over the rows of
 * all the documents in document order, which `writeFacts` splits for a long run; labels and relationship
 * types come from the model's allow-list):
 * the articles, entities (created with the first name they are given; derivation sets the rest) and
 * mentions, events with their locations and participants, relations (one relationship per type, ends and
 * key; each article's claim appended, then each relationship's claims put in article-id order and its
 * properties derived, once), and figures (identical numbers from several articles are one Figure with
 * several reports). Then the derivations known in advance (`derived`: `writeFacts`) are written, and last,
 * it locks and reads what derivation needs (`READ_DERIVATIONS`) of the entities in `derive` and of the
 * "surprises": entities in `expectNew` (to be created by these documents) that another article already
 * mentions, because a concurrent load created them after the identity lookup. The text is the same
 * whatever the documents hold (absent kinds of fact are empty lists) and its one parameter is a map, so
 * Neo4j plans it once (it keys its plan cache on parameter types and on size buckets of top-level lists;
 * planning this statement takes most of a second), and never again (`planOnce`).
 */
export const WRITE_FACTS = `
  CALL () {
    UNWIND $facts.articles AS x
    MERGE (a:Article {id: x.id})
    SET a = x.props, a.id = x.id, a.contentHash = x.hash, a.loadedAt = datetime()
  }
  CALL () {
    UNWIND $facts.entities AS x
    MATCH (a:Article {id: x.article}) USING INDEX SEEK a:Article(id)
    MERGE (e:Entity {id: x.id})
      ON CREATE SET e.type = x.type, e.name = x.name
    ${ENTITY_LABELS}
    CREATE (a)-[:MENTIONS {key: x.key, name: x.name, aliases: x.aliases, kind: x.kind,
                           attributes: x.attributes, evidence: x.evidence}]->(e)
  }
  CALL () {
    UNWIND $facts.events AS x
    MATCH (a:Article {id: x.article}) USING INDEX SEEK a:Article(id)
    CREATE (ev:Event {id: x.id, type: x.type, name: x.name, date: x.date, endDate: x.endDate,
                      dateStart: date(x.dateStart), dateEnd: date(x.dateEnd), attributes: x.attributes,
                      evidence: x.evidence, article: x.article})
    CREATE (a)-[:REPORTS {evidence: x.evidence}]->(ev)
    WITH ev, x
    CALL (ev, x) {
      MATCH (place:Entity {id: x.location}) USING INDEX SEEK place:Entity(id)
      CREATE (ev)-[:OCCURRED_AT]->(place)
    }
    WITH ev, x
    UNWIND x.participants AS p
    MATCH (e:Entity {id: p.entity}) USING INDEX SEEK e:Entity(id)
    CREATE (e)-[:PARTICIPATED_IN {role: p.role, sourceArticles: [x.article],
                                  sourceEvidence: [coalesce(x.evidence, '')]}]->(ev)
  }
  CALL () {
    UNWIND $facts.events AS x
    WITH x WHERE x.partOf IS NOT NULL
    MATCH (ev:Event {id: x.id}), (occasion:Event {id: x.partOf})
    USING INDEX SEEK ev:Event(id) USING INDEX SEEK occasion:Event(id)
    CREATE (ev)-[:${GRAPH_RELATIONSHIPS.PART_OF_EVENT}]->(occasion)
  }
  ${RELATION_TYPE_NAMES.map(RELATION_STEP).join('')}
  CALL (${CLAIMED.join(', ')}) {
    UNWIND ${CLAIMED.join(' + ')} AS r
    ${DERIVE_RELATION}
  }
  CALL () {
    UNWIND $facts.figures AS x
    MATCH (a:Article {id: x.article}) USING INDEX SEEK a:Article(id)
    MATCH (s:Entity {id: x.subject}) USING INDEX SEEK s:Entity(id)
    MERGE (f:Figure {id: x.id})
      ON CREATE SET f.metric = x.metric, f.value = x.value, f.unit = x.unit, f.period = x.period,
                    f.change = x.change, f.qualifier = x.qualifier
    MERGE (f)-[:ABOUT]->(s)
    MERGE (a)-[rep:REPORTS]->(f)
    SET rep.evidence = x.evidence, rep.stated = x.stated
  }
  CALL () {
    UNWIND $facts.expectNew AS id
    MATCH (e:Entity {id: id}) USING INDEX SEEK e:Entity(id)
    WHERE EXISTS { (a:Article)-[:MENTIONS]->(e) WHERE NOT a.id IN $facts.articleIds }
    RETURN collect(id) AS surprises
  }
  ${WRITE_DERIVATIONS_OF('$facts.derived')}
  ${READ_DERIVATIONS('COLLECT { UNWIND $facts.derive + surprises AS id RETURN DISTINCT id ORDER BY id }', 'surprises')}
  RETURN derivations`;

/**
 * How many documents' facts one `WRITE_FACTS` statement carries. A longer run is sent as several statements,
 * each sent as soon as its rows are built and not awaited: Neo4j writes one while Node builds and packs the
 * next, instead of waiting for the whole run's (packing the parameters was 40% of Node's time in a CPU profile
 * of 100-document batches, and Neo4j sat idle meanwhile). Each statement costs Neo4j about a millisecond
 * whatever it holds, so they are not made smaller than this.
 */
export const DOCUMENTS_PER_STATEMENT = 20;

/** The rows of `WRITE_FACTS` for some documents, before the derivations. */
interface FactRows {
  articles: unknown[];
  entities: unknown[];
  events: unknown[];
  relations: Record<RelationType, unknown[]>;
  figures: unknown[];
}

const noFacts = (): FactRows => ({
  articles: [],
  entities: [],
  events: [],
  relations: Object.fromEntries(RELATION_TYPE_NAMES.map((t) => [t, []])) as unknown as Record<RelationType, unknown[]>,
  figures: [],
});

const noDerivations = derivationsParameter({ derived: [], orphans: [], groups: [] });

/**
 * Writes what validated, resolved documents say, inside the caller's transaction (`WRITE_FACTS`: one
 * statement per `DOCUMENTS_PER_STATEMENT` documents, the derivations with the last), and returns each
 * document's counts and the derivations still to write (the caller writes them: `writeDerivations`). The
 * articles must have nothing to forget: new, or forgotten first (`forgetArticle`).
 *
 * - With `read` (new articles: what the identity lookup read, after locking them, of the existing entities
 *   the documents could name), the derivation of every entity the documents mention is known before the
 *   write: what `read` says plus the documents' mentions (`derivationsWith`; an entity created here has only
 *   those). The statement writes it, so nothing is usually left to write: one statement fewer per
 *   transaction. What is returned is the correction for surprises (see `WRITE_FACTS`), and the derivation
 *   of any mentioned entity `read` lacks.
 * - Without it (a replaced article: forgetting changed the entities' mentions), the statement reads the
 *   mentioned entities and `alsoDerive` after the write, and all their derivations are returned.
 */
export async function writeFacts(
  tx: WriteTx,
  items: ResolvedDocument[],
  { alsoDerive = [], read }: { alsoDerive?: Iterable<string>; read?: Map<string, DerivationRow> } = {},
): Promise<{ counts: WriteCounts[]; derivations: Derivations }> {
  const touched = new Set<string>(alsoDerive);
  /** what each mentioned entity is said to be, by these documents */
  const mentioned = new Map<string, { type: EntityType; mentions: Mention[] }>();
  const created = new Set<string>();
  const counts: WriteCounts[] = [];
  const articleIds = items.map(({ doc }) => doc.article.id);
  const statement = planOnce(WRITE_FACTS);
  const sent: Array<ReturnType<WriteTx['run']>> = [];
  let rows = noFacts();

  for (const [k, item] of items.entries()) {
    counts.push(addFacts(rows, item, { touched, mentioned, created }));
    if ((k + 1) % DOCUMENTS_PER_STATEMENT === 0 && k + 1 < items.length) {
      sent.push(tx.run(statement, { facts: { ...rows, derived: noDerivations, expectNew: [], articleIds, derive: [] } }));
      rows = noFacts();
      // the driver packs and sends a statement a few promise turns after `run`: let it, before building on
      await nextTurn();
    }
  }

  let known: Derivations = { derived: [], orphans: [], groups: [] };
  if (read) {
    const knowable = new Map([...mentioned].filter(([id]) => read.has(id) || created.has(id)));
    known = derivationsWith(read, knowable);
    for (const id of knowable.keys()) touched.delete(id);
  }
  const facts = {
    ...rows,
    derived: derivationsParameter(known),
    expectNew: read ? [...created] : [],
    articleIds,
    derive: [...touched].sort(),
  };
  sent.push(tx.run(statement, { facts }));
  // all of them awaited, so that a failure of any is the one thrown, and none is left unhandled
  const results = await Promise.all(sent);
  return { counts, derivations: derivationsOf(results[results.length - 1].records[0].get('derivations')) };
}

/** Adds one document's rows to `rows`, notes what it mentions and creates, and returns its counts. */
function addFacts(
  rows: FactRows,
  { doc, resolution, hash }: ResolvedDocument,
  noted: { touched: Set<string>; mentioned: Map<string, { type: EntityType; mentions: Mention[] }>; created: Set<string> },
): WriteCounts {
  const { touched, mentioned, created } = noted;
  const aid = doc.article.id;
  const idOf = (key: string): string => resolution.ids.get(key)!;
  const { id: _id, ...props } = doc.article;
  rows.articles.push({ id: aid, props, hash });

  for (const id of resolution.created) created.add(id);
  for (const e of doc.entities) {
    const id = idOf(e.key);
    touched.add(id);
    const mention = { article: aid, name: e.name, aliases: e.aliases ?? [], kind: e.kind ?? null, attributes: json(e.attributes) };
    const said = mentioned.get(id) ?? { type: e.type, mentions: [] };
    said.mentions.push(mention);
    mentioned.set(id, said);
    rows.entities.push({ ...mention, id, type: e.type, key: e.key, evidence: e.evidence ?? null });
  }

  const docEvents = doc.events.map((e) => {
    const span = e.date ? dateSpan(e.date)! : null;
    const endSpan = e.endDate ? dateSpan(e.endDate)! : span;
    return {
      article: aid,
      id: eventId(aid, e.key),
      type: e.type,
      name: e.name,
      date: e.date ?? null,
      endDate: e.endDate ?? null,
      dateStart: span?.first ?? null,
      dateEnd: endSpan?.last ?? null,
      attributes: json(e.attributes),
      evidence: e.evidence ?? null,
      location: e.location ? idOf(e.location) : null,
      partOf: e.partOf ? eventId(aid, e.partOf) : null,
      participants: (e.participants ?? []).map((p) => ({ entity: idOf(p.entity), role: p.role })),
    };
  });
  rows.events.push(...docEvents);

  // one relationship per (type, from, to[, title]); the same statement twice in one article is one claim
  let relationCount = 0;
  for (const type of RELATION_TYPE_NAMES) {
    const by = RELATION_TYPES[type] as { distinguishedBy?: string };
    const seen = new Set<string>();
    for (const r of doc.relations.filter((x) => x.type === type)) {
      const key = by.distinguishedBy ? String(r.attributes?.[by.distinguishedBy] ?? '') : '';
      const row = { from: idOf(r.from), to: idOf(r.to), key };
      const identity = canonicalJson(row);
      if (seen.has(identity)) continue;
      seen.add(identity);
      rows.relations[type].push({
        ...row,
        article: aid,
        evidence: r.evidence ?? '',
        since: r.since ?? '',
        until: r.until ?? '',
        attributes: json(r.attributes),
      });
    }
    relationCount += seen.size;
  }

  const docFigures = doc.figures.map((f) => ({
    article: aid,
    id: figureId(idOf(f.subject), f),
    subject: idOf(f.subject),
    metric: f.metric,
    value: f.value,
    unit: f.unit ?? null,
    period: f.period ?? null,
    change: f.change ?? null,
    qualifier: f.qualifier ?? null,
    stated: f.stated ?? null,
    evidence: f.evidence ?? null,
  }));
  rows.figures.push(...docFigures);

  return {
    entities: doc.entities.length,
    entitiesCreated: resolution.created.size,
    events: docEvents.length,
    participations: docEvents.reduce((n, e) => n + e.participants.length, 0),
    relations: relationCount,
    figures: new Set(docFigures.map((f) => f.id)).size,
  };
}
