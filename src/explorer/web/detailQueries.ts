/**
 * The operations behind the details panel and the article reader: a node's details, an event's participants,
 * a relation's evidence, an article's text. Like every query of the page, public API only.
 */
import { gql, type GqlResult } from './api';
import { sourceList, sourceRows, sourcesField, type Page } from './edges';
import { t } from './i18n';
import { listField, type ListPage, PANEL_RELATION_TYPES, type PagedList, pageOf, rowsOf } from './panelPages';

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
  /** where each list stands: its total, and where its next page starts (panelPages.ts) */
  pages: Partial<Record<PagedList, ListPage>>;
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
  pages: Partial<Record<PagedList, ListPage>>;
  /** the event it took place during (a signing at a meeting) */
  partOf?: EventRef | null;
  /** the events that took place during it (the first 50, and how many there are) */
  parts?: { totalCount: number; edges: { node: EventRef }[] };
}

export interface EventRef {
  id: string;
  name: string;
  eventType: string;
  date: string | null;
}

export type NodeDetails = EntityDetails | EventDetails | { __typename: 'Article' | 'Figure'; id: string };

const REF = 'id name type kind';
const ARTICLE = 'id title publishedOn url';

/** A node's details, with the first page of each of its lists (panelPages.ts). */
export const NODE_DETAILS = `query ExplorerNode($id: ID!, $relationTypes: [RelationType!]) {
  node(id: $id) {
    __typename
    id
    ... on Entity {
      name type kind aliases attributes
      ${listField('sources')}
      ${listField('events')}
      ${listField('figures')}
      ${listField('relations')}
    }
    ... on Person { ${listField('positions')} }
    ... on Organization { ${listField('officials')} parent { ${REF} } }
    ... on Event {
      name eventType: type date endDate evidence attributes
      location { ${REF} }
      article { ${ARTICLE} }
      ${listField('participants')}
      partOf { id name eventType: type date }
      parts(first: 50) { totalCount edges { node { id name eventType: type date } } }
    }
  }
}`;

const ENTITY_LISTS: PagedList[] = ['sources', 'events', 'figures', 'relations', 'positions', 'officials'];

type Sent = Record<string, unknown> & { __typename: string };

/** The node's lists as rows, and where each stands. */
function withRows(n: Sent, lists: PagedList[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...n };
  const pages: Partial<Record<PagedList, ListPage>> = {};
  for (const list of lists) {
    const c = n[list] as Parameters<typeof pageOf>[0] | undefined;
    if (!c) continue;
    out[list] = rowsOf(list, c);
    pages[list] = pageOf(c);
  }
  return { ...out, pages };
}

export async function nodeDetails(id: string, signal?: AbortSignal): Promise<GqlResult<{ node: NodeDetails | null }>> {
  const r = await gql<{ node: Sent | null }>(NODE_DETAILS, { id, relationTypes: PANEL_RELATION_TYPES }, { signal, operationName: 'ExplorerNode', label: t('req.loadingDetails') });
  const n = r.data.node;
  if (!n || n.__typename === 'Article' || n.__typename === 'Figure') return r as unknown as GqlResult<{ node: NodeDetails | null }>;
  const node = withRows(n, n.__typename === 'Event' ? ['participants'] : ENTITY_LISTS) as unknown as NodeDetails;
  return { ...r, data: { node } };
}

/** The evidence for one participation: the event's participants in that role, with their sources. */
export const PARTICIPATION = `query ExplorerParticipation($event: ID!, $roles: [ParticipantRole!]) {
  node(id: $event) {
    __typename
    ... on Event {
      id name date evidence
      article { ${ARTICLE} }
      participants(roles: $roles, first: 100) { edges { role node { ${REF} } ${sourcesField(ARTICLE, 20)} } }
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

type ParticipationAsSent = Omit<NonNullable<ParticipationData['node']>, 'participants'> & {
  participants: Page<{ role: string; node: Ref; sources: Page<SourceData> }>;
};

export async function participation(eventId: string, roles: string[] | null, signal?: AbortSignal): Promise<GqlResult<ParticipationData>> {
  const r = await gql<{ node: ParticipationAsSent | null }>(PARTICIPATION, { event: eventId, roles }, { signal, operationName: 'ExplorerParticipation', label: t('req.loadingEvidence') });
  const n = r.data.node;
  // a node that is no event (a stale id) comes without participants
  const participants = n?.participants?.edges.map(({ node, sources, ...p }) => ({ ...p, entity: node, sources: sourceList(sources) })) ?? [];
  return { ...r, data: { node: n && { ...n, participants } } };
}

/** The evidence for one stated relation, seen from its source entity. */
export const RELATION = `query ExplorerRelation($id: ID!, $types: [RelationType!]) {
  entity(id: $id) {
    id name type
    relations(types: $types, direction: OUTGOING, first: 100) { edges {
      type direction attributes since until
      node { ${REF} }
      ${sourcesField(ARTICLE, 10)}
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
  relations: Page<Omit<NonNullable<RelationData['entity']>['relations'][number], 'other' | 'sources'> & { node: Ref; sources: Page<SourceData> }>;
};

export async function relationEvidence(sourceId: string, type: string, signal?: AbortSignal): Promise<GqlResult<RelationData>> {
  const r = await gql<{ entity: RelationAsSent | null }>(RELATION, { id: sourceId, types: [type] }, { signal, operationName: 'ExplorerRelation', label: t('req.loadingEvidence') });
  const e = r.data.entity;
  return { ...r, data: { entity: e && { ...e, relations: e.relations.edges.map(({ node, sources, ...x }) => ({ ...x, other: node, sources: sourceList(sources) })) } } };
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
        relations(article: $id, first: 10) { edges { node { id } ${sourcesField('id', 5)} } }
      } } }
    }
  }
}`;

export async function articleText(id: string, signal?: AbortSignal): Promise<GqlResult<{ node: ArticleText | { __typename: string } | null }>> {
  type Nodes<T> = Page<{ node: T }>;
  type Entity = ArticleText['entities'][number];
  type RelationSent = { node: { id: string }; sources: Page<Entity['relations'][number]['sources'][number]> };
  type EntitySent = { id: string; sources: Page<{ evidence: string | null; node: { id: string } }>; relations: Page<RelationSent> };
  type Paged = Omit<ArticleText, 'events' | 'entities'> & { events: Nodes<ArticleText['events'][number]>; entities: Nodes<EntitySent> };
  const r = await gql<{ node: Paged | { __typename: string } | null }>(ARTICLE_TEXT, { id }, { signal, operationName: 'ExplorerArticle', label: t('req.opening') });
  const n = r.data.node;
  if (!n || n.__typename !== 'Article') return r as GqlResult<{ node: { __typename: string } | null }>;
  // the article's events and entities, and each entity's sources and relations, are connections: the reader wants rows
  const a = n as Paged;
  const entities: Entity[] = a.entities.edges.map(({ node: e }) => ({ id: e.id, sources: sourceRows(e.sources), relations: e.relations.edges.map(({ node, sources }) => ({ other: node, sources: sourceList(sources) })) }));
  return { ...r, data: { node: { ...a, events: a.events.edges.map((e) => e.node), entities } } };
}
