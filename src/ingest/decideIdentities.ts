import type { ArticleDocument } from './document';
import { mentionOf, pairKey } from './judgements';
import type { Candidate, IdentityLookup } from './lookupIdentities';
import { generatedEntityId, nameKeysOf } from './nameKeys';
import { type Problem, quote } from './problem';

export interface Resolution {
  /** document key → graph entity id */
  ids: Map<string, string>;
  /** ids that did not exist before this document */
  created: Set<string>;
  /** the ids of `ids` that are name-only entities: no document has given them an `id` */
  byName: Set<string>;
  /**
   * name-only entities this document shows to be another entity (absorbed id → the id it is): the entity
   * of an explicit id, or of a name they share with it (src/ingest/README.md, "Identity when ids and names meet")
   */
  absorbed: Map<string, string>;
  /** keys of the entities a SPLIT judgement gave an id (`IdentityView.forced`): written as if the document had */
  forced: Set<string>;
  problems: Problem[];
}

/** How identity resolution sees the graph: the lookup, plus what earlier documents of a batch wrote. */
export interface IdentityView {
  explicit(id: string): { resolved: string; type: string } | undefined;
  /** the entities a name key identifies, each as the entity it is now (absorptions followed) */
  candidates(key: string): Candidate[];
  exists(id: string): boolean;
  /** whether a distinct judgement in force keeps these two entities apart */
  distinct(x: string, y: string): boolean;
  /** the id a SPLIT judgement in force gives this mention (article id, the document's key), if any */
  forced(article: string, key: string): string | undefined;
}

export function lookupView(lookup: IdentityLookup): IdentityView {
  return new BatchIdentity().view(lookup);
}

const byIdOrder = (a: Candidate, b: Candidate): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The distinct candidates of all of an entity's name keys. */
function candidatesOf(view: IdentityView, keys: string[]): Candidate[] {
  const list: Candidate[] = [];
  for (const key of keys) for (const c of view.candidates(key)) if (!list.some((x) => x.id === c.id)) list.push(c);
  return list;
}

/** The candidates that a distinct judgement in force keeps apart from another candidate. */
function markedDistinct(view: IdentityView, candidates: Candidate[]): Candidate[] {
  return candidates.filter((c) => candidates.some((o) => o.id !== c.id && view.distinct(c.id, o.id)));
}

/**
 * Decides which graph entity each entity of the document is (spec, "Identity"; the rule when ids and names
 * meet is in src/ingest/README.md): an explicit `id` (or an id since merged into another) wins, and the
 * name-only entities that share one of its names are absorbed into it; otherwise a same-type entity one of
 * whose names or aliases equals one of this entity's, after normalisation: the one entity with an id among
 * them (absorbing the name-only ones), or else the name-only ones, which are one entity (the one with the
 * smallest id absorbs the others). Two entities with ids are an ambiguity, reported, never merged; when this
 * article named one of them under the same key before (`previousId`), that one is kept (re-loads stay stable).
 * No database access: `view` is what the graph says.
 */
