import { dateSpan, RELATION_TYPES, RELATION_TYPE_NAMES, type EntityType, type RelationType } from '../model';
import { canonicalJson, sha256 } from './canonicalJson';
import type { Resolution } from './decideIdentities';
import type { Mention } from './deriveEntities';
import type { ArticleDocument, Attributes } from './document';
import { storedFacts } from './storedDocuments';
import type { FactRows } from './writeFactsStatement';

/** What one document wrote, as its report counts it. */
export interface WriteCounts {
  entities: number;
  entitiesCreated: number;
  events: number;
  participations: number;
  relations: number;
  figures: number;
}

/** A validated, resolved document about to be written. */
export interface ResolvedDocument {
  doc: ArticleDocument;
  resolution: Resolution;
  hash: string;
  /** the entities it created when it was resolved (`resolution.created` may have lost some to later absorptions) */
  entitiesCreated?: number;
}

const json = (a: Attributes | undefined): string => canonicalJson(a ?? {});

/** An event's id: events belong to the article that reports them. */
export function eventId(articleId: string, key: string): string {
  return `${articleId}#${key}`;
}

/**
 * A figure's id: the same number about the same subject, from any article, is one Figure. A hedged number is
 * another figure than the exact one; an unhedged figure's id is what it always was.
 */
export function figureId(subjectId: string, f: ArticleDocument['figures'][number]): string {
  const exact = [subjectId, f.metric, f.period ?? '', f.unit ?? '', f.value, f.change ?? null];
  const identity = canonicalJson(f.qualifier ? [...exact, f.qualifier] : exact);
  return `figure:${sha256(identity).slice(0, 24)}`;
}

/** Empty rows. */
export const noFacts = (): FactRows => ({
  articles: [],
  entities: [],
  events: [],
  relations: Object.fromEntries(RELATION_TYPE_NAMES.map((t) => [t, []])) as unknown as Record<RelationType, FactRows['relations'][RelationType]>,
  figures: [],
});

/** Adds one document's rows to `rows`, notes what it mentions and creates, and returns its counts. */
export function addFacts(
  rows: FactRows,
  { doc, resolution, hash, entitiesCreated }: ResolvedDocument,
  noted: { touched: Set<string>; mentioned: Map<string, { type: EntityType; nameOnly: boolean; mentions: Mention[] }>; created: Set<string> },
): WriteCounts {
  const { touched, mentioned, created } = noted;
  const aid = doc.article.id;
  const idOf = (key: string): string => resolution.ids.get(key)!;
  const { id: _id, ...props } = doc.article;
  rows.articles.push({ id: aid, props, hash, facts: storedFacts(doc) });

  for (const id of resolution.created) created.add(id);
  for (const e of doc.entities) {
    const id = idOf(e.key);
    touched.add(id);
    const mention = { article: aid, name: e.name, aliases: e.aliases ?? [], kind: e.kind ?? null, attributes: json(e.attributes) };
    const said = mentioned.get(id) ?? { type: e.type, nameOnly: resolution.byName.has(id), mentions: [] };
    said.mentions.push(mention);
    mentioned.set(id, said);
    rows.entities.push({ ...mention, id, type: e.type, key: e.key, evidence: e.evidence ?? null, byName: e.id === undefined && !resolution.forced.has(e.key) });
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
      participants: onePerRole((e.participants ?? []).map((p) => ({ entity: idOf(p.entity), role: p.role }))),
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
      // two keys a merge made one entity: their relation would be a self-relation, which a merge drops too
      if (seen.has(identity) || row.from === row.to) continue;
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
    entitiesCreated: entitiesCreated ?? resolution.created.size,
    events: docEvents.length,
    participations: docEvents.reduce((n, e) => n + e.participants.length, 0),
    relations: relationCount,
    figures: new Set(docFigures.map((f) => f.id)).size,
  };
}

/** An event's participants, each entity once per role (two keys a merge made one entity name it once, as a merge keeps it). */
function onePerRole(participants: Array<{ entity: string; role: string }>): Array<{ entity: string; role: string }> {
  const seen = new Set<string>();
  return participants.filter((p) => {
    const id = canonicalJson([p.entity, p.role]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
