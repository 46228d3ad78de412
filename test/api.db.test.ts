/**
 * src/api/db/run.ts, the one way the API talks to Neo4j: counted round trips, read transactions on the
 * configured database, and driver failures turned into the API's error codes.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { createContext } from '../src/api';
import { mapDriverError, readQuery, writeTransaction } from '../src/api/db/run';
import { closeTestDriver, testDatabase, testDriver } from './support/db';
import { codes, exec } from './api.harness';

afterAll(() => closeTestDriver());

describe('readQuery and writeTransaction', () => {
  it('count one round trip per call and return plain values (numbers, ISO dates)', async () => {
    const ctx = createContext({ driver: testDriver(), database: testDatabase(), transactionTimeoutMs: 10_000 }, 'reader');
    const rows = await readQuery(
      ctx,
      'RETURN $n + 1 AS n, date($d) AS d, [1, 2] AS list, {a: 1} AS map, [{x: [{y: 2, t: date($d), z: null}], s: "s"}] AS deep, null AS nothing',
      { n: 41, d: '2023-06-21' },
    );
    expect(rows).toEqual([{ n: 42, d: '2023-06-21', list: [1, 2], map: { a: 1 }, deep: [{ x: [{ y: 2, t: '2023-06-21', z: null }], s: 's' }], nothing: null }]);
    // and nothing anywhere is still a driver value (an Integer is an object with low and high)
    const driverValues = (v: unknown): number =>
      v === null || typeof v !== 'object'
        ? 0
        : (Array.isArray(v) ? 0 : Object.getPrototypeOf(v) === Object.prototype ? 0 : 1) + Object.values(v).reduce((n: number, x) => n + driverValues(x), 0);
    expect(driverValues(rows)).toBe(0);
    await writeTransaction(ctx, async (tx) => {
      await tx.run('RETURN 1');
      await tx.run('RETURN 2');
    });
    expect(ctx.stats.roundTrips).toBe(2);
  });

  it('refuse to write in a read transaction', async () => {
    const ctx = createContext({ driver: testDriver(), database: testDatabase(), transactionTimeoutMs: 10_000 }, 'reader');
    await expect(readQuery(ctx, "CREATE (:ApiDbProbe {name: 'x'})")).rejects.toThrow(/write|read/i);
  });

  it('turn a transaction that outlives the per-request timeout into DATABASE_TIMEOUT, not a query too complex', async () => {
    const ctx = createContext({ driver: testDriver(), database: testDatabase(), transactionTimeoutMs: 200 }, 'reader');
    const error = await readQuery(ctx, 'UNWIND range(1, 500000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS c').catch((e: unknown) => e);
    expect((error as { extensions?: { code?: string } }).extensions?.code).toBe('DATABASE_TIMEOUT');
  }, 30_000);

  it('leave other driver errors, including authentication failures, for the server to mask', () => {
    const error = (message: string, code: string) => new neo4j.Neo4jError(message, code, '50N42', 'error');
    const auth = error('unauthorized', 'Neo.ClientError.Security.Unauthorized');
    const syntax = error('bad', 'Neo.ClientError.Statement.SyntaxError');
    expect(mapDriverError(auth)).toBe(auth);
    expect(mapDriverError(syntax)).toBe(syntax);
    expect((mapDriverError(error('gone', neo4j.error.SESSION_EXPIRED)) as any).extensions.code).toBe('SERVICE_UNAVAILABLE');
  });
});

describe('a database that cannot be reached', () => {
  it('answers SERVICE_UNAVAILABLE, not an internal error', async () => {
    const driver = neo4j.driver('bolt://127.0.0.1:1', undefined, { maxTransactionRetryTime: 0, connectionTimeout: 2_000 });
    try {
      const ctx = createContext({ driver, transactionTimeoutMs: 5_000, readRetryMs: 0 }, 'reader');
      const result = await exec(`{ node(id: "person:jin-feng") { id } }`, undefined, 'reader', ctx);
      expect(codes(result)).toEqual([{ code: 'SERVICE_UNAVAILABLE' }]);
      expect(result.ctx.stats.roundTrips).toBe(1);
    } finally {
      await driver.close();
    }
  });
});

/**
 * A driver whose sessions fail their first `failures` statements with `error` before reaching Neo4j, and
 * otherwise are the real test driver's: a lost connection, injected where a real one would surface.
 */
function failingFirst(failures: number, error: Error): { driver: Driver; sessions: () => number } {
  const real = testDriver();
  let left = failures;
  let opened = 0;
  const driver = Object.create(real) as Driver;
  driver.session = ((config: Parameters<Driver['session']>[0]) => {
    opened += 1;
    const session = real.session(config);
    const run = session.run.bind(session);
    session.run = ((...args: Parameters<typeof run>) => {
      if (left > 0) {
        left -= 1;
        return Promise.reject(error) as unknown as ReturnType<typeof run>;
      }
      return run(...args);
    }) as typeof session.run;
    return session;
  }) as Driver['session'];
  return { driver, sessions: () => opened };
}

describe('when a read fails on the way to Neo4j', () => {
  const lost = () => new neo4j.Neo4jError('connection lost', neo4j.error.SERVICE_UNAVAILABLE, '08000', 'error');

  it('then a transient failure is retried in a new session, counted as one round trip, and answers', async () => {
    const { driver, sessions } = failingFirst(2, lost());
    const ctx = createContext({ driver, database: testDatabase(), transactionTimeoutMs: 10_000, readRetryMs: 5_000 }, 'reader');
    await expect(readQuery(ctx, 'RETURN 7 AS n')).resolves.toEqual([{ n: 7 }]);
    expect(sessions()).toBe(3);
    expect(ctx.stats.roundTrips).toBe(1);
  });

  it('then a failure that lasts beyond the retry window becomes SERVICE_UNAVAILABLE', async () => {
    const { driver, sessions } = failingFirst(1_000, lost());
    const ctx = createContext({ driver, database: testDatabase(), transactionTimeoutMs: 10_000, readRetryMs: 400 }, 'reader');
    const error = await readQuery(ctx, 'RETURN 1 AS n').catch((e: unknown) => e);
    expect((error as { extensions?: { code?: string } }).extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(sessions()).toBeGreaterThan(1);
    expect(sessions()).toBeLessThan(10);
  });

  it('then an error of the statement itself is not retried', async () => {
    const { driver, sessions } = failingFirst(0, lost());
    const ctx = createContext({ driver, database: testDatabase(), transactionTimeoutMs: 10_000, readRetryMs: 5_000 }, 'reader');
    await expect(readQuery(ctx, 'RETURN nosuchfunction(1) AS n')).rejects.toThrow(/nosuchfunction|Unknown function/i);
    expect(sessions()).toBe(1);
  });
});