export function decideIdentities(doc: ArticleDocument, view: IdentityView, previousId: Map<string, string>): Resolution {
  // a mention a SPLIT judgement names is the entity it gives, as if the document had given that id
  const forced = new Set(doc.entities.filter((e) => e.id === undefined && view.forced(doc.article.id, e.key) !== undefined).map((e) => e.key));
  const idOf = (e: ArticleDocument['entities'][number]): string | undefined => e.id ?? (forced.has(e.key) ? view.forced(doc.article.id, e.key) : undefined);
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  const created = new Set<string>();
  /** whether each entity was resolved by an id (its own or that of the one entity with an id its names match) */
  const byId: boolean[] = doc.entities.map(() => true);
  const absorbed = new Map<string, string>();

  // a name-only mention is not an entity judged distinct from the one its own name makes (its generated id), when
  // that one is not in the graph: an entity a load joined by name before the judgement, rebuilt (`rebuildEntity`)
  const candidates = doc.entities.map((e) => {
    const found = candidatesOf(view, nameKeysOf(e));
    if (idOf(e) !== undefined) return found;
    const own = generatedEntityId(e.type, e.name);
    return found.some((c) => c.id === own) ? found : found.filter((c) => !view.distinct(c.id, own));
  });
  const newIds = doc.entities.flatMap((e, i) => (idOf(e) === undefined && candidates[i].length === 0 ? [generatedEntityId(e.type, e.name)] : []));
  // only the generated ids themselves count as taken: `base~2` is tried next without asking the graph
  const takenIds = new Set(newIds.filter((id) => view.exists(id)));

  const decided = doc.entities.map((e, i): string | undefined => {
    const path = `entities[${i}]`;
    const nameOnly = candidates[i].filter((c) => c.nameOnly);
    const given = idOf(e);
    if (given !== undefined) {
      const hit = view.explicit(given);
      if (hit && hit.type !== e.type) {
        problems.push({ path: `${path}.id`, message: `${quote(given)} is already a ${hit.type}, not a ${e.type}` });
        return undefined;
      }
      const id = hit ? hit.resolved : given;
      if (!hit) created.add(id);
      // a distinct judgement wins over a shared name: such a candidate stays itself (src/ingest/README.md); a split's
      // side takes the mentions its judgement lists, nothing by name
      for (const c of forced.has(e.key) ? [] : nameOnly) {
        if (c.id !== id && ![id, ...nameOnly.map((o) => o.id)].some((o) => o !== c.id && view.distinct(c.id, o))) absorbed.set(c.id, id);
      }
      return id;
    }
    const apart = markedDistinct(view, candidates[i]);
    if (apart.length > 0) {
      const again = candidates[i].find((c) => c.id === previousId.get(e.key));
      if (again) {
        byId[i] = !again.nameOnly;
        return again.id;
      }
      const list = apart.sort(byIdOrder).map((c) => `${quote(c.id)} (${quote(c.name)})`).join(', ');
      problems.push({
        path: `${path}.name`,
        message: `ambiguous: ${quote(e.name)} matches ${list}, judged to be distinct ${e.type} entities; give this entity the "id" of the one it is`,
      });
      return undefined;
    }
    const identified = candidates[i].filter((c) => !c.nameOnly);
    if (identified.length === 1) {
      for (const c of nameOnly) absorbed.set(c.id, identified[0].id);
      return identified[0].id;
    }
    if (identified.length > 1) {
      const before = previousId.get(e.key);
      if (before && identified.some((c) => c.id === before)) return before;
      const list = [...identified].sort(byIdOrder).map((c) => `${quote(c.id)} (${quote(c.name)})`).join(', ');
      problems.push({
        path: `${path}.name`,
        message: `ambiguous: ${quote(e.name)} matches ${identified.length} existing ${e.type} entities: ${list}; give this entity the "id" of the one it is`,
      });
      return undefined;
    }
    byId[i] = false;
    if (nameOnly.length > 0) {
      const [kept, ...others] = [...nameOnly].sort(byIdOrder);
      for (const c of others) absorbed.set(c.id, kept.id);
      return kept.id;
    }
    const base = generatedEntityId(e.type, e.name);
    let id = base;
    for (let n = 2; takenIds.has(id) || created.has(id); n++) id = `${base}~${n}`;
    created.add(id);
    return id;
  });

  // an entity absorbed by one mention may be what another mention of the document resolved to
  const final = (id: string): string => absorbed.get(id) ?? id;
  const claimedBy = new Map<string, number>();
  doc.entities.forEach((e, i) => {
    if (decided[i] === undefined) return;
    const id = final(decided[i]!);
    const other = claimedBy.get(id);
    // a re-load of an article whose two entities a merge made one: both mentions go to it, as the merge left them
    const joined = other !== undefined && previousId.get(e.key) === id && previousId.get(doc.entities[other].key) === id;
    if (joined) {
      ids.set(e.key, id);
      return;
    }
    if (other !== undefined) {
      problems.push({
        path: `entities[${i}]`,
        message: `resolves to the same entity ${quote(id)} as entities[${other}]; give each a distinct "id" or merge them into one entity`,
      });
      return;
    }
    claimedBy.set(id, i);
    ids.set(e.key, id);
  });
  const identifiedIds = new Set(doc.entities.flatMap((_, i) => (decided[i] !== undefined && byId[i] ? [final(decided[i]!)] : [])));
  const byName = new Set([...ids.values()].filter((id) => !identifiedIds.has(id)));
  return { ids, created, byName, absorbed, forced, problems };
}

