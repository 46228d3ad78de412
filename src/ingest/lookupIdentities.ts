import type { WriteTx } from '../graph';
import type { DerivationRow } from './deriveEntities';
import type { ArticleDocument } from './document';
import { LOOKUP_IDENTITIES, type LookupIdentitiesParameters } from './lookupIdentitiesStatement';
import { mentionOf, pairsOf } from './judgements';
import { generatedEntityId, nameKeysOf } from './nameKeys';
import { planOnce } from './planOnce';

/** An entity a name identifies. */
export interface Candidate {
  id: string;
  name: string;
  /** no document has given it an `id` (it was created, and is only known, by name) */
  nameOnly: boolean;
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
  /** the mentions (`mentionOf`) a SPLIT judgement in force says are another entity, with that entity's id */
  forced: Map<string, string>;
  /** pairs (`pairKey`) of the entities named that a distinct judgement in force keeps apart */
  distinct: Set<string>;
  /**
   * for new articles (no `article` asked about, or one not in the graph): what derivation needs of the existing
   * entities the documents may name (`READ_DERIVATIONS`, after locking them), by id
   */
  derivations: Map<string, DerivationRow>;
}

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
  const result = await tx.run(
    planOnce(LOOKUP_IDENTITIES),
    {
      // one map parameter: Neo4j makes a new plan for every size bucket of a top-level list parameter
      q: {
        article: article?.id ?? null,
        hash: article?.hash ?? null,
        keys: [...new Set(entities.flatMap((e) => nameKeysOf(e)))].sort(),
        explicit: [...new Set(entities.flatMap((e) => (e.id === undefined ? [] : [e.id])))],
        lookups: [...new Set(entities.flatMap((e) => nameKeysOf(e)))],
        generated: [...new Set(entities.filter((e) => e.id === undefined).map((e) => generatedEntityId(e.type, e.name)))],
        mentions: docs.flatMap((d) => d.entities.filter((e) => e.id === undefined).map((e) => mentionOf(d.article.id, e.key))),
      } satisfies LookupIdentitiesParameters,
    },
  );
  const row = result.records[0];
  const candidates = new Map<string, Candidate[]>();
  for (const h of row.get('keyHits') as Array<Candidate & { key: string }>) {
    const list = candidates.get(h.key) ?? [];
    list.push({ id: h.id, name: h.name, nameOnly: h.nameOnly });
    candidates.set(h.key, list);
  }
  return {
    before: (row.get('before') as string | null) ?? undefined,
    forced: new Map((row.get('forced') as Array<{ mention: string; id: string }>).map((f) => [f.mention, f.id])),
    explicit: new Map((row.get('explicitHits') as Array<{ id: string; resolved: string; type: string }>).map((h) => [h.id, { resolved: h.resolved, type: h.type }])),
    candidates,
    existing: new Set(row.get('taken') as string[]),
    previous: new Map((row.get('previous') as Array<{ key: string; id: string }>).map((p) => [p.key, p.id])),
    distinct: pairsOf(row.get('distinctRows') as Array<{ entity: string; alias: string; other: string }>),
    derivations: new Map((row.get('derivations') as DerivationRow[]).map((d) => [d.id, d])),
  };
}
