import neo4j, { type Driver } from 'neo4j-driver';
import { tuneBoltSockets } from './boltSockets';

export interface Neo4jConnection {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
}

/**
 * One driver per process. `neo4j://` URIs route reads and writes across a cluster (or Aura); `bolt://`
 * talks to one server. Integers come back as JS numbers where they fit (`disableLosslessIntegers`):
 * every integer this graph stores is a count or a small value. Bolt sockets get TCP_NODELAY, and each tick's writes go out together (boltSockets.ts).
 */
/**
 * How long a failed transaction is retried (deadlocks, a leader switch, a lost connection) before the error
 * reaches the caller: write transactions (executeWrite.ts), the API's auto-commit reads (src/api/db/run.ts) and
 * the driver's own transaction functions use the same window. The driver's default 30 s would make every request
 * hang that long while Neo4j is down.
 */
export const TRANSACTION_RETRY_MS = 5_000;

export function createDriver(conn: Neo4jConnection): Driver {
  tuneBoltSockets();
  const auth = conn.username ? neo4j.auth.basic(conn.username, conn.password ?? '') : undefined;
  return neo4j.driver(conn.uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    maxTransactionRetryTime: TRANSACTION_RETRY_MS,
    userAgent: 'kg-graph/0.1',
  });
}
