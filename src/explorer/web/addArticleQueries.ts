/**
 * The operations of the Add article view: draft a document from a text (`extractArticle`), find the graph
 * entity a mention stands for (`search`), load the reviewed document (`ingestArticle`). The first and the
 * last need an editor key. Entity types are told apart by `__typename`, which is the same in any naming of
 * the enums.
 */
import { gql, type GqlResult } from './api';
import type { DraftDoc, Problem } from './addArticleDraft';

export interface ArticleMetaInput {
  id?: string;
  title?: string;
  publishedOn?: string;
  publisher?: string;
}

/** What the extractor noticed: a stable code with its values (the page says it in its language), and in English. */
export interface ExtractNotice {
  code: string;
  message: string;
  params: Record<string, string | number> | null;
}

export interface ExtractData {
  extractArticle: { document: DraftDoc; problems: Problem[]; notices: ExtractNotice[]; unsure: number };
}

export const EXTRACT_ARTICLE = `mutation ExplorerExtractArticle($text: String!, $article: ExtractArticleInput) {
  extractArticle(text: $text, article: $article) { document problems { path message } notices { code message params } unsure }
}`;

export function extractDraft(text: string, article: ArticleMetaInput): Promise<GqlResult<ExtractData>> {
  return gql<ExtractData>(EXTRACT_ARTICLE, { text, article }, { operationName: 'ExplorerExtractArticle', label: 'Drafting the article…' });
}

export interface IngestData {
  ingestArticle: {
    articleId: string | null;
    status: string;
    problems: Problem[];
    counts: { entities: number; entitiesCreated: number; events: number; participations: number; relations: number; figures: number } | null;
  };
}

export const INGEST_ARTICLE = `mutation ExplorerIngestArticle($document: JSON!) {
  ingestArticle(document: $document) {
    articleId status problems { path message }
    counts { entities entitiesCreated events participations relations figures }
  }
}`;

export function ingestDraft(document: DraftDoc): Promise<GqlResult<IngestData>> {
  return gql<IngestData>(INGEST_ARTICLE, { document }, { operationName: 'ExplorerIngestArticle', label: 'Loading the article…' });
}

export interface LinkHit {
  __typename: string;
  id: string;
  name: string;
  kind?: string | null;
  aliases?: string[];
}

export const LINK_SEARCH = `query ExplorerLinkSearch($query: String!, $first: Int!) {
  search(query: $query, first: $first) {
    edges { node { __typename ... on Entity { id name kind aliases } } }
  }
}`;

/** Graph entities of `type` (Person, Organization, …) whose names match `query`. */
export async function findEntities(query: string, type: string, signal?: AbortSignal): Promise<LinkHit[]> {
  const res = await gql<{ search: { edges: { node: LinkHit }[] } }>(LINK_SEARCH, { query, first: 30 }, { signal, operationName: 'ExplorerLinkSearch' });
  return res.data.search.edges.map((e) => e.node).filter((n) => n.__typename === type && typeof n.id === 'string');
}
