import { nameKey, type EntityType } from '../model';

/** The graph key under which a name identifies entities of one type. */
export function nameKeyOf(type: EntityType, name: string): string {
  return `${type}|${nameKey(name)}`;
}
