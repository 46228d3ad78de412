import type { Driver, Result } from 'neo4j-driver';
import { createContext } from '../../src/api';
import { run } from '../api.harness';
import { testDatabase, testDriver } from './db';

/** How a statement is sent: by a session (auto-commit, the API's reads) or by a transaction. */
export type RunStatement = (text: string, params?: object) => Result;

/**
 * The test driver, with every statement its sessions send (auto-commit, in a read transaction function, or
 * in an explicit transaction: the ingester's `executeWrite`) passed through `wrap`: to record it, PROFILE it,
 * alter it, …
 */
export function wrappingDriver(wrap: (run: RunStatement) => RunStatement): Driver {
  const driver = testDriver();
  return new Proxy(driver, {
    get(target, prop) {
      if (prop !== 'session') return Reflect.get(target, prop, target);
      return (config: object) => {
        const session = target.session(config);
        const run = session.run.bind(session);
        session.run = ((text: string, params?: object, txConfig?: object) =>
          wrap((t, p) => run(t, p, txConfig))(text, params)) as typeof session.run;
        const executeRead = session.executeRead.bind(session);
        session.executeRead = ((work: (tx: unknown) => unknown, txConfig?: object) =>
          executeRead((tx) => work(new Proxy(tx, {
            get: (t, p) => (p === 'run' ? wrap(t.run.bind(t)) : Reflect.get(t, p, t)),
          })), txConfig)) as typeof session.executeRead;
        const beginTransaction = session.beginTransaction.bind(session);
        session.beginTransaction = ((txConfig?: object) => {
          const tx = beginTransaction(txConfig);
          tx.run = wrap(tx.run.bind(tx)) as typeof tx.run;
          return tx;
        }) as typeof session.beginTransaction;
        return session;
      };
    },
  });
}

/** A driver whose sessions record the text of every statement they send. */
export function recordingDriver(statements: string[]): Driver {
  return wrappingDriver((run) => (text, params) => {
    statements.push(text);
    return run(text, params);
  });
}

/** Runs one operation as a reader; returns the text of every statement it sent. */
export async function statementsOf(source: string): Promise<string[]> {
  const statements: string[] = [];
  const ctx = createContext({ driver: recordingDriver(statements), database: testDatabase(), transactionTimeoutMs: 20_000 }, 'reader');
  const result = await run(source, ctx);
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors.map((e) => e.message))}`);
  // every round trip recorded, or a test asserting what was NOT sent would pass on a recording that missed it
  if (statements.length !== ctx.stats.roundTrips) throw new Error(`recorded ${statements.length} statements for ${ctx.stats.roundTrips} round trips`);
  return statements;
}

/** events and entities count with count(); search takes the size of the list of every hit */
