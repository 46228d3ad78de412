import neo4j from 'neo4j-driver';

/**
 * Driver values as plain JSON-like values: Integers become numbers (every integer this graph stores is a
 * count or a small value) and temporal values their ISO text, whether or not the driver was created with
 * `disableLosslessIntegers`, so resolvers never see driver types.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // every value of every row passes here: primitives and plain maps, by far the most of them, are recognised
  // before asking the driver's type predicates, which each inspect the object
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  if (neo4j.isInt(value)) return value.toNumber();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  return plainMap(value as Record<string, unknown>);
}

function plainMap(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in value) if (Object.prototype.hasOwnProperty.call(value, k)) out[k] = toPlain(value[k]);
  return out;
}
