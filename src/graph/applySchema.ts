import type { Driver, Session } from 'neo4j-driver';
import { ensureCandidates, ensureSearchKeys } from '../search';
import { schemaStatements } from './schemaStatements';

/**
 * Applies the schema (idempotent) and waits until every index is online, so that the first query after
 * start-up does not race a populating full-text index. Entities written before search keys existed get them, and a
 * graph written before duplicate candidates were stored gets those.
 * Only the constraints and indexes missing by name are created: a schema statement waits for every open write
 * transaction on its label, so a start-up beside a long load (another `kg ingest`, the server) would otherwise
 * wait for that load's transaction in flight.
 */
export async function applySchema(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    const existing = await existingSchemaNames(session);
    for (const statement of schemaStatements()) {
      if (!existing.has(schemaName(statement))) await session.run(statement);
    }
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
  await ensureSearchKeys(driver, database);
  await ensureCandidates(driver, database);
}

/** The names of the constraints and indexes in the database. */
async function existingSchemaNames(session: Session): Promise<Set<string>> {
  const names = new Set<string>();
  for (const show of ['SHOW CONSTRAINTS YIELD name', 'SHOW INDEXES YIELD name']) {
    for (const record of (await session.run(show)).records) names.add(record.get('name') as string);
  }
  return names;
}

/** The name a schema statement gives its constraint or index (every one of `schemaStatements` names its own). */
export function schemaName(statement: string): string {
  const name = /^CREATE (?:[A-Z]+ )*?(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS/.exec(statement)?.[1];
  if (name === undefined) throw new Error(`schema statement without a name: ${statement}`);
  return name;
}
