/**
 * Every GraphQL operation the page sends. They use only the public API, so each one can be copied into
 * an analyst's script as it is.
 */
import { gql, type GqlResult } from './api';
import { eventRows, relationRows, sourceRows, type Page } from './edges';
import type { GEdge, GNode, GPath } from './graphTypes';
import { t } from './i18n';

const GRAPH_NODE = 'id: nodeId label type kind date';
const GRAPH_EDGE = 'id source target type role title';

// ---------------------------------------------------------------- search

export interface SearchHitNode {
  __typename: string;
  id: string;
  name: string;
  type: string;
  kind?: string | null;
  aliases?: string[];
  /** an event's type (aliased: `type` of entities and of events have different GraphQL types) */
  eventType?: string;
  date?: string | null;
}

export interface SearchData {
  search: { totalCount: number; edges: { score: number; node: SearchHitNode }[] };
}

export const SEARCH = `query ExplorerSearch($query: String!, $first: Int!) {
  search(query: $query, first: $first) {
    totalCount
    edges {
      score
      node {
        __typename
        ... on Entity { id name type kind aliases }
        ... on Event { id name eventType: type date }
      }
    }
  }
}`;

export function search(query: string, first: number, signal?: AbortSignal): Promise<GqlResult<SearchData>> {
  return gql<SearchData>(SEARCH, { query, first }, { signal, operationName: 'ExplorerSearch' });
}

/** A search hit as a node of the graph view (events: type `Event`, kind = the event type). */
export function hitToNode(n: SearchHitNode): GNode {
  return n.__typename === 'Event'
    ? { id: n.id, label: n.name, type: 'Event', kind: n.eventType ?? null, date: n.date ?? null }
    : { id: n.id, label: n.name, type: n.type, kind: n.kind ?? null, date: null };
}

// ---------------------------------------------------------------- graph

export interface NeighborhoodData {
  neighborhood: { truncated: boolean; nodes: GNode[]; edges: GEdge[] } | null;
}

export const NEIGHBORHOOD = `query ExplorerNeighborhood($id: ID!, $depth: Int!, $limit: Int!, $entityTypes: [EntityType!], $eventTypes: [EventType!]) {
  neighborhood(id: $id, depth: $depth, limit: $limit, entityTypes: $entityTypes, eventTypes: $eventTypes) {
    truncated
    nodes { ${GRAPH_NODE} }
    edges { ${GRAPH_EDGE} }
  }
}`;

export interface NeighborhoodArgs {
  id: string;
  depth: number;
  limit: number;
  entityTypes: string[] | null;
  eventTypes: string[] | null;
}

export function neighborhood(args: NeighborhoodArgs, label?: string): Promise<GqlResult<NeighborhoodData>> {
  return gql<NeighborhoodData>(NEIGHBORHOOD, { ...args }, { operationName: 'ExplorerNeighborhood', label });
}

/**
 * A hub's 1-step neighbourhood, balanced by type: one request per entity type and one for events (each up
 * to HUB_LIMIT nodes), so that a hub whose first HUB_LIMIT neighbours are all of one type still shows the
 * others. `truncated` lists the types ('Event' for events) that had more than one request gives.
 */
export async function neighborhoodByType(
  args: Omit<NeighborhoodArgs, 'depth' | 'limit'>,
  vocab: { entityTypes: readonly string[]; eventTypes: readonly string[] },
  label?: string,
): Promise<{ nodes: GNode[]; edges: GEdge[]; truncated: string[]; errors: GqlResult<unknown>['errors']; found: boolean }> {
  const entityTypes = args.entityTypes ?? vocab.entityTypes;
  const asks: { key: string; entityTypes: string[]; eventTypes: string[] | null }[] = entityTypes.map((t) => ({ key: t, entityTypes: [t], eventTypes: [] }));
  if (args.eventTypes === null || args.eventTypes.length) asks.push({ key: 'Event', entityTypes: [], eventTypes: args.eventTypes });
  const answers = await Promise.all(asks.map((a) => neighborhood({ id: args.id, depth: 1, limit: HUB_LIMIT, entityTypes: a.entityTypes, eventTypes: a.eventTypes }, label)));
  const nodes = new Map<string, GNode>();
  const edges = new Map<string, GEdge>();
  const truncated: string[] = [];
  let found = false;
  answers.forEach((r, i) => {
    const sub = r.data.neighborhood;
    if (!sub) return;
    found = true;
    for (const n of sub.nodes) nodes.set(n.id, n);
    for (const e of sub.edges) edges.set(e.id, e);
    if (sub.truncated) truncated.push(asks[i].key);
  });
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated, errors: answers.flatMap((r) => r.errors), found };
}

