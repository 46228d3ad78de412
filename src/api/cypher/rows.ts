import type { EntityType, EventType, FigureQualifier } from '../../model';
import type { Row } from '../db/run';

/**
 * What the Cypher functions return: plain objects shaped for the GraphQL types. `__label` tells the
 * interface and union resolvers which object type a row is.
 */
export interface EntityRow {
  __label: 'Entity';
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  kind: string | null;
  attributes: Record<string, unknown>;
}

export interface EventRow {
  __label: 'Event';
  id: string;
  type: EventType;
  name: string;
  date: string | null;
  endDate: string | null;
  attributes: Record<string, unknown>;
  evidence: string | null;
  articleId: string;
}

export interface ArticleRow {
  __label: 'Article';
  id: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  url: string | null;
  language: string | null;
}

export interface FigureRow {
  __label: 'Figure';
  id: string;
  metric: string;
  value: number;
  unit: string | null;
  period: string | null;
  change: number | null;
  qualifier: FigureQualifier | null;
  stated: string | null;
  subject: EntityRow | null;
}

export type NodeRow = EntityRow | EventRow | ArticleRow | FigureRow;

/** One supporting article; `article` is filled when the query already had it at hand. */
export interface SourceRow {
  articleId: string;
  evidence: string | null;
  article?: ArticleRow;
}

/** See claimKeyOf (cypher/fragments.ts): the sources of a row are loaded by this key on request. */
export type ClaimKey = string;

/** Whether rows carry claim keys: only when the client selected their `sources` (claimKeyEntry, fragments.ts). */
export interface ClaimsOption {
  withClaims: boolean;
}

/** A row map's claim key, null when the query was told not to compute it. */
export const claimKeyIn = (m: Row): ClaimKey | null => (typeof m.claimKey === 'string' ? m.claimKey : null);

export interface PositionRow {
  title: string;
  since: string | null;
  until: string | null;
  claimKey: ClaimKey | null;
  /** null when not selected (cypher/positions.ts reads it only when asked for) */
  person: EntityRow | null;
  organization: EntityRow;
}

export interface ParticipantRow {
  role: string;
  entity: EntityRow;
  claimKey: ClaimKey | null;
}

export interface EntityEventRow {
  event: EventRow;
  roles: string[];
  /** one per role, aligned with the participations read; null when claims were not asked for */
  claimKeys: ClaimKey[] | null;
}

export type Direction = 'OUTGOING' | 'INCOMING';

export interface RelationRow {
  type: string;
  direction: Direction;
  other: EntityRow;
  attributes: Record<string, unknown>;
  since: string | null;
  until: string | null;
  claimKey: ClaimKey | null;
}

export interface PartnerRow {
  organization: EntityRow;
  events: EventRow[];
  relations: RelationRow[];
  /** the organisation asked about or its units through which it is a partner (when asked for) */
  via: EntityRow[];
}

export interface GraphNodeRow {
  /** `GraphNode:<nodeId>`: never the id of a Node, so a normalising cache keeps the two apart */
  id: string;
  /** the entity's or event's id, which edges' source and target name */
  nodeId: string;
  label: string;
  type: string;
  kind: string | null;
  date: string | null;
}

export interface GraphEdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
  title: string | null;
}

function parseAttributes(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string' || text === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function entityRow(m: Row): EntityRow {
  return entityRowOfType(m, m.type as EntityType);
}

/** For maps that leave the type out, as their MATCH's label fixes it (entityMapWith, fragments.ts). */
export function entityRowOfType(m: Row, type: EntityType): EntityRow {
  return {
    __label: 'Entity',
    id: m.id as string,
    type,
    name: m.name as string,
    aliases: (m.aliases as string[] | null) ?? [],
    kind: str(m.kind),
    attributes: parseAttributes(m.attributes),
  };
}

export function eventRow(m: Row): EventRow {
  return {
    __label: 'Event',
    id: m.id as string,
    type: m.type as EventType,
    name: m.name as string,
    date: str(m.date),
    endDate: str(m.endDate),
    attributes: parseAttributes(m.attributes),
    evidence: str(m.evidence),
    articleId: m.article as string,
  };
}

export function articleRow(m: Row): ArticleRow {
  return {
    __label: 'Article',
    id: m.id as string,
    title: m.title as string,
    publisher: str(m.publisher),
    publishedOn: str(m.publishedOn),
    url: str(m.url),
    language: str(m.language),
  };
}

export function figureRow(m: Row): FigureRow {
  return {
    __label: 'Figure',
    id: m.id as string,
    metric: m.metric as string,
    value: m.value as number,
    unit: str(m.unit),
    period: str(m.period),
    change: typeof m.change === 'number' ? m.change : null,
    qualifier: (str(m.qualifier) as FigureQualifier | null),
    stated: str(m.stated),
    subject: m.subject ? entityRow(m.subject as Row) : null,
  };
}

/** Claims kept as aligned lists (`sourceArticles`, `sourceEvidence`) as one source per supporting article. */
export function claimSources(m: Row): SourceRow[] {
  const articles = (m.sourceArticles as string[] | null) ?? [];
  const evidence = (m.sourceEvidence as string[] | null) ?? [];
  return articles.map((articleId, i) => ({ articleId, evidence: evidence[i] ? evidence[i] : null }));
}

/** Sources without repeats of the same article and evidence (an entity in two roles cites its event twice). */
export function distinctSources(sources: SourceRow[]): SourceRow[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.articleId}\u0000${s.evidence ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A relation row as projected by `relationMap` (cypher/fragments.ts), seen from one of its ends. */
export function relationRow(m: Row, other: EntityRow): RelationRow {
  return {
    type: m.type as string,
    direction: m.direction as Direction,
    other,
    attributes: parseAttributes(m.attributes),
    since: str(m.since),
    until: str(m.until),
    claimKey: claimKeyIn(m),
  };
}
