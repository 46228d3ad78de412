import { GRAPH_LABELS, GRAPH_RELATIONSHIPS } from '../model';

/**
 * The most entities a blocking key may block and still be compared pairwise: a key shared by more (a common short
 * personal name at size M, 王伟) would make every load of one of them compare it with all the others and fill the
 * review queue with pairs that only share that name. Such a block is an `OversizedBlock`: its pairs are left out of
 * the candidates (pairs another, smaller block also gives stay) and `duplicates` lists it as skipped.
 */
export const BLOCK_CAP = 50;

const { SharedBlock, OversizedBlock, CapCrossed } = GRAPH_LABELS;

/**
 * After the members of key `k` changed (`members`: how many it blocks now): `SharedBlock` exactly while it blocks two
 * or more, `OversizedBlock` exactly while it blocks more than `BLOCK_CAP` (the cap is a constant of the code, not a
 * value from a request), and `CapCrossed` when it went over the cap or back, so that the transaction's
 * `refreshCandidates` recomputes the candidates of all its members.
 */
const LABEL_BY_MEMBERS = (k: string): string => `
    FOREACH (_ IN CASE WHEN members > 1 AND NOT ${k}:${SharedBlock} THEN [1] ELSE [] END | SET ${k}:${SharedBlock})
    FOREACH (_ IN CASE WHEN members < 2 AND ${k}:${SharedBlock} THEN [1] ELSE [] END | REMOVE ${k}:${SharedBlock})
    FOREACH (_ IN CASE WHEN members > ${BLOCK_CAP} AND NOT ${k}:${OversizedBlock} THEN [1] ELSE [] END | SET ${k}:${OversizedBlock}:${CapCrossed})
    FOREACH (_ IN CASE WHEN members <= ${BLOCK_CAP} AND ${k}:${OversizedBlock} THEN [1] ELSE [] END | REMOVE ${k}:${OversizedBlock} SET ${k}:${CapCrossed})`;

/**
 * After entities left the blocking key `k` (distinct rows): a key blocking one entity is no longer shared, one
 * blocking none is deleted. With `BLOCK_JOINED`, a key is a `SharedBlock` exactly when it blocks two entities or
 * more, so that duplicate candidates are read from the shared blocks only. Joining locks the key (MERGE of the
 * relationship), so two loads adding the second entity of a block see each other's.
 */
export const BLOCK_LEFT = (k: string): string => `
    WITH ${k}, COUNT { (${k})-[:${GRAPH_RELATIONSHIPS.BLOCKS}]->() } AS members
    ${LABEL_BY_MEMBERS(k)}
    WITH ${k}, members WHERE members = 0
    DELETE ${k}`;

/** After entities joined the blocking key `k` (distinct rows): shared when it blocks two or more (`BLOCK_LEFT`). */
export const BLOCK_JOINED = (k: string): string => `
    WITH ${k}, COUNT { (${k})-[:${GRAPH_RELATIONSHIPS.BLOCKS}]->() } AS members
    ${LABEL_BY_MEMBERS(k)}`;
