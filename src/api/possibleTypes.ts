import { type GraphQLSchema, isAbstractType } from 'graphql';

/**
 * Apollo Client's `possibleTypes` for this schema: every interface and union with the object types that implement
 * or belong to it, so that its cache matches fragments on `Entity`, `Node` and `SearchResult` (emitted to
 * schema/possibleTypes.json by `npm run emit`).
 */
export function possibleTypesOf(schema: GraphQLSchema): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isAbstractType(type)) continue;
    out[type.name] = schema.getPossibleTypes(type).map((t) => t.name).sort();
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export const possibleTypesJson = (schema: GraphQLSchema): string => `${JSON.stringify(possibleTypesOf(schema), null, 2)}\n`;
