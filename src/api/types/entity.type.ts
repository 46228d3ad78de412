import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InterfaceType } from 'type-graphql';
import type { EntityType } from '../../model';
import type { EntityRow } from '../cypher/rows';
import { EntityKindEnum, EntityTypeEnum } from './enums';
import { Node } from './node.type';

/**
 * What every named thing has. Name, aliases, kind and attributes are derived from what the articles that
 * mention the entity say (the most common name wins; every other name is an alias).
 */
@InterfaceType('Entity', {
  implements: Node,
  description: 'A named thing: a person, organisation, village, place or project.',
  resolveType: (row: EntityRow) => row.type,
})
export abstract class Entity extends Node {
  @Field(() => EntityTypeEnum, { description: 'What kind of thing it is (its GraphQL type names the same: `PERSON` is a `Person`).' })
  type!: EntityType;

  @Field(() => String, { description: 'Its name: the one most articles use.' })
  name!: string;

  @Field(() => [String], { description: 'Every other name the articles use for it.' })
  aliases!: string[];

  @Field(() => EntityKindEnum, { nullable: true, description: 'A finer classification within its type (of the kinds of that type); null when no article gives one.' })
  kind!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Flat attributes stated by the articles (merged, later articles win).' })
  attributes!: Record<string, unknown>;
}