/** One step of a found path: its edge and the sentences that state it. */
export interface PathStep {
  edge: { id: string };
  sources: SourceData[];
}

/** A path as the path box shows it: the graph path, and each step with its evidence. */
export interface FoundPath extends GPath {
  steps: PathStep[];
}

export interface PathsData {
  paths: FoundPath[];
}

export const PATHS = `query ExplorerPaths($from: ID!, $to: ID!, $maxLength: Int!, $first: Int!, $exclude: [ID!], $excludeRelationTypes: [RelationType!], $excludeEventTypes: [EventType!], $allLengths: Boolean = false) {
  paths(from: $from, to: $to, maxLength: $maxLength, first: $first, exclude: $exclude, excludeRelationTypes: $excludeRelationTypes, excludeEventTypes: $excludeEventTypes, allLengths: $allLengths) {
    length
    nodes { ${GRAPH_NODE} }
    edges { ${GRAPH_EDGE} }
    steps { edge { id } sources { evidence article { id title publishedOn url } } }
  }
}`;

export interface PathsArgs {
  from: string;
  to: string;
  /** ids no path may pass through */
  exclude?: string[];
  /** relation types (`PART_OF`) no path follows */
  excludeRelationTypes?: string[];
  /** event types (`Meeting`) no path passes through */
  excludeEventTypes?: string[];
  /** several paths, shortest first, not only those of the shortest length */
  allLengths?: boolean;
  maxLength?: number;
  first?: number;
}

const orNull = (xs: string[] | undefined): string[] | null => (xs?.length ? xs : null);

/** Paths between two nodes: by default the shortest 5; with `allLengths`, the 10 shortest of any length up to 6. */
export function paths(a: PathsArgs): Promise<GqlResult<PathsData>> {
  const variables = { from: a.from, to: a.to, maxLength: a.maxLength ?? 6, first: a.first ?? (a.allLengths ? 10 : 5), exclude: orNull(a.exclude), excludeRelationTypes: orNull(a.excludeRelationTypes), excludeEventTypes: orNull(a.excludeEventTypes), allLengths: !!a.allLengths };
  return gql<PathsData>(PATHS, variables, { operationName: 'ExplorerPaths', label: t('paths.finding') });
}

/**
 * Ids per restore request: each id costs two aliases (the field and `eventType`), and the server allows
 * 50 aliases per operation by default.
 */
export const RESTORE_CHUNK = 20;

/** A 1-step expansion asks for this many neighbours (the API's maximum), grouped when many (clusters.ts). */
export const HUB_LIMIT = 500;

/** The neighbourhood limit used to find the edges among restored nodes (cost stays under 5000). */
export const RESTORE_LIMIT = 300;

/** One aliased `node` field per id (`n0`, `n1`, …, with variables `$i0`, `$i1`, …). */
export function restoreQuery(ids: readonly string[]): string {
  const vars = ids.map((_, i) => `$i${i}: ID!`).join(', ');
  const fields = ids
    .map((_, i) => `n${i}: node(id: $i${i}) { __typename id ... on Entity { name type kind } ... on Event { name eventType: type date } }`)
    .join('\n  ');
  return `query ExplorerRestore(${vars}) {\n  ${fields}\n}`;
}

/** Graph nodes for ids (restoring a view), in one request with one aliased `node` field per id. */
export async function graphNodes(ids: readonly string[]): Promise<{ nodes: GNode[]; missing: string[]; errors: GqlResult<unknown>['errors'] }> {
  if (ids.length === 0) return { nodes: [], missing: [], errors: [] };
  const variables = Object.fromEntries(ids.map((id, i) => [`i${i}`, id]));
  const r = await gql<Record<string, (SearchHitNode & { __typename: string }) | null>>(restoreQuery(ids), variables, {
    operationName: 'ExplorerRestore',
    label: t('link.restoring'),
  });
  const nodes: GNode[] = [];
  const missing: string[] = [];
  ids.forEach((id, i) => {
    const n = r.data[`n${i}`];
    if (n && (n.__typename === 'Event' || typeof n.type === 'string')) {
      nodes.push(hitToNode(n));
    } else missing.push(id);
  });
  return { nodes, missing, errors: r.errors };
}

