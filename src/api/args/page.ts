import { ARG_LIMITS } from './limits';

/**
 * The page arguments of the whole schema follow one convention (test/api.pageArguments.test.ts walks the schema and
 * fails on a field that breaks it):
 * - a list that can grow without bound is a connection (`…Connection`: edges, pageInfo, totalCount) and takes
 *   `first` (1 to 100, PAGE_SIZE unless given) and `after` (the endCursor of a page of the same field);
 * - a list that is capped but not a connection (figures, grouped counts, paths) takes `first` (1 to 100) with a
 *   default of its own, which its description says in the same words;
 * - a page size has no other name (`limit`, `take`, `last`, `offset`): the neighbourhood's `limit` is a budget of
 *   nodes for a drawing, not a page, and says its default the same way.
 */
export const PAGE_SIZE = 20;

/** `first`'s description: `At most this many (1 to 100; 20 unless given).`, `what` naming the items when it helps. */
export const firstDescription = (defaultValue: number, what = ''): string =>
  `At most this many${what ? ` ${what}` : ''} (${ARG_LIMITS.first.min} to ${ARG_LIMITS.first.max}; ${defaultValue} unless given).`;

/** `after`'s description, the same on every connection. */
export const AFTER_DESCRIPTION = 'The endCursor of the previous page of this field (a cursor of another field is BAD_USER_INPUT).';
