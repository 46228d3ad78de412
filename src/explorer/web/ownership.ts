/**
 * Why each node is on the canvas, which is what makes "collapse" exact: nodes put there on purpose (search,
 * a restored link, a path) are `pinned` and never collapsed; the others remember the expanded nodes that
 * brought them in, and go when the last of those is collapsed.
 */
export class Ownership {
  /** put on the canvas on purpose; collapse never removes them */
  private readonly pinned = new Set<string>();
  /** node → the expanded nodes that brought it in */
  private readonly addedBy = new Map<string, Set<string>>();
  /** expanded node → the nodes its expansion brought in */
  private readonly expansions = new Map<string, Set<string>>();

  isPinned(id: string): boolean {
    return this.pinned.has(id);
  }

  pin(id: string): void {
    this.pinned.add(id);
  }

  /** Whether some expansion brought this node in. */
  isBrought(id: string): boolean {
    return this.addedBy.has(id);
  }

  isExpanded(id: string): boolean {
    return this.expansions.has(id);
  }

  expandedIds(): string[] {
    return [...this.expansions.keys()];
  }

  markExpanded(id: string): void {
    if (!this.expansions.has(id)) this.expansions.set(id, new Set());
  }

  /** `id` was brought in by expanding `by`. */
  bring(by: string, id: string): void {
    let s = this.addedBy.get(id);
    if (!s) this.addedBy.set(id, (s = new Set()));
    s.add(by);
    let e = this.expansions.get(by);
    if (!e) this.expansions.set(by, (e = new Set()));
    e.add(id);
  }

  /** Forgets that `by` brought `id` (a cluster emptied). */
  unbring(by: string, id: string): void {
    this.expansions.get(by)?.delete(id);
    this.addedBy.delete(id);
  }

  /**
   * Undoes the expansion of `id`: every node only it brought in is collapsed in turn and handed to `drop`
   * (which takes it off the canvas). Returns how many were dropped.
   */
  collapse(id: string, drop: (id: string) => void, seen = new Set<string>()): number {
    if (seen.has(id)) return 0;
    seen.add(id);
    const brought = this.expansions.get(id);
    this.expansions.delete(id);
    if (!brought) return 0;
    let removed = 0;
    for (const n of brought) {
      const by = this.addedBy.get(n);
      by?.delete(id);
      if (by && by.size === 0 && !this.pinned.has(n)) {
        removed += this.collapse(n, drop, seen);
        this.addedBy.delete(n);
        drop(n);
        removed += 1;
      }
    }
    return removed;
  }

  /**
   * Forgets a node that is being removed. What it brought in stays: `clusters` (its groups, which go with it)
   * and `orphans` (nodes whose only reason to be there was this one, now pinned as ordinary nodes).
   */
  release(id: string, isCluster: (id: string) => boolean): { clusters: string[]; orphans: string[] } {
    const clusters: string[] = [];
    const orphans: string[] = [];
    for (const n of this.expansions.get(id) ?? []) {
      if (isCluster(n)) {
        clusters.push(n);
        continue;
      }
      const by = this.addedBy.get(n);
      by?.delete(id);
      if (by && by.size === 0) {
        this.addedBy.delete(n);
        this.pinned.add(n);
        orphans.push(n);
      }
    }
    this.expansions.delete(id);
    for (const [, s] of this.expansions) s.delete(id);
    this.addedBy.delete(id);
    this.pinned.delete(id);
    return { clusters, orphans };
  }

  clear(): void {
    this.pinned.clear();
    this.addedBy.clear();
    this.expansions.clear();
  }
}
