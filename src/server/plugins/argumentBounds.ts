/**
 * Bounded integer arguments (`first`, `limit`, `depth`, `maxLength`: src/api's BOUNDED_ARGUMENTS) checked in the
 * operation before its cost is measured. Without this, `first: 1000` under a costly selection was QUERY_TOO_COMPLEX
 * (the cost limit saw it first) and under a cheap one BAD_USER_INPUT (the resolver saw it): the same argument over
 * its maximum now gets the resolver's error, BAD_USER_INPUT with HTTP 400, whichever check sees it.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, valueFromASTUntyped } from 'graphql';
import { BOUNDED_ARGUMENTS, overLimit } from '../../api';

/** The error for the first bounded argument of the operation (fragments included) outside its bounds, or undefined. */
export function argumentBoundsError(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): Error | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): Error | undefined => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue; // a fragment's arguments are the same wherever it is spread
        seen.add(frag.name.value);
        const found = walk(frag.selectionSet);
        if (found) return found;
        continue;
      }
      if (sel.kind === Kind.FIELD) {
        for (const arg of sel.arguments ?? []) {
          const range = BOUNDED_ARGUMENTS[arg.name.value];
          if (!range) continue;
          const value = valueFromASTUntyped(arg.value, variables);
          // anything but an integer is for variable coercion and validation to report, as graphql-js words it
          if (typeof value !== 'number' || !Number.isInteger(value)) continue;
          if (value < range.min || value > range.max) {
            const name = arg.name.value;
            return overLimit(`${name} must be an integer from ${range.min} to ${range.max} (got ${value})`, name, name, range.max);
          }
        }
      }
      if (sel.selectionSet) {
        const found = walk(sel.selectionSet);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(operation.selectionSet);
}
