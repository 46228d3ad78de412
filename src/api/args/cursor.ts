import { badInput } from '../errors';

/**
 * Cursors are opaque to clients: base64 of a position in the ordered result, and of the field that issued it
 * (`kg:events:41`), so that a cursor of one list given to another is refused instead of read as an offset there.
 * Offsets (not sort keys) keep them valid for every order the API offers; the prefix tells our cursors from
 * arbitrary base64. Every connection of the schema names its field; `''` (`kg:<offset>`) is left for callers outside it.
 */
const PREFIX = 'kg:';

/** `btoa`: the text is ASCII, and a page of nested edges makes hundreds (a third of Buffer's cost each). */
export function encodeCursor(offset: number, field = ''): string {
  return btoa(`${PREFIX}${field ? `${field}:` : ''}${offset}`);
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
 * An edge whose cursor is encoded when it is read: when a client selects it. A page of events with their
 * participants and positions holds hundreds of edges, and their cursors are rarely asked for.
 */
class LazyEdge {
  readonly #offset: number;
  readonly #field: string;

  constructor(offset: number, field: string) {
    this.#offset = offset;
    this.#field = field;
  }

  get cursor(): string {
    return encodeCursor(this.#offset, this.#field);
  }
}

/** A page's PageInfo, its cursors read from its first and last edges when asked for. */
class LazyPageInfo implements PageInfo {
  readonly #edges: ReadonlyArray<{ cursor: string }>;

  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    edges: ReadonlyArray<{ cursor: string }>,
  ) {
    this.#edges = edges;
  }

  get startCursor(): string | null {
    return this.#edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.#edges[this.#edges.length - 1]?.cursor ?? null;
  }
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
  const edges = page.rows.map((row, i) => Object.assign(new LazyEdge(skip + i, field), edge(row)));
  return { edges, totalCount: page.total, pageInfo: new LazyPageInfo(page.hasMore, skip > 0, edges) };
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
