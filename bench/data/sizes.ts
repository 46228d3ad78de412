/** The archive sizes the benchmark knows, and the generator's default seed. */
export const SIZE_NAMES = ['tiny', 'S', 'M', 'L'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

export interface SizeSpec {
  articles: number;
  /** distinct entities in the pool; every one is mentioned at least once */
  entities: number;
}

/**
 * S ≈ 10k entities, M ≈ 100k, L ≈ 320k entities (with ~200k articles, ~400k events and ~400k name keys:
 * about 1.3M nodes and 6M relationships).
 */
export const SIZES: Record<SizeName, SizeSpec> = {
  tiny: { articles: 40, entities: 160 },
  S: { articles: 4_000, entities: 10_000 },
  M: { articles: 40_000, entities: 100_000 },
  L: { articles: 200_000, entities: 320_000 },
};

export const DEFAULT_SEED = 20240521;