// ---------------------------------------------------------------- details

export interface Ref {
  id: string;
  name: string;
  type: string;
  kind?: string | null;
}

export interface ArticleRef {
  id: string;
  title: string;
  publishedOn?: string | null;
  url?: string | null;
}

export interface SourceData {
  evidence: string | null;
  article: ArticleRef | null;
}

export interface EntityDetails {
  __typename: string;
  id: string;
  name: string;
  type: string;
  kind: string | null;
  aliases: string[];
  attributes: Record<string, unknown>;
  sources: SourceData[];
  events: { roles: string[]; event: { id: string; name: string; type: string; date: string | null } }[];
  figures: { id: string; metric: string; value: number; unit: string | null; period: string | null; change: number | null; qualifier?: string | null; stated?: string | null; sources?: SourceData[] }[];
  positions?: { title: string; since: string | null; until: string | null; organization: Ref }[];
  officials?: { title: string; since: string | null; until: string | null; person: Ref }[];
  parent?: Ref | null;
  relations: { type: string; direction: 'OUTGOING' | 'INCOMING'; other: Ref; attributes: Record<string, unknown> }[];
}

export interface EventDetails {
  __typename: 'Event';
  id: string;
  name: string;
  eventType: string;
  date: string | null;
  endDate: string | null;
  evidence: string | null;
  attributes: Record<string, unknown>;
  location: Ref | null;
  article: ArticleRef | null;
  participants: { role: string; entity: Ref }[];
}

export type NodeDetails = EntityDetails | EventDetails | { __typename: 'Article' | 'Figure'; id: string };

const REF = 'id name type kind';
const ARTICLE = 'id title publishedOn url';

export const NODE_DETAILS = `query ExplorerNode($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Entity {
      name type kind aliases attributes
      sources(first: 100) { edges { evidence node { ${ARTICLE} } } }
      events(first: 50) { edges { roles node { id name type date } } }
      figures { id metric value unit period change qualifier stated sources { evidence article { ${ARTICLE} } } }
      relations(first: 100) { edges { type direction node { ${REF} } attributes } }
    }
    ... on Person { positions { title since until organization { ${REF} } } }
    ... on Organization { officials { title since until person { ${REF} } } parent { ${REF} } }
    ... on Event {
      name eventType: type date endDate evidence attributes
      location { ${REF} }
      article { ${ARTICLE} }
      participants { role entity { ${REF} } }
    }
  }
}`;

/** An entity's details as the API sends them: its events, relations and sources are pages of edges. */
type EntityAsSent = Omit<EntityDetails, 'sources' | 'events' | 'relations'> & {
  sources: Page<Omit<SourceData, 'article'> & { node: ArticleRef }>;
  events: Page<Omit<EntityDetails['events'][number], 'event'> & { node: EntityDetails['events'][number]['event'] }>;
  relations: Page<Omit<EntityDetails['relations'][number], 'other'> & { node: Ref }>;
};

export async function nodeDetails(id: string, signal?: AbortSignal): Promise<GqlResult<{ node: NodeDetails | null }>> {
  const r = await gql<{ node: NodeDetails | EntityAsSent | null }>(NODE_DETAILS, { id }, { signal, operationName: 'ExplorerNode', label: t('req.loadingDetails') });
  const n = r.data.node;
  if (!n || !('sources' in n) || !('edges' in (n as EntityAsSent).sources)) return r as GqlResult<{ node: NodeDetails | null }>;
  const e = n as EntityAsSent;
  const node: EntityDetails = { ...e, sources: sourceRows(e.sources), events: eventRows(e.events), relations: relationRows(e.relations) };
  return { ...r, data: { node } };
}

/** The evidence for one participation: the event's participants in that role, with their sources. */
export const PARTICIPATION = `query ExplorerParticipation($event: ID!, $roles: [ParticipantRole!]) {
  node(id: $event) {
    __typename
    ... on Event {
      id name date evidence
      article { ${ARTICLE} }
      participants(roles: $roles) { role entity { ${REF} } sources { evidence article { ${ARTICLE} } } }
    }
  }
}`;

