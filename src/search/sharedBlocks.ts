import { GRAPH_LABELS, GRAPH_RELATIONSHIPS } from '../model';

/**
 * After entities left the blocking key `k` (distinct rows): a key blocking one entity is no longer shared, one
 * blocking none is deleted. With `BLOCK_JOINED`, a key is a `SharedBlock` exactly when it blocks two entities or
 * more, so that duplicate candidates are read from the shared blocks only. Joining locks the key (MERGE of the
 * relationship), so two loads adding the second entity of a block see each other's.
 */
export const BLOCK_LEFT = (k: string): string => `
    WITH ${k}, COUNT { (${k})-[:${GRAPH_RELATIONSHIPS.BLOCKS}]->() } AS members
    FOREACH (_ IN CASE WHEN members < 2 AND ${k}:${GRAPH_LABELS.SharedBlock} THEN [1] ELSE [] END | REMOVE ${k}:${GRAPH_LABELS.SharedBlock})
    WITH ${k}, members WHERE members = 0
    DELETE ${k}`;

/** After entities joined the blocking key `k` (distinct rows): shared when it blocks two or more (`BLOCK_LEFT`). */
export const BLOCK_JOINED = (k: string): string => `
    WITH ${k}, COUNT { (${k})-[:${GRAPH_RELATIONSHIPS.BLOCKS}]->() } > 1 AS shared
    FOREACH (_ IN CASE WHEN shared AND NOT ${k}:${GRAPH_LABELS.SharedBlock} THEN [1] ELSE [] END | SET ${k}:${GRAPH_LABELS.SharedBlock})
    FOREACH (_ IN CASE WHEN NOT shared AND ${k}:${GRAPH_LABELS.SharedBlock} THEN [1] ELSE [] END | REMOVE ${k}:${GRAPH_LABELS.SharedBlock})`;
