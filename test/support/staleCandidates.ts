import type { Driver } from 'neo4j-driver';
import { candidatesOf } from '../../src/search';

/**
 * The stored duplicate candidates against what computing every entity's pairs afresh gives (`candidatesOf` over all
 * entities, read-only): pairs missing from the store, and stored ones that should not be there (or not so: another
 * score, reasons, type, or direction). Both empty: the incremental upkeep left exactly what a full computation gives.
 */
export async function staleCandidates(driver: Driver, database?: string): Promise<{ missing: string[]; extra: string[] }> {
  const session = driver.session({ database });
  try {
    const ids = (await session.run('MATCH (e:Entity) RETURN e.id AS id')).records.map((r) => r.get('id') as string);
    const fresh = await session.executeRead((tx) => candidatesOf(tx, ids));
    const stored = await session.run(
      'MATCH (a:Entity)-[d:DUPLICATE_CANDIDATE]->(b:Entity) RETURN a.id AS a, b.id AS b, d.score AS score, d.reasons AS reasons, d.type = a.type AND a.type = b.type AS typed',
    );
    const line = (p: { a: string; b: string; score: number; reasons: string[] }) => JSON.stringify([p.a, p.b, p.score, p.reasons]);
    const want = new Set(fresh.pairs.map(line));
    const have = stored.records.map((r) => (r.get('typed') ? line(r.toObject() as never) : `untyped ${line(r.toObject() as never)}`));
    const twice = have.filter((l, i) => have.indexOf(l) !== i).map((l) => `twice ${l}`);
    return { missing: [...want].filter((l) => !have.includes(l)).sort(), extra: [...have.filter((l) => !want.has(l)), ...twice].sort() };
  } finally {
    await session.close();
  }
}

export const NO_STALE_CANDIDATES = { missing: [], extra: [] };
