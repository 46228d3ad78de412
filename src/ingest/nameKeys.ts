import { nameKey, type EntityType } from '../model';
import type { EntityInput } from './document';

/**
 * The one place where a name becomes a key of identity. `nameKey` (src/model) normalises the text; everything
 * here adds the type. Identity resolution, derivation, generated ids and the API's name filters all use these.
 */

/** The graph key under which a name identifies entities of one type (`Person|金锋`). */
export function nameKeyOf(type: EntityType, name: string): string {
  return `${type}|${nameKey(name)}`;
}

/** Every key of an entity as a document gives it: its name's and its aliases'. */
export function nameKeysOf(e: Pick<EntityInput, 'type' | 'name' | 'aliases'>): string[] {
  return [...new Set([e.name, ...(e.aliases ?? [])].map((n) => nameKeyOf(e.type, n)))];
}

/** Id of an entity first seen without an explicit id: readable, and the same whichever article comes first. */
export function generatedEntityId(type: EntityType, name: string): string {
  return `${type.toLowerCase()}:${nameKey(name)}`;
}
