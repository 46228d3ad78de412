/**
 * The operations of the duplicates queue (issue 25 §2, 26 §7): the candidate pairs of one review status, best
 * first (`duplicates`), and the editor's judgements on them (`mergeEntities`, `markDistinct`, `undoJudgement`,
 * `splitEntity`; all need an editor key), with the articles of an entity to split it by. Entity types are read from
 * `__typename`, the same in any naming of the enums.
 */
import { gql, type GqlResult } from './api';

export type DuplicateStatus = 'OPEN' | 'MERGED' | 'DISTINCT';

export interface PairEntity {
  __typename: string;
  id: string;
  name: string;
}

export interface DuplicatePair {
  status: DuplicateStatus;
  score: number;
  reasons: string[];
  a: PairEntity;
  b: PairEntity;
  judgement: { id: string; a: string; b: string; names: string[] | null; reason: string | null } | null;
}

export interface DuplicatesData {
  duplicates: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: DuplicatePair }>;
    /** blocks too big to compare pairwise (over the cap): pairs only they would give are not listed */
    skippedBlocks: Array<{ type: string; kind: string; value: string; entities: number }>;
  };
}

export const DUPLICATES = `query ExplorerDuplicates($status: DuplicateStatus!, $minScore: Float!, $first: Int!, $after: String) {
  duplicates(status: $status, minScore: $minScore, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } skippedBlocks { type kind value entities }
    edges { node { status score reasons a { __typename id name } b { __typename id name } judgement { id a b names reason } } }
  }
}`;

/** How many pairs one page of the queue shows. */
export const QUEUE_PAGE = 25;

export function duplicatesPage(status: DuplicateStatus, minScore: number, after: string | null): Promise<GqlResult<DuplicatesData>> {
  return gql<DuplicatesData>(DUPLICATES, { status, minScore, first: QUEUE_PAGE, after }, { operationName: 'ExplorerDuplicates', label: 'Loading the duplicates…' });
}

export const MERGE_PAIR = `mutation ExplorerMergePair($keep: ID!, $merge: ID!, $reason: String) {
  mergeEntities(keep: $keep, merge: $merge, reason: $reason) { id }
}`;

export const MARK_DISTINCT = `mutation ExplorerMarkDistinct($a: ID!, $b: ID!, $reason: String) {
  markDistinct(a: $a, b: $b, reason: $reason) { id }
}`;

export const UNDO_JUDGEMENT = `mutation ExplorerUndoJudgement($id: ID!, $reason: String) {
  undoJudgement(id: $id, reason: $reason) { id }
}`;

export const SPLIT_ENTITY = `mutation ExplorerSplitEntity($id: ID!, $articles: [ID!]!, $reason: String) {
  splitEntity(id: $id, articles: $articles, reason: $reason) { id b }
}`;

export interface EntityArticles {
  entity: { id: string; name: string; mentionedIn: { totalCount: number; edges: Array<{ node: { id: string; title: string | null; publishedOn: string | null } }> } } | null;
}

export const ENTITY_ARTICLES = `query ExplorerEntityArticles($id: ID!) {
  entity(id: $id) { id name mentionedIn(first: 100) { totalCount edges { node { id title publishedOn } } } }
}`;

const label = 'Saving the judgement…';

export const mergePair = (keep: string, merge: string, reason: string | null) =>
  gql<unknown>(MERGE_PAIR, { keep, merge, reason }, { operationName: 'ExplorerMergePair', label });
export const markDistinct = (a: string, b: string, reason: string | null) =>
  gql<unknown>(MARK_DISTINCT, { a, b, reason }, { operationName: 'ExplorerMarkDistinct', label });
export const undoJudgement = (id: string, reason: string | null) =>
  gql<unknown>(UNDO_JUDGEMENT, { id, reason }, { operationName: 'ExplorerUndoJudgement', label });
export const splitEntity = (id: string, articles: string[], reason: string | null) =>
  gql<{ splitEntity: { id: string; b: string } }>(SPLIT_ENTITY, { id, articles, reason }, { operationName: 'ExplorerSplitEntity', label });
export const entityArticles = (id: string) =>
  gql<EntityArticles>(ENTITY_ARTICLES, { id }, { operationName: 'ExplorerEntityArticles', label: 'Loading the articles…' });
