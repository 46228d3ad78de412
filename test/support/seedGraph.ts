/**
 * The seed article's graph read straight from the document (not through the API), to recompute what the
 * graph views should answer: every edge as the API identifies it, and the simple paths between two nodes.
 */
import { readFileSync } from 'fs';
import * as path from 'path';

export const SEED_ARTICLE = 'gaoyou-edz-newsletter-2023-06';
const evId = (key: string): string => `${SEED_ARTICLE}#${key}`;

interface SeedDoc {
  article: { text: string };
  entities: Array<{ key: string; id: string; type: string }>;
  events: Array<{ key: string; type: string; location?: string; participants?: Array<{ entity: string; role: string }> }>;
  relations: Array<{ type: string; from: string; to: string; attributes?: Record<string, unknown> }>;
}

export const seedDoc = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'seed', `${SEED_ARTICLE}.json`), 'utf8')) as SeedDoc;
const idOf = new Map(seedDoc.entities.map((e) => [e.key, e.id]));
const eventType = new Map(seedDoc.events.map((e) => [evId(e.key), e.type]));

export interface SeedEdge {
  source: string;
  target: string;
  type: string;
}

/** Every relation, participation and event location of the seed. */
export const seedEdges: SeedEdge[] = [
  ...seedDoc.relations.map((r) => ({ source: idOf.get(r.from)!, target: idOf.get(r.to)!, type: r.type })),
  ...seedDoc.events.flatMap((e) => [
    ...(e.participants ?? []).map((p) => ({ source: idOf.get(p.entity)!, target: evId(e.key), type: 'PARTICIPATED_IN' })),
    ...(e.location ? [{ source: evId(e.key), target: idOf.get(e.location)!, type: 'OCCURRED_AT' }] : []),
  ]),
];

export interface Avoid {
  nodes?: string[];
  relationTypes?: string[];
  eventTypes?: string[];
}

/** Every path without a node twice from `from` to `to` of at most `maxLength` steps, as node ids; none through what `avoid` names. */
export function simplePaths(from: string, to: string, maxLength: number, avoid: Avoid = {}): string[][] {
  const blocked = (id: string) => id !== to && ((avoid.nodes ?? []).includes(id) || (avoid.eventTypes ?? []).includes(eventType.get(id) ?? ''));
  const next = new Map<string, Set<string>>();
  for (const e of seedEdges) {
    if ((avoid.relationTypes ?? []).includes(e.type)) continue;
    for (const [a, b] of [[e.source, e.target], [e.target, e.source]]) {
      if (!next.has(a)) next.set(a, new Set());
      next.get(a)!.add(b);
    }
  }
  const found: string[][] = [];
  const walk = (route: string[]): void => {
    const at = route[route.length - 1];
    if (at === to) return void found.push(route);
    if (route.length > maxLength) return;
    for (const n of next.get(at) ?? []) if (!route.includes(n) && !blocked(n)) walk([...route, n]);
  };
  walk([from]);
  return found;
}
