/**
 * What the raw and naive writers send, prepared from the documents as the product would store them: entities with
 * their name keys and search keys, identity by the spec's rules, and the rows of events, relations and figures.
 */
import { generatedEntityId, nameKeysOf } from '../../src/ingest/nameKeys';
import { searchKeysOf, type SearchKeys } from '../../src/search';
import { canonicalJson } from '../../src/ingest/canonicalJson';
import { figureId } from '../../src/ingest/factRows';
import { dateSpan, RELATION_TYPES, type EntityType, type RelationType } from '../../src/model';

type Doc = Record<string, any>;

export interface PreparedEntity {
  docIndex: number;
  type: EntityType;
  key: string;
  name: string;
  aliases: string[];
  kind: string | null;
  attributes: string;
  evidence: string | null;
  explicitId?: string;
  nameKeys: string[];
  /** what search and the duplicate candidates read (the product derives them from all of an entity's names) */
  search: SearchKeys;
}

export function prepareEntities(docs: Doc[]): PreparedEntity[] {
  return docs.flatMap((d, docIndex) =>
    (d.entities as Doc[]).map((e) => ({
      docIndex,
      type: e.type as EntityType,
      key: e.key as string,
      name: e.name as string,
      aliases: (e.aliases as string[] | undefined) ?? [],
      kind: (e.kind as string | undefined) ?? null,
      attributes: canonicalJson(e.attributes ?? {}),
      evidence: (e.evidence as string | undefined) ?? null,
      explicitId: e.id as string | undefined,
      nameKeys: nameKeysOf({ type: e.type, name: e.name, aliases: e.aliases }),
      search: searchKeysOf(e.type, [e.name, ...((e.aliases as string[] | undefined) ?? [])]),
    })),
  );
}

/** Identity, as the spec rules it (explicit id, else an existing entity of the same type and name key, else new). */
export function resolve(entities: PreparedEntity[], known: Map<string, string>): string[] {
  return entities.map((e) => {
    let id = e.explicitId;
    if (id === undefined) {
      for (const k of e.nameKeys) {
        const hit = known.get(k);
        if (hit) {
          id = hit;
          break;
        }
      }
    }
    id ??= generatedEntityId(e.type, e.name);
    for (const k of e.nameKeys) if (!known.has(k)) known.set(k, id);
    return id;
  });
}

export function relationRows(doc: Doc, idOf: (key: string) => string): Map<RelationType, Doc[]> {
  const out = new Map<RelationType, Doc[]>();
  const seen = new Set<string>();
  for (const r of doc.relations as Doc[]) {
    const type = r.type as RelationType;
    const by = (RELATION_TYPES[type] as { distinguishedBy?: string }).distinguishedBy;
    const key = by ? String(r.attributes?.[by] ?? '') : '';
    const row = { from: idOf(r.from), to: idOf(r.to), key };
    const identity = `${type}|${canonicalJson(row)}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const list = out.get(type) ?? [];
    list.push({ ...row, article: doc.article.id, evidence: r.evidence ?? '', since: r.since ?? '', until: r.until ?? '', attributes: canonicalJson(r.attributes ?? {}) });
    out.set(type, list);
  }
  return out;
}

export function eventRows(doc: Doc, idOf: (key: string) => string): Doc[] {
  const aid = doc.article.id;
  return ((doc.events as Doc[]) ?? []).map((e) => {
    const span = e.date ? dateSpan(e.date) : null;
    const endSpan = e.endDate ? dateSpan(e.endDate) : span;
    return {
      article: aid,
      id: `${aid}#${e.key}`,
      type: e.type,
      name: e.name,
      date: e.date ?? null,
      endDate: e.endDate ?? null,
      dateStart: span?.first ?? null,
      dateEnd: endSpan?.last ?? null,
      attributes: canonicalJson(e.attributes ?? {}),
      evidence: e.evidence ?? null,
      location: e.location ? idOf(e.location) : null,
      partOf: e.partOf ? `${aid}#${e.partOf}` : null,
      participants: ((e.participants as Doc[]) ?? []).map((p) => ({ entity: idOf(p.entity), role: p.role })),
    };
  });
}

export function figureRows(doc: Doc, idOf: (key: string) => string): Doc[] {
  return ((doc.figures as Doc[]) ?? []).map((f) => {
    const subject = idOf(f.subject);
    return {
      article: doc.article.id,
      id: figureId(subject, f as Parameters<typeof figureId>[1]),
      subject,
      metric: f.metric,
      value: f.value,
      unit: f.unit ?? null,
      period: f.period ?? null,
      change: f.change ?? null,
      qualifier: f.qualifier ?? null,
      stated: f.stated ?? null,
      evidence: f.evidence ?? null,
    };
  });
}
