/**
 * A driver that counts Cypher statements sent to Neo4j (round trips): `session.run`, `tx.run` inside
 * `executeRead`/`executeWrite` and explicit transactions, and `driver.executeQuery`. Each arm of the query
 * benchmark runs on one of these, so round trips per request are counted the same way for all three.
 */
import type { Driver, ManagedTransaction, Session, Transaction } from 'neo4j-driver';

export interface StatementCounter {
  statements: number;
  /** when present: milliseconds and count per statement (keyed by its first words), to find the costly steps */
  timings?: Map<string, { count: number; ms: number }>;
  /** when present: every statement sent inside a transaction or as `session.run`, with its parameters, in order */
  sent?: Array<{ cypher: string; parameters: Record<string, unknown> }>;
}

const labelOf = (cypher: unknown) => String(cypher).replace(/\s+/g, ' ').trim().slice(0, 90);

function record(counter: StatementCounter, cypher: unknown, parameters: unknown, result: unknown): unknown {
  counter.sent?.push({ cypher: String(cypher), parameters: (parameters ?? {}) as Record<string, unknown> });
  const timings = counter.timings;
  if (!timings || !result || typeof (result as PromiseLike<unknown>).then !== 'function') return result;
  const started = process.hrtime.bigint();
  const done = () => {
    const key = labelOf(cypher);
    const t = timings.get(key) ?? { count: 0, ms: 0 };
    t.count += 1;
    t.ms += Number(process.hrtime.bigint() - started) / 1e6;
    timings.set(key, t);
  };
  (result as PromiseLike<unknown>).then(done, done);
  return result;
}

function countRun<T extends object>(target: T, counter: StatementCounter): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver);
      if (prop === 'run' && typeof v === 'function') {
        return (...args: unknown[]) => {
          counter.statements += 1;
          return record(counter, args[0], args[1], (v as (...a: unknown[]) => unknown).apply(t, args));
        };
      }
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
}

function countingSession(session: Session, counter: StatementCounter): Session {
  return new Proxy(session, {
    get(s, prop, receiver) {
      const v = Reflect.get(s, prop, receiver);
      if (typeof v !== 'function') return v;
      if (prop === 'run') {
        return (...args: unknown[]) => {
          counter.statements += 1;
          return record(counter, args[0], args[1], (v as (...a: unknown[]) => unknown).apply(s, args));
        };
      }
      if (prop === 'executeRead' || prop === 'executeWrite' || prop === 'readTransaction' || prop === 'writeTransaction') {
        return (work: (tx: ManagedTransaction) => unknown, ...rest: unknown[]) =>
          (v as (...a: unknown[]) => unknown).apply(s, [(tx: ManagedTransaction) => work(countRun(tx, counter)), ...rest]);
      }
      if (prop === 'beginTransaction') {
        return (...args: unknown[]) => countRun((v as (...a: unknown[]) => Transaction).apply(s, args), counter);
      }
      return v.bind(s);
    },
  });
}

export function countingDriver(driver: Driver, counter: StatementCounter): Driver {
  return new Proxy(driver, {
    get(d, prop, receiver) {
      const v = Reflect.get(d, prop, receiver);
      if (typeof v !== 'function') return v;
      if (prop === 'session') return (...args: unknown[]) => countingSession((v as (...a: unknown[]) => Session).apply(d, args), counter);
      if (prop === 'executeQuery') {
        return (...args: unknown[]) => {
          counter.statements += 1;
          return (v as (...a: unknown[]) => unknown).apply(d, args);
        };
      }
      return v.bind(d);
    },
  });
}
