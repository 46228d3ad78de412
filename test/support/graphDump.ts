import type { Driver } from 'neo4j-driver';

/**
 * The whole graph as canonical text: every node (labels, properties) and relationship (type, ends,
 * properties), each identified by its `id`/`key` property rather than Neo4j's internal ids, sorted.
 * Two graphs are the same graph exactly when their dumps are equal; `loadedAt` timestamps are left out.
 */
export async function graphDump(driver: Driver, database?: string): Promise<string> {
  const nodes = await driver.executeQuery(
    `MATCH (n)
     RETURN labels(n) AS labels, properties(n) AS props`,
    {},
    { database },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, coalesce(a.id, a.key) AS from, coalesce(b.id, b.key) AS to, properties(r) AS props`,
    {},
    { database },
  );
  const canon = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canon);
    if (value && typeof value === 'object' && value.constructor === Object) {
      return Object.fromEntries(
        Object.keys(value)
          .filter((k) => k !== 'loadedAt')
          .sort()
          .map((k) => [k, canon((value as Record<string, unknown>)[k])]),
      );
    }
    return value && typeof value === 'object' ? String(value) : value;
  };
  const lines = [
    ...nodes.records.map((r) => `N ${JSON.stringify([[...r.get('labels')].sort(), canon(r.get('props'))])}`),
    ...rels.records.map((r) => `R ${JSON.stringify([r.get('type'), r.get('from'), r.get('to'), canon(r.get('props'))])}`),
  ];
  return lines.sort().join('\n');
}

export async function countsByLabel(driver: Driver, database?: string): Promise<Record<string, number>> {
  const res = await driver.executeQuery(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label',
    {},
    { database },
  );
  return Object.fromEntries(res.records.map((r) => [r.get('label'), Number(r.get('n'))]));
}
