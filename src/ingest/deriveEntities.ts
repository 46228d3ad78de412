import type { ManagedTransaction } from 'neo4j-driver';
import { nameKeyOf } from './resolveEntities';
import type { EntityType } from '../model';

interface Mention {
  article: string;
  name: string;
  aliases: string[];
  kind: string | null;
  attributes: string;
}

export interface DerivedEntity {
  id: string;
  name: string;
  aliases: string[];
  kind: string | null;
  attributes: string;
  aliasText: string;
  nameKeys: string[];
}

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v; // ties: first seen
  return best;
}

/**
 * What an entity is, from what the articles that name it say: the name most of them use (ties: the
 * article with the smallest id), every other name and alias as aliases, the most common kind, attributes
 * merged in article-id order. Independent of load order by construction.
 */
export function deriveEntity(id: string, type: EntityType, mentions: Mention[]): DerivedEntity {
  const sorted = [...mentions].sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0));
  const name = mostFrequent(sorted.map((m) => m.name))!;
  const aliases = [...new Set(sorted.flatMap((m) => [m.name, ...m.aliases]))].filter((n) => n !== name);
  const kind = mostFrequent(sorted.flatMap((m) => (m.kind ? [m.kind] : [])));
  const attributes: Record<string, unknown> = {};
  for (const m of sorted) Object.assign(attributes, JSON.parse(m.attributes));
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
  };
}

/**
 * Re-derives the given entities from their mentions, rewrites the name keys that identify them, and
 * deletes the entities no article mentions any more (with name keys and merged ids left pointing nowhere).
 */
export async function deriveEntities(tx: ManagedTransaction, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  // Write-lock the entities (in a fixed order) before reading their mentions: under read-committed
  // isolation a concurrent transaction's new mention is invisible until it commits, and without the lock
  // this transaction could write a derivation that misses it after that transaction has committed.
  await tx.run(
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     SET e.locked = true
     REMOVE e.locked`,
    { ids: [...ids].sort() },
  );
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     OPTIONAL MATCH (a:Article)-[m:MENTIONS]->(e)
     RETURN e.id AS id, e.type AS type,
            collect(CASE WHEN m IS NULL THEN null ELSE
              {article: a.id, name: m.name, aliases: m.aliases, kind: m.kind, attributes: m.attributes} END) AS mentions`,
    { ids },
  );
  const derived: DerivedEntity[] = [];
  const orphans: string[] = [];
  for (const r of result.records) {
    const mentions = r.get('mentions') as Mention[];
    if (mentions.length === 0) orphans.push(r.get('id'));
    else derived.push(deriveEntity(r.get('id'), r.get('type'), mentions));
  }
  await tx.run(
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     OPTIONAL MATCH (k:NameKey)-[i:IDENTIFIES]->(e)
     DELETE i
     WITH DISTINCT k WHERE k IS NOT NULL AND NOT (k)-[:IDENTIFIES]->()
     DELETE k`,
    { ids },
  );
  await tx.run(
    `UNWIND $orphans AS id
     MATCH (e:Entity {id: id})
     OPTIONAL MATCH (m:MergedId)-[:MERGED_INTO]->(e)
     DETACH DELETE e, m`,
    { orphans },
  );
  await tx.run(
    `UNWIND $rows AS x
     MATCH (e:Entity {id: x.id})
     SET e.name = x.name, e.aliases = x.aliases, e.kind = x.kind, e.attributes = x.attributes,
         e.aliasText = x.aliasText
     WITH e, x
     UNWIND x.nameKeys AS key
     MERGE (k:NameKey {key: key})
     MERGE (k)-[:IDENTIFIES]->(e)`,
    { rows: derived },
  );
}
