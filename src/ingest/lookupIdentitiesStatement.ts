import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R } from '../model';
import { READ_DERIVATIONS } from './derivationStatements';
import { DISTINCT_OF } from './judgements';

/** The map parameter `q` of `LOOKUP_IDENTITIES`. */
export interface LookupIdentitiesParameters {
  /** the article of a single document (its content hash and previous mentions are read), or null for a run */
  article: string | null;
  /** that document's content hash: equal to the stored one, nothing is locked or read (`unchanged`) */
  hash: string | null;
  /** every name key of every entity of the documents, sorted: locked (created when missing) in this order */
  keys: string[];
  /** the explicit ids the documents give */
  explicit: string[];
  /** the name keys of all the entities: which entities they identify (with an id given, the name-only ones it absorbs) */
  lookups: string[];
  /** the ids those entities would be generated under: which are taken */
  generated: string[];
  /** every entity of the documents as a mention (`mentionOf(article, key)`): which a SPLIT judgement gives an id */
  mentions: string[];
}

/**
 * The statement of `lookupIdentities` (see there for why and in what order it locks), parameter
 * `q: LookupIdentitiesParameters`. Returns one row: `before` (the article's content hash), `forced` ({mention, id}:
 * the mentions a SPLIT judgement in force says are entity `id` (its `b`, or for the mentions it keeps, its `a`), which then count as explicit ids), `explicitHits`
 * ({id, resolved, type}: explicit ids found, a merged id resolved to its entity), `keyHits` ({key, id, name, nameOnly}:
 * the entities each looked-up name key identifies), `taken` (generated ids that exist), `previous` ({key, id}:
 * the article's mentions before this load), `distinctRows` (`DISTINCT_OF`: the distinct judgements in force on the
 * entities named, and on the new explicit and generated ids, which a batch may create) and `derivations` (`READ_DERIVATIONS` from stored groups, for new
 * articles only).
 */
export const LOOKUP_IDENTITIES = `
  OPTIONAL MATCH (art:${L.Article} {id: $q.article}) USING INDEX SEEK art:${L.Article}(id)
  WITH art.contentHash AS before
  CALL (before) {
    UNWIND CASE WHEN before = $q.hash THEN [] ELSE $q.keys END AS key
    MERGE (k:${L.NameKey} {key: key})
    SET k.locked = true
    REMOVE k.locked
    RETURN count(*) AS lockedKeys
  }
  CALL (before) {
    MATCH (j:${L.Judgement} {kind: 'SPLIT'}) USING INDEX j:${L.Judgement}(kind)
    WHERE j.undoneAt IS NULL AND coalesce(before <> $q.hash, true)
    UNWIND [m IN j.mentions WHERE m IN $q.mentions | {mention: m, id: j.b}]
         + [m IN coalesce(j.kept, []) WHERE m IN $q.mentions | {mention: m, id: j.a}] AS f
    RETURN collect(f) AS forced
  }
  WITH before, forced, $q.explicit + [f IN forced | f.id] AS explicitIds
  CALL (explicitIds) {
    UNWIND explicitIds AS id
    OPTIONAL MATCH (merged:${L.MergedId} {id: id})-[:${R.MERGED_INTO}]->(kept:${L.Entity}) USING INDEX SEEK merged:${L.MergedId}(id)
    OPTIONAL MATCH (own:${L.Entity} {id: id}) USING INDEX SEEK own:${L.Entity}(id)
    WITH id, coalesce(kept, own) AS e
    WHERE e IS NOT NULL
    RETURN collect({id: id, resolved: e.id, type: e.type}) AS explicitHits
  }
  CALL () {
    UNWIND $q.lookups AS key
    MATCH (n:${L.NameKey} {key: key})-[:${R.IDENTIFIES}]->(e:${L.Entity})
    USING INDEX SEEK n:${L.NameKey}(key)
    RETURN collect({key: key, id: e.id, name: e.name, nameOnly: coalesce(e.nameOnly, false)}) AS keyHits
  }
  CALL () {
    UNWIND $q.generated AS id
    MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
    RETURN collect(e.id) AS taken
  }
  CALL () {
    OPTIONAL MATCH (a:${L.Article} {id: $q.article})-[m:${R.MENTIONS}]->(e:${L.Entity}) USING INDEX SEEK a:${L.Article}(id)
    WITH m, e WHERE m IS NOT NULL
    RETURN collect({key: m.key, id: e.id}) AS previous
  }
  WITH before, forced, explicitIds, explicitHits, keyHits, taken, previous,
       CASE WHEN before = $q.hash THEN []
            ELSE COLLECT { UNWIND [h IN explicitHits | h.resolved] + [h IN keyHits | h.id] AS id RETURN DISTINCT id ORDER BY id }
       END AS named
  CALL (before, named) {
    UNWIND CASE WHEN before IS NULL THEN [] ELSE named END AS id
    MATCH (e:${L.Entity} {id: id}) USING INDEX SEEK e:${L.Entity}(id)
    SET e.locked = true
    REMOVE e.locked
    RETURN count(*) AS lockedEntities
  }
  CALL (before, named, explicitIds, explicitHits, taken) {
    ${DISTINCT_OF(`CASE WHEN before = $q.hash THEN [] ELSE named
       + [id IN explicitIds WHERE NOT id IN [h IN explicitHits | h.id]] + [id IN $q.generated WHERE NOT id IN taken] END`)}
    RETURN collect({entity: entity, alias: alias, other: other}) AS distinctRows
  }
  ${READ_DERIVATIONS('CASE WHEN before IS NULL THEN named ELSE [] END', 'before, named', { stored: true })}
  RETURN before, forced, explicitHits, keyHits, taken, previous, distinctRows, derivations`;
