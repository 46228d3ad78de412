import { nameKey } from '../../src/model/normalize';

/** Names unique by the product's name key: one set per entity type in the pool. */
export class UniqueNames {
  private readonly used = new Set<string>();
  take(candidate: () => string, fallback: (n: number) => string): string {
    for (let i = 0; i < 40; i++) {
      const c = candidate();
      if (this.claim(c)) return c;
    }
    for (let n = 2; ; n++) {
      const c = fallback(n);
      if (this.claim(c)) return c;
    }
  }
  claim(name: string): boolean {
    const k = nameKey(name);
    if (this.used.has(k)) return false;
    this.used.add(k);
    return true;
  }
}
