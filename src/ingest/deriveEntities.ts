import { integer } from 'neo4j-driver';
import type { WriteTx } from '../graph';
import { type DerivationsParameter, READ_DERIVATIONS_STATEMENT, WRITE_DERIVATIONS } from './derivationStatements';
import { renameEntities } from './identityChanges';
import { generatedEntityId, nameKeyOf } from './nameKeys';
import { planOnce } from './planOnce';
import type { EntityType } from '../model';
import { refreshCandidates, SEARCH_KEYS_VERSION, searchKeysOf, type SearchKeys } from '../search';

/** What one article says about an entity (a MENTIONS relationship). */
export interface Mention {
  article: string;
  name: string;
  aliases: string[];
  kind: string | null;
  attributes: string;
}

/**
 * Mentions with identical content (name, aliases, kind, attributes), as Cypher groups them: how many, and
 * the smallest and greatest id of the articles that say it. A hub entity named by thousands of articles
 * under a handful of names is a handful of groups.
 */
export interface MentionGroup {
  name: string;
  aliases: string[];
  kind: string | null;
  attributes: string;
  count: number;
  firstArticle: string;
  lastArticle: string;
}

export interface DerivedEntity extends SearchKeys {
  id: string;
  name: string;
  aliases: string[];
  kind: string | null;
  attributes: string;
  aliasText: string;
  nameKeys: string[];
}

/**
 * Mentions are taken in article-id order; two mentions of one entity by one article (only a merge of two
 * entities makes them) are ordered by their content, so that the order is total and derivation is a
 * function of the set of mentions.
 */
const contentKey = (m: Omit<Mention, 'article'>): string => JSON.stringify([m.name, m.aliases, m.kind, m.attributes]);
/** Works whether or not the driver was created with `disableLosslessIntegers`. */
const toNumber = (value: unknown): number => (typeof value === 'number' ? value : integer.toNumber(value as number));
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const HAN = /\p{Script=Han}/u;
/**
 * Among names tied on count: a Chinese one over a Latin one (the articles are Chinese), then the longer once
 * normalised (a full name over its abbreviation: 高邮经济开发区 over 高邮经开区; not a spelling with more spaces).
 */
const betterName = (type: EntityType) => (a: string, b: string): boolean => {
  const [hanA, hanB] = [HAN.test(a), HAN.test(b)];
  if (hanA !== hanB) return hanA;
  return [...nameKeyOf(type, a)].length > [...nameKeyOf(type, b)].length;
};

/** The value counted most; ties go to `tieWinner`'s pick, then to the first seen (the map's order). */
function top(counts: Map<string, number>, tieWinner?: (a: string, b: string) => boolean): string | null {
  let best: string | null = null;
  for (const [v, n] of counts) {
    const m = best === null ? -1 : counts.get(best)!;
    if (n > m || (n === m && tieWinner?.(v, best!))) best = v;
  }
  return best;
}

function mostFrequent(values: string[], tieWinner?: (a: string, b: string) => boolean): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return top(counts, tieWinner);
}

function finish(id: string, type: EntityType, name: string, aliases: string[], kind: string | null, attributes: Record<string, unknown>): DerivedEntity {
  const keys = Object.keys(attributes).sort();
  const ordered = Object.fromEntries(keys.map((k) => [k, attributes[k]]));
  return {
    id,
    name,
    aliases,
    kind,
    attributes: JSON.stringify(ordered),
    aliasText: aliases.join('\n'),
    nameKeys: [...new Set([name, ...aliases].map((n) => nameKeyOf(type, n)))],
    ...searchKeysOf(type, [name, ...aliases]),
  };
}

/**
 * What an entity is, from what the articles that name it say: the name most of them use (ties: the
 * Chinese name, then the longer (`betterName`), then the article with the smallest id), every other name and
 * alias as aliases (in order of first appearance), the
 * most common kind (ties: the earliest article), attributes merged in article-id order (per key, the value of the
 * greatest article id that gives it). Independent of load order by construction.
 *
 * This is the definition, one mention at a time; `deriveFromGroups` computes the same from grouped mentions.
 */
export function deriveEntity(id: string, type: EntityType, mentions: Mention[]): DerivedEntity {
  const sorted = [...mentions].sort((a, b) => compare(a.article, b.article) || compare(contentKey(a), contentKey(b)));
  const name = mostFrequent(sorted.map((m) => m.name), betterName(type))!;
  const aliases = [...new Set(sorted.flatMap((m) => [m.name, ...m.aliases]))].filter((n) => n !== name);
  const kind = mostFrequent(sorted.flatMap((m) => (m.kind ? [m.kind] : [])));
  const attributes: Record<string, unknown> = {};
  for (const m of sorted) Object.assign(attributes, JSON.parse(m.attributes));
  return finish(id, type, name, aliases, kind, attributes);
}

/**
 * `deriveEntity` from grouped mentions. A group stands for `count` identical mentions, the first of them at
 * (firstArticle, content) and the last at (lastArticle, content) in the mention order. So: a value's count
 * is the sum over the groups that have it, and it is first seen at the earliest first position among them;
 * a name or alias first appears in the group with the earliest first position that contains it; and an
 * attribute's final value comes from the group with the latest last position that gives it.
 */
