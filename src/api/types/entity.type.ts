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
  @Field(() => EntityTypeEnum)
  type!: EntityType;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Every other name the articles use for it.' })
  aliases!: string[];

  @Field(() => EntityKindEnum, { nullable: true })
  kind!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Flat attributes stated by the articles (merged, later articles win).' })
  attributes!: Record<string, unknown>;
}
