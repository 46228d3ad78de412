/**
 * The operations behind the details panel and the article reader: a node's details, an event's participants,
 * a relation's evidence, an article's text. Like every query of the page, public API only.
 */
import { gql, type GqlResult } from './api';
import { eventRows, relationRows, sourceRows, type Page } from './edges';
import { t } from './i18n';

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
