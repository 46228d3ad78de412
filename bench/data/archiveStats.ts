import type { Archive } from './generate';

type Doc = Record<string, any>;

export interface ArchiveStats {
  articles: number;
  entities: number;
  mentions: number;
  events: number;
  participations: number;
  relations: number;
  figures: number;
}

/** Counts what the documents state (facts = mentions + events + participations + relations + figures). */
export function factsOf(doc: Doc): number {
  return (
    doc.entities.length +
    doc.events.length +
    doc.events.reduce((n: number, e: Doc) => n + (e.participants?.length ?? 0), 0) +
    doc.relations.length +
    doc.figures.length
  );
}

export function statsOf(docs: Iterable<Doc>, entities: number): ArchiveStats {
  const s: ArchiveStats = { articles: 0, entities, mentions: 0, events: 0, participations: 0, relations: 0, figures: 0 };
  for (const d of docs) {
    s.articles += 1;
    s.mentions += d.entities.length;
    s.events += d.events.length;
    s.participations += d.events.reduce((n: number, e: Doc) => n + (e.participants?.length ?? 0), 0);
    s.relations += d.relations.length;
    s.figures += d.figures.length;
  }
  return s;
}

export function poolSize(archive: Pick<Archive, 'pool'>): number {
  return Object.values(archive.pool).reduce((n, list) => n + list.length, 0);
}
