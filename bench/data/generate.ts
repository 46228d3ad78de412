/**
 * Deterministic generator of `kg-article/1` documents that look like a large news archive.
 *
 * - A pool of entities per type (people, organisations, villages, places, projects) with unique names per
 *   type (by the product's name key), some with short aliases, some with explicit ids (`bench-…`).
 * - Articles in date order (2016 → 2024). Each introduces a few "fresh" pool entities (so every pool
 *   entity appears at least once) and mentions others Zipf-distributed by pool rank; a few hubs appear in
 *   a fixed share of all articles (the development zone in 20% of them).
 * - Shared entities across articles are named by name or alias only (no id), so the ingester's identity
 *   resolution decides that they are the same; the first mention of an entity with an id always carries it.
 * - Officials hold 1-3 positions (stable per person) stated by the articles that mention them; organisations
 *   and projects have stable locations and investors; events have 3-20 participants with type-specific roles.
 *
 * Everything derives from one seed: `generateArchive(size, seed)` yields the same documents every time.
 */
import { generatedEntityId } from '../../src/ingest/nameKeys';
import type { EntityType } from '../../src/model/domain';
import { articleEntities } from './articleEntities';
import { articleEvents } from './articleEvents';
import { articleFigures } from './articleFigures';
import { ArticleMembers, ZIPF_OFFSET } from './articleMembers';
import { articleRelations } from './articleRelations';
import { buildPool, type PoolEntity } from './buildPool';
import { DAY_MS, END, isoDay, START } from './dates';
import * as N from './names';
import { Random, Zipf } from './random';
import { DEFAULT_SEED, SIZES, type SizeName, type SizeSpec } from './sizes';

export { DEFAULT_SEED, SIZE_NAMES, SIZES, type SizeName, type SizeSpec } from './sizes';
export { factsOf, poolSize, statsOf, type ArchiveStats } from './archiveStats';
export type { PoolEntity } from './buildPool';

/** Zipf-distributed mentions per article, per type (expected) */
const PICKS: Record<EntityType, number> = { Person: 3, Organization: 2.2, Village: 0.5, Place: 0.8, Project: 0.7 };
const ZIPF_S = 1.0;
/** hub entities (type, pool index) and the share of all articles that mention them */
const HUBS: Array<{ type: EntityType; index: number; share: number }> = [
  { type: 'Organization', index: 0, share: 0.2 },
  { type: 'Organization', index: 1, share: 0.1 },
  { type: 'Place', index: 0, share: 0.12 },
  { type: 'Person', index: 0, share: 0.06 },
];

type Doc = Record<string, any>;

export interface Archive {
  size: SizeName;
  seed: number;
  spec: SizeSpec;
  pool: Record<EntityType, PoolEntity[]>;
  /** the documents, generated lazily in order; iterate once per call */
  documents(): Generator<Doc>;
  /** the graph id the product gives a pool entity (explicit id, or the id generated from its first mention) */
  graphIdOf(e: PoolEntity): string;
}

/** Where one pass over the archive is: what every article needs from the articles before it. */
interface ArchivePass {
  random: Random;
  zipf: Record<EntityType, Zipf>;
  types: EntityType[];
  /** the next fresh pool entity of each type */
  cursor: Record<EntityType, number>;
  /** the pool entities named so far */
  seen: Set<PoolEntity>;
}

/** The pool entities article `a` names: hubs, its share of fresh ones, Zipf mentions, an organisation and a person. */
function articleMembers(a: number, r: Random, spec: SizeSpec, pool: Record<EntityType, PoolEntity[]>, pass: ArchivePass): ArticleMembers {
  const members = new ArticleMembers(r, pool, pass.zipf);
  // hubs
  for (const h of HUBS) if (r.chance(h.share) && pool[h.type][h.index]) members.add(pool[h.type][h.index]);
  // fresh entities: every pool entity appears at least once, spread evenly over the archive
  for (const t of pass.types) {
    const due = Math.floor((pool[t].length * (a + 1)) / spec.articles);
    while (pass.cursor[t] < due) members.add(pool[t][pass.cursor[t]++]);
  }
  // Zipf mentions
  for (const t of pass.types) {
    const expected = PICKS[t];
    const n = Math.floor(expected) + (r.chance(expected - Math.floor(expected)) ? 1 : 0) + (r.chance(0.3) ? 1 : 0);
    for (let i = 0; i < n; i++) members.add(members.zipfPick(t));
  }
  if (!members.list.some((m) => m.e.type === 'Organization')) members.add(members.zipfPick('Organization'));
  if (!members.list.some((m) => m.e.type === 'Person')) members.add(members.zipfPick('Person'));
  return members;
}

/**
 * The archive of the given size. `documents()` can be iterated several times and gives the same documents
 * each time (it restarts from the seed), so large sizes never need to be held in memory.
 */
export function generateArchive(size: SizeName, seed: number = DEFAULT_SEED, spec: SizeSpec = SIZES[size]): Archive {
  const pool = buildPool(spec, new Random(seed));
  // first mention names decide generated ids; they are fixed by a dry run over the mention forms
  const firstName = new Map<PoolEntity, string>();

  function article(a: number, pass: ArchivePass): Doc {
    const r = pass.random.fork(a);
    const articleId = `bench-${size}-${String(a).padStart(7, '0')}`;
    const published = START + Math.floor(((END - START) * a) / Math.max(1, spec.articles)) + r.int(0, 2) * DAY_MS;
    const publishedOn = isoDay(Math.min(published, END));
    const members = articleMembers(a, r, spec, pool, pass);
    const events = articleEvents(r, members, publishedOn);
    const relations = articleRelations(r, members, pool, publishedOn);
    const figures = articleFigures(r, members, publishedOn);
    const entities = articleEntities(r, members, pass.seen, firstName);
    const lead = events[0];
    return {
      format: 'kg-article/1',
      article: {
        id: articleId,
        title: `${lead?.name ?? members.list[0].e.name}`.slice(0, 200),
        publisher: r.pick(N.PUBLISHERS),
        publishedOn,
        language: 'zh',
      },
      entities,
      events,
      relations,
      figures,
    };
  }

  function* documents(): Generator<Doc> {
    const types = Object.keys(pool) as EntityType[];
    const pass: ArchivePass = {
      random: new Random(seed ^ 0x5bd1e995),
      zipf: {} as Record<EntityType, Zipf>,
      types,
      cursor: Object.fromEntries(types.map((t) => [t, 0])) as Record<EntityType, number>,
      seen: new Set<PoolEntity>(),
    };
    for (const t of types) pass.zipf[t] = new Zipf(pool[t].length + ZIPF_OFFSET, ZIPF_S);
    for (let a = 0; a < spec.articles; a++) yield article(a, pass);
  }

  const archive: Archive = {
    size,
    seed,
    spec,
    pool,
    documents,
    graphIdOf(e: PoolEntity): string {
      if (e.explicitId) return e.explicitId;
      if (!firstName.has(e)) for (const _ of documents()) if (firstName.has(e)) break;
      return generatedEntityId(e.type, firstName.get(e) ?? e.name);
    },
  };
  return archive;
}
