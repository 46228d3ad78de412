import type { ArticleDocument } from './document';
import type { Candidate, IdentityLookup } from './lookupIdentities';
import { generatedEntityId, nameKeysOf } from './nameKeys';
import { type Problem, quote } from './problem';

export interface Resolution {
  /** document key → graph entity id */
  ids: Map<string, string>;
  /** ids that did not exist before this document */
  created: Set<string>;
  problems: Problem[];
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

