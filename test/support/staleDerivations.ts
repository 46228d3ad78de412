import type { Driver } from 'neo4j-driver';
import { type Derivations, readDerivations } from '../../src/ingest/deriveEntities';

/**
 * What re-deriving every entity from its mentions would change (`readDerivations`, which locks and reads,
 * and writes nothing): in a graph every write left consistent, nothing. Not empty when an entity's derived
 * properties, name keys or stored mention groups disagree with its mentions, or when it has none left.
 */
export async function staleDerivations(driver: Driver, database?: string): Promise<Derivations> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const ids = (await tx.run('MATCH (e:Entity) RETURN e.id AS id')).records.map((r) => r.get('id') as string);
      return readDerivations(tx, ids);
    });
  } finally {
    await session.close();
  }
}

export const NOTHING_STALE: Derivations = { derived: [], orphans: [], groups: [], renames: [] };
