import type { WriteTx } from '../graph';
import { nameKey, type EntityType } from '../model';
import type { ArticleDocument, EntityInput } from './document';
import { type DerivationRow, READ_DERIVATIONS } from './deriveEntities';
import { nameKeyOf } from './nameKeyOf';
import { planOnce } from './planOnce';
import { type Problem, quote } from './problem';

export { nameKeyOf };

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

export interface Candidate {
  id: string;
  name: string;
}

/** What one statement read from the graph about the entities of some documents (`lookupIdentities`). */
export interface IdentityLookup {
  /** explicit id → the entity it is (an id merged into another resolves to that one); misses are absent */
  explicit: Map<string, { resolved: string; type: string }>;
  /** name key → the entities it identifies */
  candidates: Map<string, Candidate[]>;
  /** which of the generated ids asked about are entity ids already */
  existing: Set<string>;
  /** the key → entity id of each mention of the article asked about (`previousOf`), before this load */
  previous: Map<string, string>;
  /**
   * for new articles (no `article` asked about, or one not in the graph): what derivation needs of the existing
   * entities the documents may name (`READ_DERIVATIONS`, after locking them), by id
   */
  derivations: Map<string, DerivationRow>;
}

/** How identity resolution sees the graph: the lookup, plus what earlier documents of a batch wrote. */
export interface IdentityView {
  explicit(id: string): { resolved: string; type: string } | undefined;
  candidates(key: string): Candidate[];
  exists(id: string): boolean;
}

export function lookupView(lookup: IdentityLookup): IdentityView {
  return {
    explicit: (id) => lookup.explicit.get(id),
    candidates: (key) => lookup.candidates.get(key) ?? [],
    exists: (id) => lookup.existing.has(id),
  };
}

/** The statement of `lookupIdentities` (see there). */
export const LOOKUP_IDENTITIES = `
  OPTIONAL MATCH (art:Article {id: $q.article}) USING INDEX SEEK art:Article(id)
  WITH art.contentHash AS before
  CALL (before) {
    UNWIND CASE WHEN before = $q.hash THEN [] ELSE $q.keys END AS key
    MERGE (k:NameKey {key: key})
    SET k.locked = true
    REMOVE k.locked
    RETURN count(*) AS lockedKeys
  }
  CALL () {
    UNWIND $q.explicit AS id
    OPTIONAL MATCH (merged:MergedId {id: id})-[:MERGED_INTO]->(kept:Entity) USING INDEX SEEK merged:MergedId(id)
    OPTIONAL MATCH (own:Entity {id: id}) USING INDEX SEEK own:Entity(id)
    WITH id, coalesce(kept, own) AS e
    WHERE e IS NOT NULL
    RETURN collect({id: id, resolved: e.id, type: e.type}) AS explicitHits
  }
  CALL () {
    UNWIND $q.lookups AS key
    MATCH (n:NameKey {key: key})-[:IDENTIFIES]->(e:Entity)
    USING INDEX SEEK n:NameKey(key)
    RETURN collect({key: key, id: e.id, name: e.name}) AS keyHits
  }
  CALL () {
    UNWIND $q.generated AS id
    MATCH (e:Entity {id: id}) USING INDEX SEEK e:Entity(id)
    RETURN collect(e.id) AS taken
  }
  CALL () {
    OPTIONAL MATCH (a:Article {id: $q.article})-[m:MENTIONS]->(e:Entity) USING INDEX SEEK a:Article(id)
    WITH m, e WHERE m IS NOT NULL
    RETURN collect({key: m.key, id: e.id}) AS previous
  }
  WITH before, explicitHits, keyHits, taken, previous,
       CASE WHEN before = $q.hash THEN []
            ELSE COLLECT { UNWIND [h IN explicitHits | h.resolved] + [h IN keyHits | h.id] AS id RETURN DISTINCT id ORDER BY id }
       END AS named
  CALL (before, named) {
    UNWIND CASE WHEN before IS NULL THEN [] ELSE named END AS id
    MATCH (e:Entity {id: id}) USING INDEX SEEK e:Entity(id)
    SET e.locked = true
    REMOVE e.locked
    RETURN count(*) AS lockedEntities
  }
  ${READ_DERIVATIONS('CASE WHEN before IS NULL THEN named ELSE [] END', 'before, named', { stored: true })}
  RETURN before, explicitHits, keyHits, taken, previous, derivations`;

/**
 * Reads, in one statement, what identity resolution of these documents needs from the graph, after locking
 * every name key they use (creating the missing ones; the write step makes each of them identify an entity,
 * or the transaction rolls back) in a fixed order. Reads are read-committed: without the lock, a concurrent
 * transaction that creates an entity with one of these names could commit between the name lookup and the
 * "taken" check, and this document would create a second entity (`…~2`) for the same name. With it,
 * documents that share a name resolve it one after the other.
 *
 * Then it locks, in a fixed order, the existing entities the documents may name (the explicit ids' entities
 * and every candidate of a name), before the write steps touch them in document order: two loads naming the
 * same entities then queue instead of deadlocking. For new articles, READ_DERIVATIONS takes these locks (in
 * that order) and also reads what the derivation of those entities needs (`derivations`: their stored mention
 * groups, one property each however many articles name them): the write then derives them without reading
 * again (`writeFacts`). A re-loaded article's are only locked: forgetting it
 * changes what derivation would read. Its unique-index seeks are locking seeks, so an id it asks about and does not find cannot
 * be created by another transaction before this one ends.
 *
 * With `article` (one document), it also reads that article's content hash (`before`) and its mentions
 * (`previous`); when the hash is the document's own, nothing is locked or created: the load is `unchanged`.
 */
