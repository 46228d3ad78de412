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
        entities { __typename id name type kind }
        events { __typename id name eventType: type date }
      }
    }
  }
}`;

/** A page of sentences holding `query`; `after`: the previous page's endCursor. */
export function passages(query: string, first: number, signal?: AbortSignal, after?: string | null): Promise<GqlResult<PassagesData>> {
  return gql<PassagesData>(PASSAGES, { query, first, after: after ?? null }, { signal, operationName: 'ExplorerPassages' });
}
