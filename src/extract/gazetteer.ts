/**
 * The graph as a gazetteer: the names, aliases, types, kinds and ids of entities already loaded, so that an
 * article about a known zone links to the same zone. Read from Neo4j when a database is reachable.
 */
import type { Driver } from 'neo4j-driver';
import { ENTITY_TYPE_NAMES, GRAPH_LABELS, isEntityType, nameKey, type EntityType } from '../model';

export interface GazetteerEntry {
  id: string;
  type: EntityType;
  name: string;
  kind?: string;
  aliases: string[];
}

export class Gazetteer {
  private readonly byKey = new Map<string, GazetteerEntry[]>();
  private byFirst: Map<string, Array<{ text: string; entry: GazetteerEntry }>> | null = null;

  constructor(readonly entries: GazetteerEntry[] = []) {
    for (const e of entries) for (const n of [e.name, ...e.aliases]) this.add(`${e.type}|${nameKey(n)}`, e);
  }

  private add(key: string, entry: GazetteerEntry): void {
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  }

  /** The one entry of this type named so; none when unknown or ambiguous (the ingester reports those). */
  find(type: EntityType, name: string): GazetteerEntry | undefined {
    const list = this.byKey.get(`${type}|${nameKey(name)}`);
    return list && list.length === 1 ? list[0] : undefined;
  }

  /**
   * Every place in `s` where a known name or alias starts: names indexed by their first two characters (every name
   * has two or more), so one pass over s checks only the few names starting there, however large the graph.
   */
  scan(s: string): Array<{ text: string; entry: GazetteerEntry; start: number }> {
    if (!this.byFirst) {
      this.byFirst = new Map();
      for (const n of this.names()) {
        const head = n.text.slice(0, 2);
        const list = this.byFirst.get(head);
        if (list) list.push(n);
        else this.byFirst.set(head, [n]);
      }
    }
    const out: Array<{ text: string; entry: GazetteerEntry; start: number }> = [];
    for (let i = 0; i + 1 < s.length; i++) {
      const list = this.byFirst.get(s.slice(i, i + 2));
      if (list) for (const n of list) if (s.startsWith(n.text, i)) out.push({ ...n, start: i });
    }
    return out;
  }

  /** Every name and alias, longest first, with its entry: what the text is scanned for. */
  names(): Array<{ text: string; entry: GazetteerEntry }> {
    const out: Array<{ text: string; entry: GazetteerEntry }> = [];
    for (const e of this.entries) for (const n of new Set([e.name, ...e.aliases])) if (n.length >= 2) out.push({ text: n, entry: e });
    return out.sort((a, b) => b.text.length - a.text.length);
  }
}

const READ_ENTITIES = `MATCH (e:${GRAPH_LABELS.Entity}) RETURN e.id AS id, e.type AS type, e.name AS name, e.kind AS kind, e.aliases AS aliases`;

/** Every entity of the graph as a gazetteer entry (one read). */
export async function loadGazetteer(driver: Driver, database?: string): Promise<Gazetteer> {
  const result = await driver.executeQuery(READ_ENTITIES, {}, { database, routing: 'READ' });
  const entries: GazetteerEntry[] = [];
  for (const r of result.records) {
    const type = r.get('type');
    if (!isEntityType(type) || !ENTITY_TYPE_NAMES.includes(type)) continue;
    entries.push({
      id: String(r.get('id')),
      type,
      name: String(r.get('name')),
      kind: r.get('kind') ?? undefined,
      aliases: (r.get('aliases') as string[] | null) ?? [],
    });
  }
  return new Gazetteer(entries);
}
