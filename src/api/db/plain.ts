import neo4j from 'neo4j-driver';

/**
 * Driver values as plain JSON-like values: Integers become numbers (every integer this graph stores is a
 * count or a small value) and temporal values their ISO text, whether or not the driver was created with
 * `disableLosslessIntegers`, so resolvers never see driver types.
 *
 * Lists and plain maps are converted IN PLACE: they are the driver's freshly decoded values of one record, which
 * the caller owns and nothing else holds. A 50-event page with its participants and positions is ~3 000 maps;
 * copying each one again was a measurable share of the request's allocations.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // every value of every row passes here: primitives and plain maps, by far the most of them, are recognised
  // before asking the driver's type predicates, which each inspect the object
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = toPlain(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMapInPlace(value as Record<string, unknown>);
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

function plainMapInPlace(value: Record<string, unknown>): Record<string, unknown> {
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    const v = value[k];
    if (v === undefined || (v !== null && typeof v === 'object')) value[k] = toPlain(v);
  }
  return value;
}

/** Any other object (a Node, a Relationship): its own properties, converted, in a new plain map. */
function plainMap(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in value) if (Object.prototype.hasOwnProperty.call(value, k)) out[k] = toPlain(value[k]);
  return out;
}
