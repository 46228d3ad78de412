/**
 * The lists of the details panel are pages of the API's connections: the panel reads PANEL_PAGE of each with the
 * node's details, says "N of M" from their `totalCount`, and reads the next page of one list when asked ("more").
 * Here: what each list selects, the query for its next page, and how its edges become the rows the panels read.
 */
import { RELATION_TYPES } from '../../model/domain';
import { gql } from './api';
import { eventRows, relationRows, sourceList, sourceRows, sourcesField, type Page } from './edges';
import { t } from './i18n';

export const PANEL_PAGE = 20;

export type PagedList = 'sources' | 'events' | 'relations' | 'figures' | 'positions' | 'officials' | 'participants';

/** Where a list of the panel stands: how many there are in all, and where its next page starts. */
export interface ListPage {
  total: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

const REF = 'id name type kind';
const ARTICLE = 'id title publishedOn url';
const PAGE_INFO = 'totalCount pageInfo { hasNextPage endCursor }';

/** What each list selects on its edges. */
const EDGES: Record<PagedList, string> = {
  sources: `edges { evidence node { ${ARTICLE} } }`,
  events: 'edges { roles node { id name type date } }',
  relations: `edges { type direction node { ${REF} } attributes }`,
  figures: `edges { node { id metric value unit period change qualifier stated ${sourcesField(ARTICLE, 20)} } }`,
  positions: `edges { title since until node { ${REF} } }`,
  officials: `edges { title since until node { ${REF} } }`,
  participants: `edges { role node { ${REF} } }`,
};

/** The type the list is a field of. */
const ON: Record<PagedList, string> = {
  sources: 'Entity',
  events: 'Entity',
  relations: 'Entity',
  figures: 'Entity',
  positions: 'Person',
  officials: 'Organization',
  participants: 'Event',
};

/** Relations in the panel leave out HOLDS_POSITION: positions and officials have their own lists. */
export const PANEL_RELATION_TYPES = Object.keys(RELATION_TYPES).filter((r) => r !== 'HOLDS_POSITION');

/** The list as a field of the node's query, `after` a variable or not given. */
export function listField(list: PagedList, after = ''): string {
  const args = [`first: ${PANEL_PAGE}`, ...(after ? [`after: ${after}`] : []), ...(list === 'relations' ? ['types: $relationTypes'] : [])];
  return `${list}(${args.join(', ')}) { ${PAGE_INFO} ${EDGES[list]} }`;
}

/** The next page of one list of one node. */
export function moreQuery(list: PagedList): string {
  const types = list === 'relations' ? ', $relationTypes: [RelationType!]' : '';
  return `query ExplorerMore($id: ID!, $after: String!${types}) {
  node(id: $id) { __typename ... on ${ON[list]} { ${listField(list, '$after')} } }
}`;
}

type Edge = Record<string, unknown> & { node: unknown };
interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Edge[];
}

const withNodeAs = (name: string) => (c: { edges: Edge[] }) => c.edges.map(({ node, ...rest }) => ({ ...rest, [name]: node }));

/** A page's edges as the panels' rows (the node under the name the row gives it). */
const ROWS: Record<PagedList, (c: { edges: Edge[] }) => unknown[]> = {
  sources: sourceRows,
  events: eventRows,
  relations: relationRows,
  // a figure's sources are a connection too: its rows carry them as a list
  figures: (c) => c.edges.map((e) => {
    const f = e.node as Record<string, unknown> & { sources?: Page<unknown> };
    return { ...f, sources: sourceList(f.sources) };
  }),
  positions: withNodeAs('organization'),
  officials: withNodeAs('person'),
  participants: withNodeAs('entity'),
};

export const rowsOf = (list: PagedList, c: { edges: Edge[] }): unknown[] => ROWS[list](c);
export const pageOf = (c: Connection): ListPage => ({ total: c.totalCount, hasNextPage: c.pageInfo.hasNextPage, endCursor: c.pageInfo.endCursor });

/** The next page of `list` of node `id`, after `after`, as rows and where the list then stands. */
export async function morePage(list: PagedList, id: string, after: string): Promise<{ rows: unknown[]; page: ListPage }> {
  const variables = { id, after, ...(list === 'relations' ? { relationTypes: PANEL_RELATION_TYPES } : {}) };
  const r = await gql<{ node: Record<string, Connection | undefined> | null }>(moreQuery(list), variables, { operationName: 'ExplorerMore', label: t('req.loadingDetails') });
  const c = r.data.node?.[list];
  if (!c) return { rows: [], page: { total: 0, hasNextPage: false, endCursor: null } };
  return { rows: rowsOf(list, c), page: pageOf(c) };
}