/**
 * Identity across the documents of one batch, written in one transaction and derived once at its end: what
 * each document resolves to must be what it would resolve to had every earlier document of the batch been
 * loaded (and its entities derived) on its own. Entity derivation makes an entity's name keys the union of
 * its mentions' keys, so after an earlier document of the batch, every name key of each of its mentions
 * identifies the entity it resolved to, the entities it created exist, and those it absorbed are the entity
 * that absorbed them (a batch view is only used for articles that are new to the graph, and for one
 * re-loaded article on its own).
 */
export class BatchIdentity {
  private readonly createdTypes = new Map<string, string>();
  private readonly named = new Map<string, Candidate[]>();
  /** absorbed id → the id it is (followed to the end: `current`) */
  private readonly absorbed = new Map<string, string>();
  /** whether an entity is name-only, as the batch has changed it */
  private readonly nameOnly = new Map<string, boolean>();

  /** The id an entity has now, after the absorptions of the batch so far. */
  current(id: string): string {
    let at = id;
    for (let next = this.absorbed.get(at); next !== undefined; next = this.absorbed.get(at)) at = next;
    return at;
  }

  /** Whether an entity the batch resolved to is name-only (no document has given it an id). */
  isNameOnly(id: string): boolean {
    return this.nameOnly.get(this.current(id)) ?? false;
  }

  /** Every absorption of the batch so far, each to the id the absorbed entity has now. */
  absorptions(): Map<string, string> {
    return new Map([...this.absorbed.keys()].map((id) => [id, this.current(id)]));
  }

  view(lookup: IdentityLookup): IdentityView {
    const follow = (c: Candidate): Candidate => {
      const id = this.current(c.id);
      return { id, name: c.name, nameOnly: this.nameOnly.get(id) ?? (id === c.id ? c.nameOnly : false) };
    };
    return {
      explicit: (id) => {
        const hit = lookup.explicit.get(id) ?? (this.createdTypes.has(id) ? { resolved: id, type: this.createdTypes.get(id)! } : undefined);
        return hit && { ...hit, resolved: this.current(hit.resolved) };
      },
      candidates: (key) => {
        const list: Candidate[] = [];
        for (const c of [...(lookup.candidates.get(key) ?? []), ...(this.named.get(key) ?? [])].map(follow)) {
          if (!list.some((x) => x.id === c.id)) list.push(c);
        }
        return list;
      },
      exists: (id) => lookup.existing.has(id) || this.createdTypes.has(id),
      distinct: (x, y) => lookup.distinct.has(pairKey(x, y)),
      forced: (article, key) => lookup.forced.get(mentionOf(article, key)),
    };
  }

  /** What a resolved document adds: the entities it created and absorbed, and the name keys of each of its mentions. */
  record(doc: ArticleDocument, resolution: Resolution): void {
    for (const [from, into] of resolution.absorbed) this.absorbed.set(from, into);
    for (const e of doc.entities) {
      const id = resolution.ids.get(e.key)!;
      if (resolution.created.has(id)) this.createdTypes.set(id, e.type);
      this.nameOnly.set(id, resolution.byName.has(id));
      for (const key of nameKeysOf(e)) {
        const list = this.named.get(key) ?? [];
        if (!list.some((c) => c.id === id)) list.push({ id, name: e.name, nameOnly: resolution.byName.has(id) });
        this.named.set(key, list);
      }
    }
  }
}
