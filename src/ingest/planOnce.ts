/**
 * `CYPHER replan=skip`: the statement keeps the plan it got first, whatever the statistics say later. For
 * the ingest's big statements, whose every node is found by a unique key (`USING INDEX SEEK` hints) or by
 * expanding from one, the plan does not depend on statistics; and replanning them, which Neo4j does each
 * time the counts it planned with have moved enough (every few seconds while a graph grows from empty),
 * costs up to a second each time. `test/ingest.plans.test.ts` checks their plans made on an empty graph.
 */
export const planOnce = (cypher: string): string => `CYPHER replan=skip ${cypher}`;
