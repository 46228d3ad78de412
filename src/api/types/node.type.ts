import { Field, ID, InterfaceType } from 'type-graphql';
import type { NodeRow } from '../cypher/rows';

/** The GraphQL object type of a row: entities by their type, the rest by their label. */
export function typeNameOf(row: NodeRow): string {
  return row.__label === 'Entity' ? row.type : row.__label;
}

@InterfaceType('Node', {
  description: 'Anything with a global id: entities, events, articles, figures.',
  resolveType: (row: NodeRow) => typeNameOf(row),
})
export abstract class Node {
  @Field(() => ID, { description: 'Its global id, the one `node(id:)` takes: an entity\'s id as the articles give it (`person:jin-feng`), an event\'s `<article id>#<key>`, an article\'s id, a figure\'s derived id.' })
  id!: string;
}
