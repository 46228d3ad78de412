import { partialDateSpan } from '../where/dates';
import { badInput } from '../errors';

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

export function checkInt(value: number, name: string, range: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw badInput(`${name} must be an integer from ${range.min} to ${range.max} (got ${value})`, name);
  }
  return value;
}

export const checkFirst = (value: number, name = 'first'): number => checkInt(value, name, ARG_LIMITS.first);

/** Ids are exact (no trimming); empty or over-long ones are malformed rather than unknown. */
export function checkId(value: string, name: string): string {
  if (value.trim() === '') throw badInput(`${name} must not be empty`, name);
  if (value.length > ARG_LIMITS.id) throw badInput(`${name} is longer than ${ARG_LIMITS.id} characters`, name);
  return value;
}

export function checkIds(values: readonly string[], name: string): string[] {
  if (values.length > ARG_LIMITS.ids) throw badInput(`${name} holds more than ${ARG_LIMITS.ids} ids`, name);
  return values.map((v) => checkId(v, name));
}

export function checkText(value: string, name: string, opts: { nonEmpty?: boolean } = {}): string {
  if (value.length > ARG_LIMITS.text) throw badInput(`${name} is longer than ${ARG_LIMITS.text} characters`, name);
  if (opts.nonEmpty && value.trim() === '') throw badInput(`${name} must not be empty`, name);
  return value;
}

/**
 * A `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) date as the first or last day it covers, so `to: "2023-06"` means up to
 * 2023-06-30.
 */
export function checkDate(value: string, name: string, end: 'first' | 'last'): string {
  const span = partialDateSpan(value);
  if (!span) throw badInput(`${name} must be a real date written YYYY-MM-DD (or YYYY-MM, YYYY), got ${JSON.stringify(value.slice(0, 40))}`, name);
  return span[end];
}

/** Null and undefined both mean "not given"; an optional list becomes a list or null. */
export const orNull = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);
