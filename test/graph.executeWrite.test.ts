/**
 * Scenarios for src/graph/executeWrite.ts, the product's one way to write: a write transaction whose BEGIN
 * goes out with its first statement.
 */
import * as net from 'net';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { applySchema, executeWrite } from '../src/graph';
import { tuneBoltSockets } from '../src/graph/boltSockets';
import { testDatabase, testNeo4jConfig, useTestDatabase } from './support/db';

const driver = useTestDatabase();
const database = testDatabase();

async function markers(): Promise<string[]> {
  const result = await driver().executeQuery('MATCH (m:TxMarker) RETURN m.name AS name ORDER BY name', {}, { database });
  return result.records.map((r) => r.get('name') as string);
}

describe('executeWrite', () => {
  it('when the work succeeds, then what it wrote is committed and its result returned', async () => {
    const out = await executeWrite(driver(), async (tx) => {
      await tx.run('CREATE (:TxMarker {name: $name})', { name: 'a' });
      const r = await tx.run('CREATE (:TxMarker {name: $name}) RETURN 2 AS two', { name: 'b' });
      return r.records[0].get('two') as number;
    }, { database });
    expect(out).toBe(2);
    expect(await markers()).toEqual(['a', 'b']);
  });

  it('when the work throws after writing, then nothing it wrote is left and the error is the work\'s own', async () => {
    const failure = new Error('the document was rejected');
    const error = await executeWrite(driver(), async (tx) => {
      await tx.run('CREATE (:TxMarker {name: $name})', { name: 'written before the failure' });
      throw failure;
    }, { database }).catch((e: unknown) => e);
    expect(error).toBe(failure);
    expect(await markers()).toEqual([]);
  });

  it('when a statement fails in Neo4j, then the transaction is rolled back and the error carries its code, not retried', async () => {
    let attempts = 0;
    const error = await executeWrite(driver(), async (tx) => {
      attempts += 1;
      await tx.run('CREATE (:TxMarker {name: $name})', { name: 'first' });
      await tx.run('RETURN 1 / toInteger($zero)', { zero: 0 });
    }, { database }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Neo4jError);
    expect((error as Neo4jError).code).toBe('Neo.ClientError.Statement.ArithmeticError');
    expect(attempts).toBe(1);
    expect(await markers()).toEqual([]);
  });

  it('when the commit itself is refused (a unique id created twice), then that error is thrown and nothing is written', async () => {
    await applySchema(driver(), database);
    const error = await executeWrite(driver(), async (tx) => {
      await tx.run('CREATE (:TxMarker {name: $name})', { name: 'with the duplicates' });
      await tx.run('CREATE (:Entity {id: $id}) CREATE (:Entity {id: $id})', { id: 'twice' });
    }, { database }).catch((e: unknown) => e);
    expect((error as Neo4jError).code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
    expect(await markers()).toEqual([]);
    const entities = await driver().executeQuery('MATCH (e:Entity {id: $id}) RETURN count(e) AS n', { id: 'twice' }, { database });
    expect(entities.records[0].get('n')).toBe(0);
  });

  it('when an attempt fails transiently (a deadlock), then it is rolled back and the work runs again, within the retry window', async () => {
    let attempts = 0;
    await executeWrite(driver(), async (tx) => {
      attempts += 1;
      await tx.run('CREATE (:TxMarker {name: $name})', { name: `attempt ${attempts}` });
      if (attempts === 1) throw new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', 'gql', 'desc');
    }, { database, retryMs: 10_000 });
    expect(attempts).toBe(2);
    expect(await markers()).toEqual(['attempt 2']);

    // no window left: the transient error reaches the caller after one attempt
    attempts = 0;
    const error = await executeWrite(driver(), async () => {
      attempts += 1;
      throw new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', 'gql', 'desc');
    }, { database, retryMs: 0 }).catch((e: unknown) => e);
    expect(neo4j.isRetriableError(error as Error)).toBe(true);
    expect(attempts).toBe(1);
  });

  it('when the server times the transaction out, then the error says so and nothing is written', async () => {
    const error = await executeWrite(driver(), async (tx) => {
      await tx.run('CREATE (:TxMarker {name: $name})', { name: 'slow' });
      await tx.run('UNWIND range(1, 100000000) AS i WITH i WHERE i < 0 RETURN count(*)');
    }, { database, timeoutMs: 200 }).catch((e: unknown) => e);
    expect((error as Neo4jError).code).toMatch(/^Neo\.ClientError\.Transaction\.TransactionTimedOut/);
    expect(await markers()).toEqual([]);
  });

  it('costs one round trip fewer than the driver\'s session.executeWrite: BEGIN leaves with the first statement', async () => {
    // each round trip is one system write (the product's Bolt sockets send a tick's messages together)
    const sock = net.Socket.prototype as unknown as { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void };
    const single = jest.spyOn(sock, '_write');
    const vector = jest.spyOn(sock, '_writev');
    // one connection, so that every transaction below reuses it (a second one, opened while the first is still
    // being returned to the pool, would add its handshake), and only its socket's writes are counted (not, say,
    // the shared test driver still resetting the connection of the timed-out transaction above)
    tuneBoltSockets();
    const cfg = testNeo4jConfig();
    const own = neo4j.driver(cfg.uri, cfg.username ? neo4j.auth.basic(cfg.username, cfg.password ?? '') : undefined, {
      maxConnectionPoolSize: 1,
    });
    const sockets = () => [...single.mock.contexts, ...vector.mock.contexts];
    let ownSocket: unknown;
    const writes = async (run: () => Promise<unknown>) => {
      const before = sockets().length;
      await run();
      return sockets().slice(before).filter((socket) => socket === ownSocket).length;
    };
    const work = async (tx: { run: (q: string, p: Record<string, unknown>) => PromiseLike<unknown> }) => {
      await tx.run('CREATE (:TxMarker {name: $name})', { name: 'one' });
      await tx.run('CREATE (:TxMarker {name: $name})', { name: 'two' });
    };
    try {
      const connect = jest.spyOn(net.Socket.prototype, 'connect');
      try {
        await own.verifyConnectivity({ database });
        // the pool's one connection: the only socket connected meanwhile
        expect(connect.mock.contexts).toHaveLength(1);
        ownSocket = connect.mock.contexts[0];
      } finally {
        connect.mockRestore();
      }
      const ours = await writes(() => executeWrite(own, work, { database }));
      const theirs = await writes(async () => {
        const session = own.session({ database, defaultAccessMode: neo4j.session.WRITE });
        try {
          await session.executeWrite(work);
        } finally {
          await session.close();
        }
      });
      // BEGIN + first statement, second statement, COMMIT; the driver's: BEGIN, then the same three
      expect(ours).toBe(3);
      expect(theirs).toBe(4);
      expect(await markers()).toEqual(['one', 'one', 'two', 'two']);
    } finally {
      single.mockRestore();
      vector.mockRestore();
      await own.close();
    }
  });
});