export async function lookupIdentities(
  tx: WriteTx,
  docs: ArticleDocument[],
  article?: { id: string; hash: string },
): Promise<IdentityLookup & { before?: string }> {
  const entities = docs.flatMap((d) => d.entities);
  const named = entities.filter((e) => e.id === undefined);
  const result = await tx.run(
    planOnce(LOOKUP_IDENTITIES),
    {
      // one map parameter: Neo4j makes a new plan for every size bucket of a top-level list parameter
      q: {
        article: article?.id ?? null,
        hash: article?.hash ?? null,
        keys: [...new Set(entities.flatMap((e) => nameKeysOf(e)))].sort(),
        explicit: [...new Set(entities.flatMap((e) => (e.id === undefined ? [] : [e.id])))],
        lookups: [...new Set(named.flatMap((e) => nameKeysOf(e)))],
        generated: [...new Set(named.map((e) => generatedEntityId(e.type, e.name)))],
      },
    },
  );
  const row = result.records[0];
  const candidates = new Map<string, Candidate[]>();
  for (const h of row.get('keyHits') as Array<Candidate & { key: string }>) {
    const list = candidates.get(h.key) ?? [];
    list.push({ id: h.id, name: h.name });
    candidates.set(h.key, list);
  }
  return {
    before: (row.get('before') as string | null) ?? undefined,
    explicit: new Map((row.get('explicitHits') as Array<{ id: string; resolved: string; type: string }>).map((h) => [h.id, { resolved: h.resolved, type: h.type }])),
    candidates,
    existing: new Set(row.get('taken') as string[]),
    previous: new Map((row.get('previous') as Array<{ key: string; id: string }>).map((p) => [p.key, p.id])),
    derivations: new Map((row.get('derivations') as DerivationRow[]).map((d) => [d.id, d])),
  };
}

/**
 * Decides which graph entity each entity of the document is (spec, "Identity"): an explicit `id` (or an
 * id since merged into another) wins; otherwise a same-type entity one of whose names or aliases equals
 * one of this entity's, after normalisation. Several candidates are an ambiguity, reported, never merged;
 * when this article named one of them under the same key before (`previousId`), that one is kept (re-loads
 * stay stable). No database access: `view` is what the graph says.
 */
export function decideIdentities(doc: ArticleDocument, view: IdentityView, previousId: Map<string, string>): Resolution {
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  const created = new Set<string>();

  const candidatesOf = doc.entities.map((e) => {
    if (e.id !== undefined) return [];
    const list: Candidate[] = [];
    for (const key of nameKeysOf(e)) for (const c of view.candidates(key)) if (!list.some((x) => x.id === c.id)) list.push(c);
    return list;
  });
  const newIds = doc.entities.flatMap((e, i) =>
    e.id === undefined && candidatesOf[i].length === 0 ? [generatedEntityId(e.type, e.name)] : [],
  );
  // only the generated ids themselves count as taken: `base~2` is tried next without asking the graph
  const takenIds = new Set(newIds.filter((id) => view.exists(id)));

  const claimedBy = new Map<string, number>();
  doc.entities.forEach((e, i) => {
    const path = `entities[${i}]`;
    let id: string | undefined;
    if (e.id !== undefined) {
      const hit = view.explicit(e.id);
      if (hit) {
        if (hit.type !== e.type) {
          problems.push({ path: `${path}.id`, message: `${quote(e.id)} is already a ${hit.type}, not a ${e.type}` });
          return;
        }
        id = hit.resolved;
      } else {
        id = e.id;
        created.add(id);
      }
    } else {
      const candidates = candidatesOf[i];
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
  return { ids, created, problems };
}

/**
 * Identity across the documents of one batch, written in one transaction and derived once at its end: what
 * each document resolves to must be what it would resolve to had every earlier document of the batch been
 * loaded (and its entities derived) on its own. Entity derivation makes an entity's name keys the union of
 * its mentions' keys, so after an earlier document of the batch, every name key of each of its mentions
 * identifies the entity it resolved to, and the entities it created exist; nothing else changes (a batch
 * view is only used for articles that are new to the graph: no forgetting, no orphans).
 */
export class BatchIdentity {
  private readonly createdTypes = new Map<string, string>();
  private readonly named = new Map<string, Candidate[]>();

  view(lookup: IdentityLookup): IdentityView {
    return {
      explicit: (id) => lookup.explicit.get(id) ?? (this.createdTypes.has(id) ? { resolved: id, type: this.createdTypes.get(id)! } : undefined),
      candidates: (key) => {
        const list = [...(lookup.candidates.get(key) ?? [])];
        for (const c of this.named.get(key) ?? []) if (!list.some((x) => x.id === c.id)) list.push(c);
        return list;
      },
      exists: (id) => lookup.existing.has(id) || this.createdTypes.has(id),
    };
  }

  /** What a resolved document adds: the entities it created, and the name keys of each of its mentions. */
  record(doc: ArticleDocument, resolution: Resolution): void {
    for (const e of doc.entities) {
      const id = resolution.ids.get(e.key)!;
      if (resolution.created.has(id)) this.createdTypes.set(id, e.type);
      for (const key of nameKeysOf(e)) {
        const list = this.named.get(key) ?? [];
        if (!list.some((c) => c.id === id)) list.push({ id, name: e.name });
        this.named.set(key, list);
      }
    }
  }
}

