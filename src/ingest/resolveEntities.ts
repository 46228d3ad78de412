import { integer, type ManagedTransaction } from 'neo4j-driver';
import { nameKey, type EntityType } from '../model';
import type { ArticleDocument, EntityInput } from './document';
import { type Problem, quote } from './problem';

/** The graph key under which a name identifies entities of one type. */
export function nameKeyOf(type: EntityType, name: string): string {
  return `${type}|${nameKey(name)}`;
}

export function nameKeysOf(e: Pick<EntityInput, 'type' | 'name' | 'aliases'>): string[] {
  return [...new Set([e.name, ...(e.aliases ?? [])].map((n) => nameKeyOf(e.type, n)))];
}

/** Id of an entity first seen without an explicit id: readable, and the same whichever article comes first. */
export function generatedEntityId(type: EntityType, name: string): string {
  return `${type.toLowerCase()}:${nameKey(name)}`;
}

export interface Resolution {
  /** document key → graph entity id */
  ids: Map<string, string>;
  /** ids that did not exist before this document */
  created: Set<string>;
  problems: Problem[];
}

interface Candidate {
  id: string;
  name: string;
}

/**
 * Decides which graph entity each entity of the document is (spec, "Identity"): an explicit `id` (or an
 * id since merged into another) wins; otherwise a same-type entity one of whose names or aliases equals
 * one of this entity's, after normalisation. Several candidates are an ambiguity, reported, never merged;
 * when this article named one of them under the same key before, that one is kept (re-loads stay stable).
 */
export async function resolveEntities(tx: ManagedTransaction, doc: ArticleDocument): Promise<Resolution> {
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  const created = new Set<string>();

  // Lock every name key of the document first (creating the missing ones; the write step makes each of them
  // identify an entity, or the transaction rolls back), in a fixed order. Reads are read-committed: without
  // this, a concurrent transaction that creates an entity with one of these names could commit between the
  // name lookup below and the "taken" check, and this document would create a second entity (`…~2`) for the
  // same name. With it, documents that share a name resolve it one after the other.
  const allKeys = [...new Set(doc.entities.flatMap((e) => nameKeysOf(e)))].sort();
  await tx.run(
    `UNWIND $keys AS key
     MERGE (k:NameKey {key: key})
     SET k.locked = true
     REMOVE k.locked`,
    { keys: allKeys },
  );

  const explicit = doc.entities.filter((e) => e.id !== undefined).map((e) => e.id!);
  const found = await tx.run(
    `UNWIND $ids AS id
     OPTIONAL MATCH (:MergedId {id: id})-[:MERGED_INTO]->(kept:Entity)
     OPTIONAL MATCH (own:Entity {id: id})
     WITH id, coalesce(kept, own) AS e
     RETURN id, e.id AS resolved, e.type AS type`,
    { ids: explicit },
  );
  const byExplicitId = new Map(found.records.map((r) => [r.get('id') as string, r.toObject()]));

  const lookups = doc.entities.flatMap((e, i) => (e.id === undefined ? nameKeysOf(e).map((key) => ({ i, key })) : []));
  const matched = await tx.run(
    `UNWIND $lookups AS l
     MATCH (:NameKey {key: l.key})-[:IDENTIFIES]->(e:Entity)
     RETURN l.i AS i, collect(DISTINCT {id: e.id, name: e.name}) AS candidates`,
    { lookups },
  );
  const candidatesOf = new Map<number, Candidate[]>();
  for (const r of matched.records) {
    const i = neo4jInt(r.get('i'));
    const list = candidatesOf.get(i) ?? [];
    for (const c of r.get('candidates') as Candidate[]) if (!list.some((x) => x.id === c.id)) list.push(c);
    candidatesOf.set(i, list);
  }

  const previous = await tx.run(
    `MATCH (:Article {id: $id})-[m:MENTIONS]->(e:Entity) RETURN m.key AS key, e.id AS id`,
    { id: doc.article.id },
  );
  const previousId = new Map(previous.records.map((r) => [r.get('key') as string, r.get('id') as string]));

  const newIds = doc.entities.flatMap((e, i) =>
    e.id === undefined && (candidatesOf.get(i) ?? []).length === 0 ? [generatedEntityId(e.type, e.name)] : [],
  );
  const taken = await tx.run(
    `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN collect(e.id) AS taken`,
    { ids: newIds },
  );
  const takenIds = new Set<string>(taken.records[0]?.get('taken') ?? []);

  const claimedBy = new Map<string, number>();
  doc.entities.forEach((e, i) => {
    const path = `entities[${i}]`;
    let id: string | undefined;
    if (e.id !== undefined) {
      const hit = byExplicitId.get(e.id);
      if (hit?.resolved) {
        if (hit.type !== e.type) {
          problems.push({ path: `${path}.id`, message: `${quote(e.id)} is already a ${hit.type}, not a ${e.type}` });
          return;
        }
        id = hit.resolved as string;
      } else {
        id = e.id;
        created.add(id);
      }
    } else {
      const candidates = candidatesOf.get(i) ?? [];
      if (candidates.length === 1) id = candidates[0].id;
      else if (candidates.length > 1) {
        const before = previousId.get(e.key);
        if (before && candidates.some((c) => c.id === before)) id = before;
        else {
          const list = [...candidates]
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .map((c) => `${quote(c.id)} (${quote(c.name)})`).join(', ');
          problems.push({
            path: `${path}.name`,
            message: `ambiguous: ${quote(e.name)} matches ${candidates.length} existing ${e.type} entities: ${list}; give this entity the "id" of the one it is`,
          });
          return;
        }
      } else {
        const base = generatedEntityId(e.type, e.name);
        id = base;
        for (let n = 2; takenIds.has(id) || created.has(id); n++) id = `${base}~${n}`;
        created.add(id);
      }
    }
    const other = claimedBy.get(id);
    if (other !== undefined) {
      problems.push({
        path,
        message: `resolves to the same entity ${quote(id)} as entities[${other}]; give each a distinct "id" or merge them into one entity`,
      });
      return;
    }
    claimedBy.set(id, i);
    ids.set(e.key, id);
  });
  // Lock the existing entities the document names, in a fixed order, before the write steps touch them in
  // document order: two documents naming the same entities then queue instead of deadlocking.
  if (problems.length === 0) {
    const existing = [...new Set(ids.values())].filter((id) => !created.has(id)).sort();
    await tx.run(
      `UNWIND $ids AS id
       MATCH (e:Entity {id: id})
       SET e.locked = true
       REMOVE e.locked`,
      { ids: existing },
    );
  }
  return { ids, created, problems };
}

/** Works whether or not the driver was created with `disableLosslessIntegers`. */
function neo4jInt(value: unknown): number {
  return typeof value === 'number' ? value : integer.toNumber(value as number);
}
