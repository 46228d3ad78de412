/** When the ingest warm-up is done: Neo4j's JIT compilers settled, or passes no longer getting faster. */

/**
 * Warm-up passes: at least `min`, at most `max`. Done once a pass's JIT compiler threads used at most
 * `compileShare` of the JVM's CPU, or, where that cannot be read, once a pass is less than `settle` faster than
 * the one before.
 */
export interface WarmupPolicy {
  min: number;
  max: number;
  settle: number;
  compileShare: number;
}

export const DEFAULT_WARMUP: WarmupPolicy = { min: 3, max: 30, settle: 0.05, compileShare: 0.05 };

/** One warm-up pass: its seconds, and its JIT compiler share when the JVM could be read. */
export interface WarmupPass {
  seconds: number;
  compileShare?: number;
}

/** Whether the warm-up passes so far are enough under `policy`, and whether by its rule (not by reaching `max`). */
export function settled(passes: WarmupPass[], policy: WarmupPolicy): { done: boolean; byRule: boolean } {
  const byRule = ((): boolean => {
    if (passes.length < Math.max(policy.min, 1)) return false;
    const last = passes[passes.length - 1];
    if (last.compileShare !== undefined) return last.compileShare <= policy.compileShare;
    if (passes.length < 2) return false;
    return last.seconds > passes[passes.length - 2].seconds * (1 - policy.settle);
  })();
  return { done: byRule || passes.length >= policy.max, byRule };
}
