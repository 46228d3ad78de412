/**
 * An entity's `events`, `relations` and `sources` are connections: what belongs to the link (roles, the relation's
 * type and dates, the quote) is on each edge and the node is at the other end. The panels read them as rows with the
 * node under the name the row gives it (`event`, `other`, `article`); these turn a page's edges into those rows.
 */
export interface Page<E> {
  edges: E[];
}

export const eventRows = <N, E extends { node: N }>(p: Page<E>): Array<Omit<E, 'node'> & { event: N }> =>
  p.edges.map(({ node, ...rest }) => ({ ...rest, event: node }));

export const relationRows = <N, E extends { node: N }>(p: Page<E>): Array<Omit<E, 'node'> & { other: N }> =>
  p.edges.map(({ node, ...rest }) => ({ ...rest, other: node }));

export const sourceRows = <N, E extends { node: N }>(p: Page<E>): Array<Omit<E, 'node'> & { article: N }> =>
  p.edges.map(({ node, ...rest }) => ({ ...rest, article: node }));

/**
 * The `sources` of a fact (a relation, a participation, a figure, a path's step) are connections too; the queries
 * select their edges with the article aliased (`edges { evidence article: node { … } }`), so that an edge is the
 * row the panels read: `sourceList` takes them out (none when the field was not there).
 */
export const sourcesField = (article: string, first: number): string => `sources(first: ${first}) { edges { evidence article: node { ${article} } } }`;
export const sourceList = <S>(c: Page<S> | null | undefined): S[] => c?.edges ?? [];
