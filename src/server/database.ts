/**
 * What the server knows about Neo4j: whether the schema (constraints, indexes) has been applied and
 * whether the database answered recently.
 *
 * - At start the schema is applied in the background, retried every `retryMs` until it succeeds, so the
 *   server starts (and serves /health) while Neo4j is still down and begins serving queries as soon as
 *   Neo4j comes up, without a restart.
 * - A connectivity error seen by a request (`markUnreachable`) opens a circuit: operations fail fast with
 *   SERVICE_UNAVAILABLE (no driver call, no connection timeout per request) while a background probe runs
 *   `RETURN 1` every `retryMs`; the first success closes it again.
 * - `/ready` runs its own probe (at most `probeTimeoutMs`) and reports 503 with a reason when the
 *   database does not answer or the schema is not applied yet.
 */
import { Neo4jError, type Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { applySchema as defaultApplySchema } from '../graph/applySchema';

export interface DatabaseMonitorOptions {
  driver: Driver;
  database?: string;
  logger: Logger;
  /** true when the caller already applied the schema (main.ts with the embedded Neo4j) */
  schemaApplied?: boolean;
  applySchema?: (driver: Driver, database?: string) => Promise<void>;
  /** delay between background attempts; default 3000 ms */
  retryMs?: number;
  /** how long /ready waits for `RETURN 1`; default 2000 ms */
  probeTimeoutMs?: number;
}

export type Availability = { ok: true } | { ok: false; reason: string };
const AVAILABLE: Availability = Object.freeze({ ok: true });

/**
 * The driver's own codes for a lost or refused connection, and Neo4j's for a database that is stopping or starting
 * (it answers DatabaseUnavailable to a transaction begun while it shuts down, after the driver's retries).
 */
const CONNECTIVITY_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Whether `error` (or anything in its originalError/cause chain) is a Neo4j connectivity failure. */
export function isConnectivityError(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 8 && e && typeof e === 'object'; i += 1) {
    const code = (e as { code?: unknown }).code;
    if ((e instanceof Neo4jError || typeof code === 'string') && CONNECTIVITY_CODES.has(code as string)) return true;
    e = (e as { originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export class DatabaseMonitor {
  private schemaAppliedFlag: boolean;
  /** undefined: not known yet */
  private reachableFlag: boolean | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  private probing: Promise<boolean> | undefined;
  private lastLogged: string | undefined;
  private readonly retryMs: number;
  private readonly probeTimeoutMs: number;
  private readonly applySchemaFn: (driver: Driver, database?: string) => Promise<void>;

  constructor(private readonly opts: DatabaseMonitorOptions) {
    this.schemaAppliedFlag = opts.schemaApplied === true;
    this.reachableFlag = opts.schemaApplied === true ? true : undefined;
    this.retryMs = opts.retryMs ?? 3000;
    this.probeTimeoutMs = opts.probeTimeoutMs ?? 2000;
    this.applySchemaFn = opts.applySchema ?? defaultApplySchema;
  }

  get schemaApplied(): boolean {
    return this.schemaAppliedFlag;
  }

  get reachable(): boolean | undefined {
    return this.reachableFlag;
  }

  /** Starts applying the schema in the background (when not applied yet). */
  start(): void {
    this.stopped = false;
    if (!this.schemaAppliedFlag) this.kick(0);
  }

  /** Whether operations may run now; when not, why (for SERVICE_UNAVAILABLE). */
  availability(): Availability {
    if (!this.schemaAppliedFlag) return { ok: false, reason: 'the database is not available yet (schema not applied); try again shortly' };
    if (this.reachableFlag === false) return { ok: false, reason: 'the database is not available; try again shortly' };
    return AVAILABLE;
  }

  /** A request hit a connectivity error: fail fast from now on until a background probe succeeds. */
  markUnreachable(error?: unknown): void {
    if (this.reachableFlag !== false) {
      this.opts.logger.warn({ err: error }, 'Neo4j is not reachable; failing requests fast until it answers again');
    }
    this.reachableFlag = false;
    this.kick(this.retryMs);
  }

  /** `RETURN 1` within probeTimeoutMs; updates `reachable`. Concurrent callers share one probe. */
  probe(): Promise<boolean> {
    if (!this.probing) {
      this.probing = this.runProbe().finally(() => {
        this.probing = undefined;
      });
    }
    return this.probing;
  }

  /** For /ready. */
  async readiness(): Promise<Availability> {
    const ok = await this.probe();
    if (!ok) return { ok: false, reason: 'database not reachable' };
    if (!this.schemaAppliedFlag) return { ok: false, reason: 'database schema not applied yet' };
    return { ok: true };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  // ---- internals

  private async runProbe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.probeTimeoutMs} ms`)), this.probeTimeoutMs);
    });
    try {
      // an auto-commit query, not executeQuery: the driver retries managed transactions on
      // ServiceUnavailable for up to 30 s, and a probe must fail fast
      const session = this.opts.driver.session({ database: this.opts.database });
      try {
        await Promise.race([session.run('RETURN 1', {}, { timeout: this.probeTimeoutMs }), timeout]);
      } finally {
        void session.close().catch(() => undefined);
      }
      if (this.reachableFlag === false) this.opts.logger.info('Neo4j answers again');
      this.reachableFlag = true;
      return true;
    } catch (error) {
      this.reachableFlag = false;
      this.logOnce('warn', error, 'Neo4j did not answer RETURN 1');
      this.kick(this.retryMs); // no-op while the background loop is running: it reschedules itself
      return false;
    } finally {
      clearTimeout(timer);
      timeout.catch(() => undefined);
    }
  }

  /** Schedules the background loop in `delayMs` unless it is already scheduled or running. */
  private kick(delayMs: number): void {
    if (this.stopped || this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tick();
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    this.running = true;
    let again = false;
    try {
      if (!this.schemaAppliedFlag) {
        try {
          await this.applySchemaFn(this.opts.driver, this.opts.database);
          this.schemaAppliedFlag = true;
          this.reachableFlag = true;
          this.lastLogged = undefined;
          this.opts.logger.info('Neo4j schema applied; the API is serving');
        } catch (error) {
          if (isConnectivityError(error)) this.reachableFlag = false;
          this.logOnce('warn', error, `applying the Neo4j schema failed; retrying every ${this.retryMs / 1000} s`);
          again = true;
        }
      } else if (this.reachableFlag === false) {
        again = !(await this.probe());
      }
    } finally {
      this.running = false;
    }
    if (again) this.kick(this.retryMs);
  }

  /** Logs a failure at `level` when its message differs from the last one logged, else at debug. */
  private logOnce(level: 'warn' | 'error', error: unknown, msg: string): void {
    const text = error instanceof Error ? error.message : String(error);
    if (text !== this.lastLogged) {
      this.lastLogged = text;
      this.opts.logger[level]({ err: error }, msg);
    } else {
      this.opts.logger.debug({ err: error }, msg);
    }
  }
}