export interface ParticipationData {
  node: {
    __typename: string;
    id: string;
    name: string;
    date: string | null;
    evidence: string | null;
    article: ArticleRef | null;
    participants: { role: string; entity: Ref; sources: SourceData[] }[];
  } | null;
}

export function participation(eventId: string, roles: string[] | null, signal?: AbortSignal): Promise<GqlResult<ParticipationData>> {
  return gql<ParticipationData>(PARTICIPATION, { event: eventId, roles }, { signal, operationName: 'ExplorerParticipation', label: t('req.loadingEvidence') });
}

/** The evidence for one stated relation, seen from its source entity. */
export const RELATION = `query ExplorerRelation($id: ID!, $types: [RelationType!]) {
  entity(id: $id) {
    id name type
    relations(types: $types, direction: OUTGOING, first: 100) { edges {
      type direction attributes since until
      node { ${REF} }
      sources { evidence article { ${ARTICLE} } }
    } }
  }
}`;

export interface RelationData {
  entity: {
    id: string;
    name: string;
    type: string;
    relations: {
      type: string;
      direction: string;
      attributes: Record<string, unknown>;
      since: string | null;
      until: string | null;
      other: Ref;
      sources: SourceData[];
    }[];
  } | null;
}

type RelationAsSent = Omit<NonNullable<RelationData['entity']>, 'relations'> & {
  relations: Page<Omit<NonNullable<RelationData['entity']>['relations'][number], 'other'> & { node: Ref }>;
};

export async function relationEvidence(sourceId: string, type: string, signal?: AbortSignal): Promise<GqlResult<RelationData>> {
  const r = await gql<{ entity: RelationAsSent | null }>(RELATION, { id: sourceId, types: [type] }, { signal, operationName: 'ExplorerRelation', label: t('req.loadingEvidence') });
  const e = r.data.entity;
  return { ...r, data: { entity: e && { ...e, relations: relationRows(e.relations) } } };
}

// ---------------------------------------------------------------- the article reader

export interface ArticleText {
  __typename: 'Article';
  id: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  url: string | null;
  text: string | null;
  events: { id: string; evidence: string | null }[];
  entities: { id: string; sources: { evidence: string | null; article: { id: string } | null }[]; relations: { other: { id: string }; sources: { evidence: string | null; article: { id: string } | null }[] }[] }[];
}

/**
 * An article's text, and the evidence of what it reports (to mark the sentences of the facts on the canvas): its
 * entities' mentions and relations stated by this article only.
 */
export const ARTICLE_TEXT = `query ExplorerArticle($id: ID!) {
  node(id: $id) {
    __typename
    ... on Article {
      id title publisher publishedOn url text
      events(first: 100) { edges { node { id evidence } } }
      entities(first: 100) { edges { node {
        id
        sources(article: $id, first: 5) { edges { evidence node { id } } }
        relations(article: $id, first: 10) { edges { node { id } sources { evidence article { id } } } }
      } } }
    }
  }
}`;

export async function articleText(id: string, signal?: AbortSignal): Promise<GqlResult<{ node: ArticleText | { __typename: string } | null }>> {
  type Nodes<T> = Page<{ node: T }>;
  type Entity = ArticleText['entities'][number];
  type EntitySent = { id: string; sources: Page<{ evidence: string | null; node: { id: string } }>; relations: Page<Omit<Entity['relations'][number], 'other'> & { node: { id: string } }> };
  type Paged = Omit<ArticleText, 'events' | 'entities'> & { events: Nodes<ArticleText['events'][number]>; entities: Nodes<EntitySent> };
  const r = await gql<{ node: Paged | { __typename: string } | null }>(ARTICLE_TEXT, { id }, { signal, operationName: 'ExplorerArticle', label: t('req.opening') });
  const n = r.data.node;
  if (!n || n.__typename !== 'Article') return r as GqlResult<{ node: { __typename: string } | null }>;
  // the article's events and entities, and each entity's sources and relations, are connections: the reader wants rows
  const a = n as Paged;
  const entities: Entity[] = a.entities.edges.map(({ node: e }) => ({ id: e.id, sources: sourceRows(e.sources), relations: relationRows(e.relations) }));
  return { ...r, data: { node: { ...a, events: a.events.edges.map((e) => e.node), entities } } };
}
