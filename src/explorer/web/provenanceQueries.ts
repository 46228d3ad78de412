/** The evidence and article ids of the nodes and edges on the canvas, for the exports (provenance.ts). */
import { gql } from './api';
import { sourceList, sourceRows, type Page } from './edges';
import { t } from './i18n';

interface SourceIds {
  evidence: string | null;
  article: { id: string } | null;
}

export interface NodeProvenance {
  __typename: string;
  id: string;
  /** entities */
  sources?: SourceIds[];
  relations?: { type: string; direction: 'OUTGOING' | 'INCOMING'; other: { id: string }; sources: SourceIds[] }[];
  /** events */
  evidence?: string | null;
  article?: { id: string } | null;
  endDate?: string | null;
  participants?: { role: string; entity: { id: string }; sources: SourceIds[] }[];
}

/** Nodes a provenance request asks for (each entity's first 100 sources and relations stay under the cost limit). */
export const PROVENANCE_CHUNK = 8;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
type SourceEdge = { evidence: string | null; node: { id: string } | null };
type RelationEdge = Omit<NonNullable<NodeProvenance['relations']>[number], 'other' | 'sources'> & { node: { id: string }; sources: Page<SourceIds> };
type Paged<E> = Page<E> & { pageInfo: PageInfo };

type ParticipantEdge = Omit<NonNullable<NodeProvenance['participants']>[number], 'entity' | 'sources'> & { node: { id: string }; sources: Page<SourceIds> };

/** A node as the API sends it: an entity's sources and relations, an event's participants, are pages of edges. */
type NodeSent = Omit<NodeProvenance, 'sources' | 'relations' | 'participants'> & {
  sources?: Paged<SourceEdge>;
  relations?: Paged<RelationEdge>;
  participants?: Paged<ParticipantEdge>;
};
type Which = 'sources' | 'relations' | 'participants';

/** a link's first 8 sources: with 100 relations a node and 8 nodes a request, more would pass the default cost limit */
const SRC = 'sources(first: 8) { edges { evidence article: node { id } } }';
const PAGE = 'pageInfo { hasNextPage endCursor }';
const SOURCES = `${PAGE} edges { evidence node { id } }`;
const RELATIONS = `${PAGE} edges { type direction node { id } ${SRC} }`;
const PARTICIPANTS = `${PAGE} edges { role node { id } ${SRC} }`;

/** One aliased `node` field per id with the evidence and article ids of it and of its edges. */
export function provenanceQuery(ids: readonly string[]): string {
  const vars = ids.map((_, i) => `$i${i}: ID!`).join(', ');
  const fields = ids
    .map(
      (_, i) =>
        `n${i}: node(id: $i${i}) { __typename id ... on Entity { sources(first: 100) { ${SOURCES} } relations(direction: OUTGOING, first: 100) { ${RELATIONS} } } ... on Event { evidence endDate article { id } participants(first: 20) { ${PARTICIPANTS} } } }`,
    )
    .join('\n  ');
  return `query ExplorerProvenance(${vars}) {\n  ${fields}\n}`;
}

/** The next page of one entity's sources or relations, or of an event's participants (a hub has more than one page of them). */
export const MORE_PROVENANCE = `query ExplorerProvenanceMore($id: ID!, $sources: Boolean!, $relations: Boolean!, $participants: Boolean!, $after: String) {
  node(id: $id) {
    ... on Entity {
      sources(first: 100, after: $after) @include(if: $sources) { ${SOURCES} }
      relations(direction: OUTGOING, first: 100, after: $after) @include(if: $relations) { ${RELATIONS} }
    }
    ... on Event { participants(first: 100, after: $after) @include(if: $participants) { ${PARTICIPANTS} } }
  }
}`;

/** Every edge of a page and of the pages after it. */
async function allEdges<E>(id: string, which: Which, first: Paged<E>): Promise<E[]> {
  const edges = [...first.edges];
  let info = first.pageInfo;
  while (info.hasNextPage && info.endCursor) {
    const r = await gql<{ node: Partial<Record<Which, Paged<E>>> | null }>(
      MORE_PROVENANCE,
      { id, sources: which === 'sources', relations: which === 'relations', participants: which === 'participants', after: info.endCursor },
      { operationName: 'ExplorerProvenanceMore', label: t('export.collecting') },
    );
    const page = r.data.node?.[which];
    if (!page) break;
    edges.push(...page.edges);
    info = page.pageInfo;
  }
  return edges;
}

async function rowsOf(id: string, { sources, relations, participants, ...rest }: NodeSent): Promise<NodeProvenance> {
  return {
    ...rest,
    ...(participants ? { participants: (await allEdges(id, 'participants', participants)).map(({ node, sources: s, ...p }) => ({ ...p, entity: node, sources: sourceList(s) })) } : {}),
    ...(sources ? { sources: sourceRows({ edges: await allEdges(id, 'sources', sources) }) } : {}),
    ...(relations ? { relations: (await allEdges(id, 'relations', relations)).map(({ node, sources: s, ...r }) => ({ ...r, other: node, sources: sourceList(s) })) } : {}),
  };
}

/** Provenance of the nodes with these ids, PROVENANCE_CHUNK at a time. */
export async function provenance(ids: readonly string[]): Promise<Map<string, NodeProvenance>> {
  const out = new Map<string, NodeProvenance>();
  for (let i = 0; i < ids.length; i += PROVENANCE_CHUNK) {
    const chunk = ids.slice(i, i + PROVENANCE_CHUNK);
    const r = await gql<Record<string, NodeSent | null>>(provenanceQuery(chunk), Object.fromEntries(chunk.map((id, j) => [`i${j}`, id])), {
      operationName: 'ExplorerProvenance',
      label: t('export.collecting'),
    });
    for (const [j, id] of chunk.entries()) {
      const n = r.data[`n${j}`];
      if (n) out.set(id, await rowsOf(n.id, n));
    }
  }
  return out;
}
