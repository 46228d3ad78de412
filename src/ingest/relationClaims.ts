import { RELATION_TYPE_NAMES } from '../model';

/**
 * A relation between two entities is one relationship, however many articles state it. Each supporting
 * article is one "claim", kept in aligned list properties (Neo4j properties cannot hold maps); the
 * relationship's own `since`, `until`, `attributes` and `evidence` are derived from the claims so that
 * removing an article's claim also removes what only that claim said. Derivation does not depend on the
 * order the articles were loaded in (claims kept in article-id order, earliest since, latest until,
 * attributes of the greatest article id), so serial and concurrent loads of the same articles give the
 * same graph.
 */
export const CLAIM_LISTS = ['sourceArticles', 'sourceEvidence', 'sourceSince', 'sourceUntil', 'sourceAttributes'] as const;

/** `[:HOLDS_POSITION|PART_OF|…]`, from the model's allow-list. */
export const RELATION_PATTERN = RELATION_TYPE_NAMES.join('|');

/**
 * Cypher that puts the claims of relationship `r` in article-id order (all aligned lists moved together;
 * ties, which only a merge of two entities can make, broken by the other lists), so that the claim lists
 * and the `evidence` derived from them do not depend on the order in which articles were loaded.
 */
const SORT_CLAIMS = `
  WITH r
  CALL (r) {
    UNWIND range(0, size(r.sourceArticles) - 1) AS i
    WITH r, i ORDER BY ${CLAIM_LISTS.map((l) => `r.${l}[i]`).join(', ')}, i
    RETURN collect(i) AS claimOrder
  }
  SET ${CLAIM_LISTS.map((l) => `r.${l} = [i IN claimOrder | r.${l}[i]]`).join(', ')}`;

/** Cypher that sorts the claims of relationship `r` and recomputes its derived properties from them. */
export const DERIVE_RELATION = `${SORT_CLAIMS}
  WITH r, [x IN r.sourceSince WHERE x <> ''] AS sinces, [x IN r.sourceUntil WHERE x <> ''] AS untils,
       reduce(best = 0, i IN range(0, size(r.sourceArticles) - 1) |
         CASE WHEN r.sourceArticles[i] > r.sourceArticles[best] THEN i ELSE best END) AS latest
  SET r.since = reduce(m = null, x IN sinces | CASE WHEN m IS NULL OR x < m THEN x ELSE m END),
      r.until = reduce(m = null, x IN untils | CASE WHEN m IS NULL OR x > m THEN x ELSE m END),
      r.attributes = r.sourceAttributes[latest],
      r.evidence = [x IN r.sourceEvidence WHERE x <> '']`;