export function deriveFromGroups(id: string, type: EntityType, groups: MentionGroup[]): DerivedEntity {
  const keyed = groups.map((g) => ({ g, content: contentKey(g) }));
  const byFirst = [...keyed].sort((a, b) => compare(a.g.firstArticle, b.g.firstArticle) || compare(a.content, b.content));
  const byLast = [...keyed].sort((a, b) => compare(a.g.lastArticle, b.g.lastArticle) || compare(a.content, b.content));

  // values in order of first appearance (byFirst), with their total counts: the first with the highest count wins
  const weighted = (valueOf: (g: MentionGroup) => string | null, tieWinner?: (a: string, b: string) => boolean): string | null => {
    const counts = new Map<string, number>();
    for (const { g } of byFirst) {
      const v = valueOf(g);
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + g.count);
    }
    return top(counts, tieWinner);
  };
  const name = weighted((g) => g.name, betterName(type))!;
  const kind = weighted((g) => g.kind || null);
  const aliases = [...new Set(byFirst.flatMap(({ g }) => [g.name, ...g.aliases]))].filter((n) => n !== name);
  const attributes: Record<string, unknown> = {};
  for (const { g } of byLast) Object.assign(attributes, JSON.parse(g.attributes));
  return finish(id, type, name, aliases, kind, attributes);
}

export interface Derivations {
  /** entities whose derived properties or name keys change */
  derived: DerivedEntity[];
  /** entities no article mentions any more */
  orphans: string[];
  /** entities whose mention groups change, with their new `mentionGroups` (`storedGroups`) */
  groups: Array<{ id: string; groups: string }>;
  /** name-only entities whose id is not the one their earliest mention gives (`idByName`): `renameEntities` */
  renames: Array<{ from: string; to: string }>;
}

/**
 * The id of a name-only entity (src/ingest/README.md, "Identity when ids and names meet"): generated from the
 * name of its earliest mention (smallest article id; ties, which only a merge makes, by content), so that it is
 * the same whichever article was loaded first.
 */
export function idByName(type: EntityType, groups: MentionGroup[]): string {
  let first = groups[0];
  for (const g of groups.slice(1)) {
    if (g.firstArticle < first.firstArticle || (g.firstArticle === first.firstArticle && contentKey(g) < contentKey(first))) first = g;
  }
  return generatedEntityId(type, first.name);
}

/**
 * Mention groups as an entity stores them (its `mentionGroups` property): JSON, in content order, so that the
 * same mentions always give the same text. Kept up to date by every write that adds or removes mentions, they
 * let a load of a new article derive the entities it names from one property each, where reading their
 * mentions grows with the archive (a hub named by a fifth of the articles has tens of thousands).
 */
export function storedGroups(groups: MentionGroup[]): string {
  const rows = groups.map((g) => ({ content: contentKey(g), g }));
  rows.sort((a, b) => compare(a.content, b.content));
  return JSON.stringify(
    rows.map(({ g }) => ({
      name: g.name,
      aliases: g.aliases,
      kind: g.kind,
      attributes: g.attributes,
      count: toNumber(g.count),
      firstArticle: g.firstArticle,
      lastArticle: g.lastArticle,
    })),
  );
}

/** An entity's mention groups, as READ_DERIVATIONS returned them: read from its mentions, or its stored ones. */
function groupsOf(row: DerivationRow): MentionGroup[] {
  const groups = row.groups ?? parseStoredGroups(row.id, row.current.mentionGroups ?? '[]');
  return groups.map((g) => ({ ...g, count: toNumber(g.count) }));
}

/** Only this module writes `mentionGroups`; text that is not a list of groups means someone else changed it. */
function parseStoredGroups(id: string, text: string): MentionGroup[] {
  let groups: unknown;
  try {
    groups = JSON.parse(text);
  } catch {
    groups = undefined;
  }
  if (!Array.isArray(groups)) {
    throw new Error(
      `entity ${JSON.stringify(id)}: its stored mention groups (mentionGroups) are not a JSON list; remove the ` +
        'property (REMOVE e.mentionGroups) and the next load that names the entity rebuilds it from its mentions',
    );
  }
  return groups as MentionGroup[];
}

/** What READ_DERIVATIONS returns for one entity. */
export interface DerivationRow {
  id: string;
  type: EntityType;
  /** null: the stored ones (`current.mentionGroups`) were read instead */
  groups: MentionGroup[] | null;
  current: {
    name?: string | null;
    aliases?: string[] | null;
    kind?: string | null;
    attributes?: string | null;
    aliasText?: string | null;
    mentionGroups?: string | null;
    searchText?: string | null;
    searchVersion?: number | null;
    /** no document has given the entity an id */
    nameOnly?: boolean | null;
  };
  keys: string[];
}

