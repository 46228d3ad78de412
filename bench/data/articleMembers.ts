import type { EntityType } from '../../src/model/domain';
import type { PoolEntity } from './buildPool';
import type { Random, Zipf } from './random';

/** rank offset: flattens the very top so that hubs come from HUBS, not from Zipf alone */
export const ZIPF_OFFSET = 8;

export interface ArticleEntity {
  key: string;
  e: PoolEntity;
}

/** The pool entities one article names, in the order they were added (keys `e0`, `e1`, …). */
export class ArticleMembers {
  readonly list: ArticleEntity[] = [];
  private readonly inArticle = new Map<PoolEntity, ArticleEntity>();

  constructor(
    private readonly r: Random,
    private readonly pool: Record<EntityType, PoolEntity[]>,
    private readonly zipf: Record<EntityType, Zipf>,
  ) {}

  add(e: PoolEntity): ArticleEntity {
    let m = this.inArticle.get(e);
    if (!m) {
      m = { key: `e${this.list.length}`, e };
      this.list.push(m);
      this.inArticle.set(e, m);
    }
    return m;
  }

  /** a pool entity of the type, Zipf-distributed by pool rank */
  zipfPick(t: EntityType): PoolEntity {
    const { r, pool } = this;
    for (;;) {
      const k = this.zipf[t].sample(r) - ZIPF_OFFSET + 0;
      const idx = k < 0 ? r.int(0, Math.min(pool[t].length, ZIPF_OFFSET) - 1) : k;
      if (idx < pool[t].length) return pool[t][idx];
    }
  }

  ofType(t: EntityType): ArticleEntity[] {
    return this.list.filter((m) => m.e.type === t);
  }
}
