import neo4j from 'neo4j-driver';

export interface RetryOptions {
  /** retry while an attempt would start before this many ms have passed since the first */
  retryMs: number;
  /** the wait after the first failure; it doubles after each, ±20% jitter */
  firstDelayMs: number;
  /** the longest wait (default: no limit) */
  maxDelayMs?: number;
  /** which failures are worth another attempt; default `neo4j.isRetriableError` (deadlocks, lost connections, leader switches) */
  retriable?: (error: unknown) => boolean;
}

/**
 * THE retry loop of the project: runs `attempt` until it succeeds, fails with an error that is not
 * retriable, or the time is up (then the last failure is thrown). Each attempt must be safe to repeat: a
 * whole transaction, or a read whose rows are all received before any is used.
 */
export async function withRetries<T>(attempt: () => Promise<T>, o: RetryOptions): Promise<T> {
  const deadline = Date.now() + o.retryMs;
  const retriable = o.retriable ?? ((e: unknown) => neo4j.isRetriableError(e as Error));
  for (let n = 0; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const wait = Math.min(o.firstDelayMs * 2 ** n, o.maxDelayMs ?? Infinity) * (0.8 + 0.4 * Math.random());
      if (!retriable(error) || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
