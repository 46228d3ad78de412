import type { EmbeddedExit, EmbeddedNeo4j } from './embedded';

/** What a supervisor reports; shaped after pino's `(object, message)` so the server's logger fits. */
export interface SupervisorLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SupervisorOptions {
  /** the Neo4j already started and ready */
  first: EmbeddedNeo4j;
  /** starts it again, on the same store and port (so the driver finds it where it was) */
  restart: () => Promise<EmbeddedNeo4j>;
  log: SupervisorLog;
  /** restarts in a row that may fail (a start that fails, or a Neo4j that dies before `stableMs`) before giving up; default 5 */
  maxRestarts?: number;
  /** wait before the n-th restart in a row (1-based); default 1 s doubling up to 30 s */
  backoffMs?: (attempt: number) => number;
  /** a Neo4j up this long has recovered: the count of restarts in a row starts again; default 60 s */
  stableMs?: number;
  /** Neo4j has died (for the server: fail requests fast instead of waiting on the driver) */
  onExit?: (exit: EmbeddedExit) => void;
}

export type SupervisedState = 'running' | 'restarting' | 'failed' | 'stopped';

const defaultBackoff = (attempt: number): number => Math.min(1000 * 2 ** (attempt - 1), 30_000);

/**
 * Keeps the embedded Neo4j running under `npm start`: when it exits without `stop()` (a crash, an OOM kill,
 * kill -9), the exit is logged with its code or signal and the last lines of its output, and it is started
 * again with backoff; Neo4j recovers its own store on start. After `maxRestarts` failed restarts in a row
 * it gives up: `health()` then says why, and the server's /health fails, so that a process supervisor
 * (systemd, Docker, Kubernetes) restarts the whole process.
 */
export class SupervisedNeo4j {
  private current: EmbeddedNeo4j;
  private stateValue: SupervisedState = 'running';
  private failure: string | undefined;
  private attempts = 0;
  private upSince = Date.now();
  private wakeUp: (() => void) | undefined;
  private readonly maxRestarts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly stableMs: number;
  /** the watch loop; settles once stopped or given up */
  readonly done: Promise<void>;

  constructor(private readonly opts: SupervisorOptions) {
    this.current = opts.first;
    this.maxRestarts = opts.maxRestarts ?? 5;
    this.backoffMs = opts.backoffMs ?? defaultBackoff;
    this.stableMs = opts.stableMs ?? 60_000;
    this.done = this.watch();
  }

  get state(): SupervisedState {
    return this.stateValue;
  }

  /** the running Neo4j's pid (the last one, while restarting) */
  get pid(): number {
    return this.current.pid;
  }

  get uri(): string {
    return this.current.uri;
  }

  /** For /health: failed once the supervisor has given up; Neo4j restarting is not a reason to restart the process. */
  health(): { ok: true } | { ok: false; reason: string } {
    return this.stateValue === 'failed' ? { ok: false, reason: this.failure ?? 'the embedded Neo4j could not be restarted' } : { ok: true };
  }

  /** Stops Neo4j for good (no restart). */
  async stop(): Promise<void> {
    if (this.stateValue !== 'failed') this.stateValue = 'stopped';
    this.wakeUp?.();
    await this.current.stop();
    await this.done;
  }

  /** a method, not an inline comparison: stop() changes the state while a restart is awaited */
  private isStopped(): boolean {
    return this.stateValue === 'stopped';
  }

  private async watch(): Promise<void> {
    for (;;) {
      const exit = await this.current.exited;
      if (this.stateValue === 'stopped') return;
      const upMs = Date.now() - this.upSince;
      if (upMs >= this.stableMs) this.attempts = 0;
      this.opts.log.error(
        { pid: this.current.pid, code: exit.code, signal: exit.signal, upMs, output: exit.output },
        `the embedded Neo4j (pid ${this.current.pid}) exited ${describe(exit)}; its output ended with:\n${exit.output || '(nothing)'}`,
      );
      this.opts.onExit?.(exit);
      if (!(await this.restartWithBackoff())) return;
    }
  }

  /** true once a new Neo4j is ready; false when stopped or given up */
  private async restartWithBackoff(): Promise<boolean> {
    this.stateValue = 'restarting';
    for (;;) {
      this.attempts += 1;
      if (this.attempts > this.maxRestarts) {
        this.failure = `the embedded Neo4j could not be kept running: ${this.maxRestarts} restarts in a row failed`;
        this.stateValue = 'failed';
        this.opts.log.error({ restarts: this.maxRestarts }, `${this.failure}; giving up (/health now fails, so that the process is restarted)`);
        return false;
      }
      const delay = this.backoffMs(this.attempts);
      this.opts.log.warn({ attempt: this.attempts, of: this.maxRestarts, delayMs: delay }, `restarting the embedded Neo4j in ${delay} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
      if (this.isStopped()) return false;
      try {
        const next = await this.opts.restart();
        if (this.isStopped()) {
          await next.stop();
          return false;
        }
        this.current = next;
        this.upSince = Date.now();
        this.stateValue = 'running';
        this.opts.log.info({ pid: next.pid, uri: next.uri, attempt: this.attempts }, 'the embedded Neo4j is running again');
        return true;
      } catch (error) {
        this.opts.log.error({ err: error, attempt: this.attempts }, 'restarting the embedded Neo4j failed');
      }
    }
  }
}

function describe(exit: EmbeddedExit): string {
  if (exit.signal) return `on signal ${exit.signal}`;
  return `with code ${exit.code}`;
}
