import { RELATION_TYPE_NAMES } from '../model';

/**
 * A relation between two entities is one relationship, however many articles state it. Each supporting
 * article is one "claim", kept in aligned list properties (Neo4j properties cannot hold maps); the
 * relationship's own `since`, `until`, `attributes` and `evidence` are derived from the claims so that
 * removing an article's claim also removes what only that claim said. Derivation does not depend on the
 * order the articles were loaded in (earliest since, latest until, attributes of the greatest article id),
 * so serial and concurrent loads of the same articles give the same graph.
 */
export const CLAIM_LISTS = ['sourceArticles', 'sourceEvidence', 'sourceSince', 'sourceUntil', 'sourceAttributes'] as const;

/** `[:HOLDS_POSITION|PART_OF|…]`, from the model's allow-list. */
export const RELATION_PATTERN = RELATION_TYPE_NAMES.join('|');

/** Cypher that recomputes the derived properties of relationship `r` from its claim lists. */
export const DERIVE_RELATION = `
  WITH r, [x IN r.sourceSince WHERE x <> ''] AS sinces, [x IN r.sourceUntil WHERE x <> ''] AS untils,
       reduce(best = 0, i IN range(0, size(r.sourceArticles) - 1) |
         CASE WHEN r.sourceArticles[i] > r.sourceArticles[best] THEN i ELSE best END) AS latest
  SET r.since = reduce(m = null, x IN sinces | CASE WHEN m IS NULL OR x < m THEN x ELSE m END),
      r.until = reduce(m = null, x IN untils | CASE WHEN m IS NULL OR x > m THEN x ELSE m END),
      r.attributes = r.sourceAttributes[latest],
      r.evidence = [x IN r.sourceEvidence WHERE x <> '']`;
