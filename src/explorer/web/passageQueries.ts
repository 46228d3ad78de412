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
  passages: { totalCount: number; edges: { node: PassageHit }[] };
}

export const PASSAGES = `query ExplorerPassages($query: String!, $first: Int!) {
  passages(query: $query, first: $first) {
    totalCount
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

export function passages(query: string, first: number, signal?: AbortSignal): Promise<GqlResult<PassagesData>> {
  return gql<PassagesData>(PASSAGES, { query, first }, { signal, operationName: 'ExplorerPassages' });
}
