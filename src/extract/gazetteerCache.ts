/**
 * The graph's gazetteer kept per process: reading and indexing every entity costs seconds on a large graph, so a
 * request reads it again only when the database has committed a write since. The database's last committed
 * transaction is what the bookmark of an empty read transaction names (Neo4j Community does not report
 * `lastCommittedTxn` in SHOW DATABASES): any write moves it, so an ingest, a merge, a split or a deleted article is
 * seen by the next request; a write that changed no name only costs one read too many.
 */
import type { Driver } from 'neo4j-driver';
import { Gazetteer, loadGazetteer } from './gazetteer';

interface Cached {
  stamp: string;
  gazetteer: Promise<Gazetteer>;
}

const byDriver = new WeakMap<Driver, Map<string, Cached>>();

/** The database's last committed transaction, as a bookmark, or null when the server gives none (then nothing is cached). */
export async function graphStamp(driver: Driver, database?: string): Promise<string | null> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    await session.executeRead((tx) => tx.run('RETURN 1'));
    const marks = session.lastBookmarks();
    return marks.length > 0 ? `${database ?? ''}@${[...marks].sort().join(',')}` : null;
  } finally {
    await session.close();
  }
}

/**
 * The gazetteer of the graph as it is now: the one read before when no write was committed since, else read anew.
 * Requests that ask at the same time for the same state share one read.
 */
export async function currentGazetteer(driver: Driver, database?: string): Promise<Gazetteer> {
  const stamp = await graphStamp(driver, database);
  if (stamp === null) return loadGazetteer(driver, database);
  let perDatabase = byDriver.get(driver);
  if (!perDatabase) byDriver.set(driver, (perDatabase = new Map()));
  const key = database ?? '';
  const cached = perDatabase.get(key);
  if (cached && cached.stamp === stamp) return cached.gazetteer;
  // the stamp is read before the entities: a write committed in between makes the next request read again
  const entry: Cached = { stamp, gazetteer: loadGazetteer(driver, database) };
  perDatabase.set(key, entry);
  entry.gazetteer.catch(() => {
    if (perDatabase.get(key) === entry) perDatabase.delete(key);
  });
  return entry.gazetteer;
}
