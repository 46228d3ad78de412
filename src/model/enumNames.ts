import { ENTITY_KINDS, ENTITY_TYPE_NAMES, EVENT_TYPES, FIGURE_QUALIFIER_NAMES, PARTICIPANT_ROLES, RELATION_TYPE_NAMES } from './domain';

/**
 * GraphQL spells enum values in SCREAMING_SNAKE_CASE; the model and `kg-article/1` keep their own words
 * (`Person`, `GovernmentAgency`, `signatory`, `atLeast`). The API's enums name each value by `enumName` of
 * the model's word and carry the word itself as the value, so documents and the graph never change.
 */
export function enumName(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** `{ PERSON: 'Person', … }`: an enum object for GraphQL, names from `enumName`, values the model's words. */
export function enumValues<T extends string>(values: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const v of values) {
    const name = enumName(v);
    if (name in out) throw new Error(`two values named ${name}: ${out[name]} and ${v}`);
    out[name] = v;
  }
  return out;
}

const WORDS = new Map<string, string>(
  [...ENTITY_TYPE_NAMES, ...ENTITY_KINDS, ...EVENT_TYPES, ...PARTICIPANT_ROLES, ...FIGURE_QUALIFIER_NAMES, ...RELATION_TYPE_NAMES].map((w) => [enumName(w), w]),
);

/** The model's word a GraphQL enum value names (`GOVERNMENT_AGENCY` → `GovernmentAgency`); anything else as it is. */
export function modelWord<T>(value: T): T | string {
  return typeof value === 'string' ? (WORDS.get(value) ?? value) : value;
}