const sameList = (a: readonly string[] | null | undefined, b: readonly string[]): boolean =>
  a != null && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The derivations from what READ_DERIVATIONS returned: orphans, the entities whose derived properties or name
 * keys differ from what they have (the others are left as they are), and those whose stored groups do.
 */
export function derivationsOf(rows: DerivationRow[]): Derivations {
  const derived: DerivedEntity[] = [];
  const orphans: string[] = [];
  const changedGroups: Derivations['groups'] = [];
  const renames: Derivations['renames'] = [];
  for (const r of rows) {
    const groups = groupsOf(r);
    if (groups.length === 0) {
      orphans.push(r.id);
      continue;
    }
    if (r.current.nameOnly) {
      const id = idByName(r.type, groups);
      if (id !== r.id && !r.id.startsWith(`${id}~`)) renames.push({ from: r.id, to: id });
    }
    const stored = storedGroups(groups);
    if (stored !== r.current.mentionGroups) changedGroups.push({ id: r.id, groups: stored });
    const d = deriveFromGroups(r.id, r.type, groups);
    const c = r.current;
    const unchanged =
      c.name === d.name &&
      sameList(c.aliases, d.aliases) &&
      (c.kind ?? null) === d.kind &&
      c.attributes === d.attributes &&
      c.aliasText === d.aliasText &&
      c.searchText === d.searchText &&
      toNumber(c.searchVersion ?? -1) === SEARCH_KEYS_VERSION &&
      sameList([...r.keys].sort(), [...d.nameKeys].sort());
    if (!unchanged) derived.push(d);
  }
  return { derived, orphans, groups: changedGroups, renames };
}

/**
 * The derivations of entities once `added` mentions join what READ_DERIVATIONS read of them (`read`, by id;
 * an entity with no row there is new: no mentions, nothing derived yet). Each added mention joins the group
 * of identical content, as Cypher would group it, or starts one: so this is what reading the entities again
 * after writing the mentions would derive, without that read.
 */
export function derivationsWith(
  read: Map<string, DerivationRow>,
  added: Map<string, { type: EntityType; nameOnly?: boolean; mentions: Mention[] }>,
): Derivations {
  const rows: DerivationRow[] = [];
  for (const [id, { type, nameOnly, mentions }] of added) {
    const row = read.get(id);
    const groups: MentionGroup[] = row ? groupsOf(row) : [];
    const byContent = new Map(groups.map((g) => [contentKey(g), g]));
    for (const m of mentions) {
      const key = contentKey(m);
      const g = byContent.get(key);
      if (g) {
        g.count += 1;
        if (m.article < g.firstArticle) g.firstArticle = m.article;
        if (m.article > g.lastArticle) g.lastArticle = m.article;
      } else {
        const { article, ...content } = m;
        const group = { ...content, count: 1, firstArticle: article, lastArticle: article };
        groups.push(group);
        byContent.set(key, group);
      }
    }
    // an entity stays name-only while no document gives it an id, this one included
    const current = { ...(row?.current ?? {}), nameOnly: nameOnly === true && (row ? row.current.nameOnly === true : true) };
    rows.push({ id, type: row?.type ?? type, groups, current, keys: row?.keys ?? [] });
  }
  return derivationsOf(rows);
}

/** Locks the given entities (in a fixed order) and derives them from their mentions (`READ_DERIVATIONS`). */
export async function readDerivations(tx: WriteTx, ids: string[]): Promise<Derivations> {
  const result = await tx.run(planOnce(READ_DERIVATIONS_STATEMENT), { q: { ids: [...new Set(ids)].sort() } });
  return derivationsOf(result.records[0].get('derivations'));
}

/** The map parameter of WRITE_DERIVATIONS (`d`) for these derivations. */
export function derivationsParameter({ derived, orphans, groups }: Derivations): DerivationsParameter {
  const keep = [
    ...derived.map((d) => ({ id: d.id, nameKeys: d.nameKeys, blockingKeys: d.blockingKeys })),
    ...orphans.map((id) => ({ id, nameKeys: [], blockingKeys: [] })),
  ];
  return { keep, orphans, rows: derived, groups };
}

/** Writes derivations in one statement (`WRITE_DERIVATIONS`). */
export async function writeDerivations(tx: WriteTx, derivations: Derivations): Promise<void> {
  const { derived, orphans, groups } = derivations;
  if (derived.length === 0 && orphans.length === 0 && groups.length === 0) return;
  await tx.run(planOnce(WRITE_DERIVATIONS), { d: derivationsParameter(derivations) });
}

/**
 * Re-derives the given entities from their mentions, rewrites the name keys that identify them, and
 * deletes the entities no article mentions any more (with name keys and merged ids left pointing nowhere).
 * Two statements, whatever the number of entities and mentions (and, when a name-only entity's earliest
 * mention changed, its renaming: `renameEntities`), then their duplicate candidates refreshed (one or two more).
 */
export async function deriveEntities(tx: WriteTx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const derivations = await readDerivations(tx, ids);
  await writeDerivations(tx, derivations);
  await renameEntities(tx, derivations.renames);
  await refreshCandidates(tx, [...ids, ...derivations.renames.map((r) => r.to)]);
}
