import neo4j from 'neo4j-driver';

export interface RetryOptions {
  /** retry while an attempt would start before this many ms have passed since the first (default: no limit) */
  retryMs?: number;
  /** at most this many attempts in all (default: no limit); give this or `retryMs` */
  attempts?: number;
  /** the wait after the first failure; it doubles after each */
  firstDelayMs: number;
  /** the longest wait (default: no limit) */
  maxDelayMs?: number;
  /** each wait is drawn within ± this fraction of itself (default 0.2), so that retries of loads that collided spread out */
  jitter?: number;
  /** which failures are worth another attempt; default `neo4j.isRetriableError` (deadlocks, lost connections, leader switches) */
  retriable?: (error: unknown) => boolean;
}

/**
 * THE retry loop of the project: runs `attempt` until it succeeds, fails with an error that is not
 * retriable, or the time or the attempts are used up (then the last failure is thrown). Each attempt must be
 * safe to repeat: a whole transaction, or a read whose rows are all received before any is used.
 */
export async function withRetries<T>(attempt: () => Promise<T>, o: RetryOptions): Promise<T> {
  const deadline = Date.now() + (o.retryMs ?? Infinity);
  const attempts = o.attempts ?? Infinity;
  const jitter = o.jitter ?? 0.2;
  const retriable = o.retriable ?? ((e: unknown) => neo4j.isRetriableError(e as Error));
  for (let n = 0; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const wait = Math.min(o.firstDelayMs * 2 ** n, o.maxDelayMs ?? Infinity) * (1 - jitter + 2 * jitter * Math.random());
      if (!retriable(error) || n + 1 >= attempts || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
