import { partialDateSpan } from '../where/dates';
import { ApiError, badInput } from '../errors';

/**
 * Argument limits, checked in the resolvers before any database call so that one request cannot ask the
 * database for an unbounded amount of work. (Query depth, cost and alias limits are the server's.)
 */
export const ARG_LIMITS = {
  first: { min: 1, max: 100 },
  depth: { min: 1, max: 3 },
  maxLength: { min: 1, max: 6 },
  neighborhoodLimit: { min: 1, max: 500 },
  /** characters of any free-text argument */
  text: 1000,
  /** characters of an id */
  id: 500,
  /** ids in one list argument */
  ids: 100,
} as const;

/**
 * Integer arguments bounded by name across the schema: every `first` (page sizes), `neighborhood`'s `limit` and
 * `depth`, `paths`' `maxLength`. The server checks these in the operation before measuring its cost
 * (src/server/plugins/argumentBounds.ts) and the resolvers check them again, with the same error: an argument over
 * its maximum is the same BAD_USER_INPUT whichever check sees it.
 */
export const BOUNDED_ARGUMENTS: Readonly<Record<string, { min: number; max: number }>> = {
  first: ARG_LIMITS.first,
  limit: ARG_LIMITS.neighborhoodLimit,
  depth: ARG_LIMITS.depth,
  maxLength: ARG_LIMITS.maxLength,
};

/**
 * An argument outside its bounds: BAD_USER_INPUT, HTTP 400 (as for a variable that does not fit its type), with
 * `argumentName`, and `limit`/`max` naming the bound (as QUERY_TOO_COMPLEX names its limit).
 */
export function overLimit(message: string, argumentName: string, limit: string, max: number): ApiError {
  return new ApiError('BAD_USER_INPUT', message, { argumentName, limit, max, http: { status: 400 } });
}

export function checkInt(value: number, name: string, range: { min: number; max: number }, limit = name): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw overLimit(`${name} must be an integer from ${range.min} to ${range.max} (got ${value})`, name, limit, range.max);
  }
  return value;
}

export const checkFirst = (value: number, name = 'first'): number => checkInt(value, name, ARG_LIMITS.first, 'first');

/** Ids are exact (no trimming); empty or over-long ones are malformed rather than unknown. */
export function checkId(value: string, name: string): string {
  if (value.trim() === '') throw badInput(`${name} must not be empty`, name);
  if (value.length > ARG_LIMITS.id) throw overLimit(`${name} is longer than ${ARG_LIMITS.id} characters`, name, 'id', ARG_LIMITS.id);
  return value;
}

export function checkIds(values: readonly string[], name: string): string[] {
  if (values.length > ARG_LIMITS.ids) throw overLimit(`${name} holds more than ${ARG_LIMITS.ids} ids`, name, 'ids', ARG_LIMITS.ids);
  return values.map((v) => checkId(v, name));
}

export function checkText(value: string, name: string, opts: { nonEmpty?: boolean } = {}): string {
  if (value.length > ARG_LIMITS.text) throw overLimit(`${name} is longer than ${ARG_LIMITS.text} characters`, name, 'text', ARG_LIMITS.text);
  if (opts.nonEmpty && value.trim() === '') throw badInput(`${name} must not be empty`, name);
  return value;
}

/**
 * A `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) date as the first or last day it covers, so `to: "2023-06"` means up to
 * 2023-06-30.
 */
export function checkDate(value: string, name: string, end: 'first' | 'last'): string {
  const span = partialDateSpan(value);
  if (!span) throw badInput(`${name} must be a real date written YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value.slice(0, 40))}`, name);
  return span[end];
}

/**
 * A `from`/`to` window of partial dates as its first and last days; a window that ends before it starts is
 * BAD_USER_INPUT naming `from`, never an empty answer.
 */
export function checkWindow(
  given: { from?: string | null; to?: string | null },
  names: { from: string; to: string },
): { from: string | null; to: string | null } {
  const from = given.from != null ? checkDate(given.from, names.from, 'first') : null;
  const to = given.to != null ? checkDate(given.to, names.to, 'last') : null;
  if (from !== null && to !== null && from > to) {
    throw badInput(`${names.from} (${given.from}) is after ${names.to} (${given.to}): the window is empty`, names.from);
  }
  return { from, to };
}

/** Null and undefined both mean "not given"; an optional list becomes a list or null. */
export const orNull = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);
