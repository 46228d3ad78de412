/**
 * Every GraphQL operation the page sends. They use only the public API, so each one can be copied into
 * an analyst's script as it is.
 */
import { gql, type GqlResult } from './api';
import type { GEdge, GNode, GPath } from './graphTypes';
import type { SourceData } from './detailQueries';
import { type Page, sourceList, sourcesField } from './edges';
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

/** Which of a hit's names matched (`NAME` or `ALIAS`), how (`EXACT`, `PREFIX`, `CONTAINS`, `PINYIN`, `INITIALS`, `FUZZY`), and the parts to mark. */
export interface SearchMatch {
  text: string;
  field: string;
  kind: string;
  ranges: { start: number; end: number }[];
}

export interface SearchData {
  search: { totalCount: number; edges: { score: number; node: SearchHitNode; match: SearchMatch }[] };
}

export const SEARCH = `query ExplorerSearch($query: String!, $first: Int!) {
  search(query: $query, first: $first) {
    totalCount
    edges {
      score
      match { text field kind ranges { start end } }
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
    steps { edge { id } ${sourcesField('id title publishedOn url', 20)} }
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
export async function paths(a: PathsArgs): Promise<GqlResult<PathsData>> {
  const variables = { from: a.from, to: a.to, maxLength: a.maxLength ?? 6, first: a.first ?? (a.allLengths ? 10 : 5), exclude: orNull(a.exclude), excludeRelationTypes: orNull(a.excludeRelationTypes), excludeEventTypes: orNull(a.excludeEventTypes), allLengths: !!a.allLengths };
  type Sent = { paths: Array<Omit<FoundPath, 'steps'> & { steps: Array<{ edge: { id: string }; sources: Page<SourceData> }> }> };
  const r = await gql<Sent>(PATHS, variables, { operationName: 'ExplorerPaths', label: t('paths.finding') });
  // each step's sources are a connection: the path box reads them as a list
  const found = (r.data.paths ?? []).map((p) => ({ ...p, steps: p.steps.map((s) => ({ ...s, sources: sourceList(s.sources) })) }));
  return { ...r, data: { paths: found } };
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

export * from './detailQueries';
