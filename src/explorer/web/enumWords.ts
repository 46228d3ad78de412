/**
 * The page speaks the model's words (`Person`, `Signing`, `signatory`), as GraphNode and GraphEdge do; the API's
 * enums name them in GraphQL's SCREAMING_SNAKE_CASE (`PERSON`, `SIGNING`, `SIGNATORY`). `gql` turns enum
 * variables into GraphQL's names and enum values of answers back into the model's words, here only.
 */
import { enumName, modelWord } from '../../model/enumNames';

/** Answer fields the page's operations select with a domain enum type (aliases included: `eventType`). */
const ENUM_FIELDS = new Set(['type', 'kind', 'eventType', 'role', 'roles', 'qualifier']);
/** Variables of the page's operations typed with a domain enum. */
const ENUM_VARIABLES = new Set(['entityTypes', 'eventTypes', 'roles', 'excludeRelationTypes', 'excludeEventTypes']);

function word(v: unknown): unknown {
  return Array.isArray(v) ? v.map(word) : modelWord(v);
}

/** An answer with every enum value of the fields above in the model's words (`attributes` are data: left alone). */
export function inModelWords<T>(data: T): T {
  if (Array.isArray(data)) return data.map(inModelWords) as T;
  if (data === null || typeof data !== 'object') return data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    out[k] = k === 'attributes' ? v : ENUM_FIELDS.has(k) ? word(v) : inModelWords(v);
  }
  return out as T;
}

/** Variables with the model's words of enum lists named as GraphQL names them. */
export function withEnumNames(variables: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(variables)) out[k] = ENUM_VARIABLES.has(k) && Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? enumName(x) : x)) : v;
  return out;
}
