import neo4j, { type Driver } from 'neo4j-driver';
import { enableTcpNoDelay } from './tcpNoDelay';

export interface Neo4jConnection {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
}

/**
 * One driver per process. `neo4j://` URIs route reads and writes across a cluster (or Aura); `bolt://`
 * talks to one server. Integers come back as JS numbers where they fit (`disableLosslessIntegers`):
 * every integer this graph stores is a count or a small value. Bolt sockets get TCP_NODELAY (tcpNoDelay.ts).
 */
export function createDriver(conn: Neo4jConnection): Driver {
  enableTcpNoDelay();
  const auth = conn.username ? neo4j.auth.basic(conn.username, conn.password ?? '') : undefined;
  return neo4j.driver(conn.uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    // Transaction functions retry transient failures (deadlocks, a leader switch) for this long; the
    // default 30 s would make every request hang that long while Neo4j is down.
    maxTransactionRetryTime: 5_000,
    userAgent: 'kg-graph/0.1',
  });
}
