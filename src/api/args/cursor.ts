import { badInput } from '../errors';

/**
 * Cursors are opaque to clients: base64 of a position in the ordered result, and of the field that issued it
 * (`kg:events:41`), so that a cursor of one list given to another is refused instead of read as an offset there.
 * Offsets (not sort keys) keep them valid for every order the API offers; the prefix tells our cursors from
 * arbitrary base64. Every connection of the schema names its field; `''` (`kg:<offset>`) is left for callers outside it.
 */
const PREFIX = 'kg:';

export function encodeCursor(offset: number, field = ''): string {
  return Buffer.from(`${PREFIX}${field ? `${field}:` : ''}${offset}`, 'utf8').toString('base64');
}

/** The number of rows to skip to resume after `cursor`, which must have been issued by `field`. */
export function skipAfter(cursor: string | null | undefined, name = 'after', field = ''): number {
  if (cursor === null || cursor === undefined) return 0;
  const text = cursor.length <= 60 ? Buffer.from(cursor, 'base64').toString('utf8') : '';
  const match = /^kg:(?:([A-Za-z]{1,30}):)?(\d{1,9})$/.exec(text);
  const issuer = match?.[1] ?? '';
  if (!match || encodeCursor(Number(match[2]), issuer) !== cursor) {
    throw badInput(`${name} is not a cursor this API issued`, name);
  }
  if (issuer !== field) {
    throw badInput(`${name} is a cursor of ${issuer ? `\`${issuer}\`` : 'another list'}, not of ${field ? `\`${field}\`` : 'this list'}`, name);
  }
  return Number(match[2]) + 1;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/**
 * A Relay connection over one page of rows that starts at `skip`. Each edge is `{ cursor, node }`, or
 * `{ cursor, ...edge(row) }` when the edge carries more than the node (search scores). `totalCount` is null
 * only when the client did not select it (the page functions count only on request).
 */
export function connectionOf<T, E extends object = { node: T }>(
  page: { rows: T[]; total: number | null; hasMore: boolean },
  skip: number,
  edge: (row: T) => E = (node) => ({ node }) as unknown as E,
  field = '',
): { edges: Array<E & { cursor: string }>; pageInfo: PageInfo; totalCount: number | null } {
  const edges = page.rows.map((row, i) => ({ ...edge(row), cursor: encodeCursor(skip + i, field) }));
  return {
    edges,
    totalCount: page.total,
    pageInfo: {
      hasNextPage: page.hasMore,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * A connection over a parent's whole list, as its loader read it (already in the field's order): the page from
 * `skip`, the total, and whether more follow. For the short lists that come whole with their parent's row (a
 * partner's events, a path step's sources, a passage's entities) or whose order is made in Node (an entity's
 * participation sources, merged): the page is cut here. Lists that can be long are paged in their statement.
 */
export function listConnection<T, E extends object>(
  rows: readonly T[],
  window: { skip: number; first: number },
  edge: (row: T) => E,
  field: string,
): { edges: Array<E & { cursor: string }>; pageInfo: PageInfo; totalCount: number | null } {
  const end = window.skip + window.first;
  return connectionOf({ rows: rows.slice(window.skip, end), total: rows.length, hasMore: rows.length > end }, window.skip, edge, field);
}
