/** The queries of the stack-overhead benchmark (`stackOverhead.ts`), and its arms' names. */

/** `product@<dir>`: the product of another checkout (e.g. a `git worktree` of an older commit), side by side */
export type Arm = 'raw' | 'apollo' | 'express' | 'product' | `product@${string}`;
export const ALL_ARMS: Arm[] = ['raw', 'apollo', 'express', 'product'];

export interface StackQuery {
  query: string;
  variables?: Record<string, unknown>;
  /** the answer expected (and the raw arm's); none for database queries (the arms' answers are compared) */
  rawAnswer?: unknown;
  /** needs the database (--neo4j-home or --bolt); variables are filled from the graph */
  db?: (pick: Picks) => Record<string, unknown>;
}

/** ids chosen from the graph for the database queries */
export interface Picks {
  entity: string;
}

export const QUERIES: Record<string, StackQuery> = {
  typename: { query: 'query Overhead { __typename }', rawAnswer: { data: { __typename: 'Query' } } },
  fragment: {
    query: 'query Frag { ...F } fragment F on Query { __typename a: __typename }',
    rawAnswer: { data: { __typename: 'Query', a: 'Query' } },
  },
  badArgPage: {
    query: `query EventPage { events(first: 1000, orderBy: DATE_DESC) { edges { node { id name date
        participants(first: 20) { edges { role node { id name ... on Person { positions(first: 3) { edges { title node { id name } } } } } } } } } } }`,
    rawAnswer: {
      errors: [{ message: 'first must be an integer from 1 to 100 (got 1000)', extensions: { code: 'BAD_USER_INPUT' } }],
      data: null,
    },
  },
  // database-bound (only with --neo4j-home or --bolt): the stack's share next to real resolvers and Neo4j
  entityById: {
    query: 'query EntityById($id: ID!) { entity(id: $id) { id type name aliases kind } }',
    db: (p) => ({ id: p.entity }),
  },
  eventPage: {
    query: `query EventPage { events(first: 10, orderBy: DATE_DESC) { edges { node { id name date
        participants(first: 20) { edges { role node { id name ... on Person { positions(first: 3) { edges { title node { id name } } } } } } } } } } }`,
    db: () => ({}),
  },
};
