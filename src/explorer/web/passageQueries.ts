/** The sentences of the articles that hold a search text (`passages`), for the search box's text hits. */
import { gql, type GqlResult } from './api';
import type { SearchHitNode } from './queries';

export interface PassageHit {
  text: string;
  /** the parts of `text` that match (UTF-16 offsets, end exclusive) */
  ranges: { start: number; end: number }[];
  article: { id: string; title: string; publishedOn: string | null };
  date: string | null;
  /** what the sentence states or names: entities (with __typename, name, type, kind) and events (eventType, date) */
  entities: SearchHitNode[];
  events: SearchHitNode[];
}

export interface PassagesData {
  passages: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: PassageHit }[] };
}

/** What a sentence names, as many as a hit shows (the search box shows a few of each). */
const NAMED = 10;

type Named = { edges: { node: SearchHitNode }[] };
interface PassagesSent {
  passages: Omit<PassagesData['passages'], 'edges'> & { edges: { node: Omit<PassageHit, 'entities' | 'events'> & { entities: Named; events: Named } }[] };
}

export const PASSAGES = `query ExplorerPassages($query: String!, $first: Int!, $after: String) {
  passages(query: $query, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        text
        ranges { start end }
        article { id title publishedOn }
        date
        entities(first: ${NAMED}) { edges { node { __typename id name type kind } } }
        events(first: ${NAMED}) { edges { node { __typename id name eventType: type date } } }
      }
    }
  }
}`;

/** A page of sentences holding `query`; `after`: the previous page's endCursor. */
export async function passages(query: string, first: number, signal?: AbortSignal, after?: string | null): Promise<GqlResult<PassagesData>> {
  const r = await gql<PassagesSent>(PASSAGES, { query, first, after: after ?? null }, { signal, operationName: 'ExplorerPassages' });
  const c = r.data.passages;
  // a sentence's entities and events are connections: the hit reads them as lists
  const edges = (c?.edges ?? []).map(({ node: n }) => ({ node: { ...n, entities: n.entities.edges.map((e) => e.node), events: n.events.edges.map((e) => e.node) } }));
  return { ...r, data: { passages: c && { ...c, edges } } };
}
