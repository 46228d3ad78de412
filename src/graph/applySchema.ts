import type { Driver } from 'neo4j-driver';
import { ensureSearchKeys } from '../search';
import { schemaStatements } from './schemaStatements';

/**
 * Applies the schema (idempotent) and waits until every index is online, so that the first query after
 * start-up does not race a populating full-text index. Entities written before search keys existed get them.
 */
export async function applySchema(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const statement of schemaStatements()) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
  await ensureSearchKeys(driver, database);
}
