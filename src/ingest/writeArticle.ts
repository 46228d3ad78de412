import type { ManagedTransaction } from 'neo4j-driver';
import { dateSpan, ENTITY_TYPE_NAMES, RELATION_TYPES, RELATION_TYPE_NAMES, type EntityType } from '../model';
import { canonicalJson, sha256 } from './canonicalJson';
import type { ArticleDocument, Attributes } from './document';
import { deriveEntities } from './deriveEntities';
import { CLAIM_LISTS, DERIVE_RELATION, RELATION_PATTERN } from './relationClaims';
import type { Resolution } from './resolveEntities';

export interface WriteCounts {
  entities: number;
  entitiesCreated: number;
  events: number;
  participations: number;
  relations: number;
  figures: number;
}

/** Test seam: called after each named step, inside the transaction; throwing there aborts the write. */
export type StepHook = (step: string) => void | Promise<void>;

const json = (a: Attributes | undefined): string => canonicalJson(a ?? {});

export function eventId(articleId: string, key: string): string {
  return `${articleId}#${key}`;
}

export function figureId(subjectId: string, f: ArticleDocument['figures'][number]): string {
  const identity = canonicalJson([subjectId, f.metric, f.period ?? '', f.unit ?? '', f.value, f.change ?? null]);
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
export async function forgetArticle(tx: ManagedTransaction, aid: string): Promise<Set<string>> {
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

/**
 * Writes one validated, resolved document inside the caller's transaction: first removes everything the
 * article said before (its mentions, events, claims and figure reports), then writes what it says now,
 * then re-derives and garbage-collects the entities it touched. Each step is one UNWIND over a batch.
 */
export async function writeArticle(
  tx: ManagedTransaction,
  doc: ArticleDocument,
  resolution: Resolution,
  hash: string,
  /** false when no version of the article is in the graph: then there is nothing to forget */
  replacing: boolean,
  afterStep: StepHook = () => {},
): Promise<WriteCounts> {
  const aid = doc.article.id;
  const idOf = (key: string): string => resolution.ids.get(key)!;

  // 1. Forget what this article said before.
  const touched = replacing ? await forgetArticle(tx, aid) : new Set<string>();
  await afterStep('forgotten');

  // 2. The article itself.
  const { id: _id, ...articleProps } = doc.article;
  await tx.run(
    `MERGE (a:Article {id: $aid})
     SET a = $props, a.id = $aid, a.contentHash = $hash, a.loadedAt = datetime()`,
    { aid, props: articleProps, hash },
  );

  // 3. Entities and mentions, one statement per type (the label comes from the model's allow-list).
  for (const type of ENTITY_TYPE_NAMES) {
    const rows = doc.entities
      .filter((e) => e.type === type)
      .map((e) => ({
        id: idOf(e.key),
        key: e.key,
        name: e.name,
        aliases: e.aliases ?? [],
        kind: e.kind ?? null,
        attributes: json(e.attributes),
        evidence: e.evidence ?? null,
      }));
    if (rows.length === 0) continue;
    await tx.run(
      `MATCH (a:Article {id: $aid})
       UNWIND $rows AS x
       MERGE (e:Entity {id: x.id})
         ON CREATE SET e.type = $type, e.name = x.name
       SET e:${type satisfies EntityType}
       CREATE (a)-[:MENTIONS {key: x.key, name: x.name, aliases: x.aliases, kind: x.kind,
                              attributes: x.attributes, evidence: x.evidence}]->(e)`,
      { aid, type, rows },
    );
    for (const r of rows) touched.add(r.id);
  }
  await afterStep('entities');

  // 4. Events, their locations and participants (events belong to the article that reports them).
  const events = doc.events.map((e) => {
    const span = e.date ? dateSpan(e.date)! : null;
    const endSpan = e.endDate ? dateSpan(e.endDate)! : span;
    return {
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
      participants: (e.participants ?? []).map((p) => ({ entity: idOf(p.entity), role: p.role })),
    };
  });
  if (events.length > 0) {
    await tx.run(
      `MATCH (a:Article {id: $aid})
       UNWIND $events AS x
       CREATE (ev:Event {id: x.id, type: x.type, name: x.name, date: x.date, endDate: x.endDate,
                         dateStart: date(x.dateStart), dateEnd: date(x.dateEnd), attributes: x.attributes,
                         evidence: x.evidence, article: $aid})
       CREATE (a)-[:REPORTS {evidence: x.evidence}]->(ev)
       WITH ev, x
       CALL (ev, x) {
         MATCH (place:Entity {id: x.location})
         CREATE (ev)-[:OCCURRED_AT]->(place)
       }
       WITH ev, x
       UNWIND x.participants AS p
       MATCH (e:Entity {id: p.entity})
       CREATE (e)-[:PARTICIPATED_IN {role: p.role, sourceArticles: [$aid],
                                     sourceEvidence: [coalesce(x.evidence, '')]}]->(ev)`,
      { aid, events },
    );
  }
  await afterStep('events');

  // 5. Relations: one relationship per (type, from, to[, title]), this article's claim appended.
  let relationCount = 0;
  for (const type of RELATION_TYPE_NAMES) {
    const by = RELATION_TYPES[type] as { distinguishedBy?: string };
    const rows = new Map<string, Record<string, unknown>>();
    for (const r of doc.relations.filter((x) => x.type === type)) {
      const key = by.distinguishedBy ? String(r.attributes?.[by.distinguishedBy] ?? '') : '';
      const row = { from: idOf(r.from), to: idOf(r.to), key };
      const identity = canonicalJson(row);
      if (rows.has(identity)) continue; // the same statement twice in one article is one claim
      rows.set(identity, {
        ...row,
        evidence: r.evidence ?? '',
        since: r.since ?? '',
        until: r.until ?? '',
        attributes: json(r.attributes),
      });
    }
    if (rows.size === 0) continue;
    relationCount += rows.size;
    await tx.run(
      `UNWIND $rows AS x
       MATCH (f:Entity {id: x.from}), (t:Entity {id: x.to})
       MERGE (f)-[r:${type} {key: x.key}]->(t)
       SET r.sourceArticles = coalesce(r.sourceArticles, []) + $aid,
           r.sourceEvidence = coalesce(r.sourceEvidence, []) + x.evidence,
           r.sourceSince = coalesce(r.sourceSince, []) + x.since,
           r.sourceUntil = coalesce(r.sourceUntil, []) + x.until,
           r.sourceAttributes = coalesce(r.sourceAttributes, []) + x.attributes
       ${DERIVE_RELATION}`,
      { aid, rows: [...rows.values()] },
    );
  }
  await afterStep('relations');

  // 6. Figures: identical numbers from several articles are one Figure with several reports.
  const figures = doc.figures.map((f) => ({
    id: figureId(idOf(f.subject), f),
    subject: idOf(f.subject),
    metric: f.metric,
    value: f.value,
    unit: f.unit ?? null,
    period: f.period ?? null,
    change: f.change ?? null,
    evidence: f.evidence ?? null,
  }));
  if (figures.length > 0) {
    await tx.run(
      `MATCH (a:Article {id: $aid})
       UNWIND $figures AS x
       MATCH (s:Entity {id: x.subject})
       MERGE (f:Figure {id: x.id})
         ON CREATE SET f.metric = x.metric, f.value = x.value, f.unit = x.unit, f.period = x.period,
                       f.change = x.change
       MERGE (f)-[:ABOUT]->(s)
       MERGE (a)-[rep:REPORTS]->(f)
       SET rep.evidence = x.evidence`,
      { aid, figures },
    );
  }
  await afterStep('figures');

  // 7. Re-derive the touched entities from their remaining mentions; drop those no article names any more.
  await deriveEntities(tx, [...touched]);
  await afterStep('derived');

  return {
    entities: doc.entities.length,
    entitiesCreated: resolution.created.size,
    events: events.length,
    participations: events.reduce((n, e) => n + e.participants.length, 0),
    relations: relationCount,
    figures: new Set(figures.map((f) => f.id)).size,
  };
}
