import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R } from '../model';
import { BLOCK_JOINED, BLOCK_LEFT, type SearchKeys } from '../search';

/**
 * The Cypher of entity derivation (`deriveEntities.ts` computes; these read and write). Each builder returns a
 * subquery for use inside a larger statement (the identity lookup and the facts write end with them), and the
 * `…_STATEMENT` constants are the same subqueries on their own.
 */

/**
 * Subquery: locks the entities whose ids are in the list `idsExpression` (Cypher, evaluated with the variables
 * in `imports`), in a fixed order, and returns `derivations`: for each, its type, what its mentions say
 * grouped by content (`MentionGroup`), its current derived properties, stored mention groups and name keys
 * (`DerivationRow`).
 *
 * With `stored`, an entity's groups are its stored ones (`mentionGroups`, `groups` is then null) and only an
 * entity without them (written before they existed) has its mentions read. That is for new articles' loads:
 * they read the entities before adding mentions, and every committed write that changes an entity's mentions
 * has stored its groups. Without it, the mentions are read: the forgetting of an article, a merge and a write
 * in this same statement change mentions first and store the groups after, from this read.
 *
 * The lock comes before the read: under read-committed isolation a concurrent transaction's new mention is
 * invisible until it commits, and without the lock this transaction could write a derivation that misses it
 * after that transaction has committed. (A relationship created on a dense node, such as a hub's new
 * mention, does not lock the node exclusively.)
 */
export const READ_DERIVATIONS = (idsExpression: string, imports = '', { stored = false } = {}): string => `
  CALL (${imports}) {
    UNWIND ${idsExpression} AS id
    MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
    SET e.locked = true
    REMOVE e.locked
    WITH collect(DISTINCT e) AS locked
    UNWIND locked AS e
    CALL (e) {${stored ? `
      WITH e WHERE e.mentionGroups IS NULL` : ''}
      OPTIONAL MATCH (a:${L.Article})-[m:${R.MENTIONS}]->(e)
      WITH m.name AS name, m.aliases AS aliases, m.kind AS kind, m.attributes AS attributes,
           count(m) AS count, min(a.id) AS firstArticle, max(a.id) AS lastArticle
      WHERE count > 0
      RETURN collect({name: name, aliases: aliases, kind: kind, attributes: attributes, count: count,
                      firstArticle: firstArticle, lastArticle: lastArticle}) AS groups
    }
    RETURN collect({
      id: e.id, type: e.type, groups: ${stored ? 'CASE WHEN e.mentionGroups IS NULL THEN groups END' : 'groups'},
      current: e {.name, .aliases, .kind, .attributes, .aliasText, .mentionGroups, .searchText, .searchVersion, .nameOnly},
      keys: [(k:${L.NameKey})-[:${R.IDENTIFIES}]->(e) | k.key]
    }) AS derivations
  }`;

/** `READ_DERIVATIONS` on its own. Parameter `q: { ids: string[] }` (sorted, distinct). */
export const READ_DERIVATIONS_STATEMENT = `${READ_DERIVATIONS('$q.ids')} RETURN derivations`;

/** The map `WRITE_DERIVATIONS_OF` reads (`derivationsParameter` builds it). */
export interface DerivationsParameter {
  /** every entity whose name keys may change, with the keys it keeps (orphans keep none) */
  keep: Array<{ id: string; nameKeys: string[]; blockingKeys?: string[] }>;
  /** entities no article mentions any more: deleted, with the merged ids pointing at them */
  orphans: string[];
  /** the new derived properties and name keys */
  rows: Array<{ id: string; name: string; aliases: string[]; kind: string | null; attributes: string; aliasText: string; nameKeys: string[] } & Partial<SearchKeys>>;
  /** new stored mention groups (`mentionGroups`, JSON) */
  groups: Array<{ id: string; groups: string }>;
}

/**
 * Subqueries that write derivations from the map `d` (a `DerivationsParameter`, as a Cypher expression): each
 * entity loses the name keys it no longer has (a key that then identifies nothing is deleted), orphans go (with
 * the merged ids that pointed at them), the others get their derived properties and name keys, and changed
 * mention groups are stored. One map parameter: Neo4j makes a new plan for every size bucket of a top-level
 * list parameter.
 */
export const WRITE_DERIVATIONS_OF = (d: string): string => `
  CALL () {
    UNWIND ${d}.keep AS x
    MATCH (e:${L.Entity} {id: x.id}) USING INDEX SEEK e:${L.Entity}(id)
    OPTIONAL MATCH (k:${L.NameKey})-[i:${R.IDENTIFIES}]->(e) WHERE NOT k.key IN x.nameKeys
    DELETE i
    WITH DISTINCT k WHERE k IS NOT NULL AND NOT (k)-[:${R.IDENTIFIES}]->()
    DELETE k
  }
  CALL () {
    UNWIND ${d}.keep AS x
    MATCH (e:${L.Entity} {id: x.id}) USING INDEX SEEK e:${L.Entity}(id)
    OPTIONAL MATCH (k:${L.BlockingKey})-[b:${R.BLOCKS}]->(e) WHERE NOT k.key IN x.blockingKeys
    DELETE b
    WITH DISTINCT k WHERE k IS NOT NULL
    ${BLOCK_LEFT('k')}
  }
  CALL () {
    UNWIND ${d}.orphans AS id
    MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
    OPTIONAL MATCH (m:${L.MergedId})-[:${R.MERGED_INTO}]->(e)
    DETACH DELETE e, m
  }
  CALL () {
    UNWIND ${d}.rows AS x
    MATCH (e:${L.Entity} {id: x.id}) USING INDEX SEEK e:${L.Entity}(id)
    SET e.name = x.name, e.aliases = x.aliases, e.kind = x.kind, e.attributes = x.attributes,
        e.aliasText = x.aliasText, e.searchNames = x.searchNames, e.searchShort = x.searchShort, e.searchPinyin = x.searchPinyin,
        e.searchInitials = x.searchInitials, e.searchText = x.searchText, e.searchVersion = x.searchVersion
    WITH e, x
    UNWIND x.nameKeys AS key
    MERGE (k:${L.NameKey} {key: key})
    MERGE (k)-[:${R.IDENTIFIES}]->(e)
  }
  CALL () {
    UNWIND ${d}.rows AS x
    MATCH (e:${L.Entity} {id: x.id}) USING INDEX SEEK e:${L.Entity}(id)
    UNWIND coalesce(x.blockingKeys, []) AS key
    MERGE (k:${L.BlockingKey} {key: key})
    MERGE (k)-[:${R.BLOCKS}]->(e)
    WITH DISTINCT k
    ${BLOCK_JOINED('k')}
  }
  CALL () {
    UNWIND ${d}.groups AS x
    MATCH (e:${L.Entity} {id: x.id}) USING INDEX SEEK e:${L.Entity}(id)
    SET e.mentionGroups = x.groups
  }`;

/** `WRITE_DERIVATIONS_OF` on its own. Parameter `d: DerivationsParameter`. */
export const WRITE_DERIVATIONS = WRITE_DERIVATIONS_OF('$d');
