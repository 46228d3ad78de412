import { GraphQLJSONObject } from 'graphql-scalars';
import { Field } from 'type-graphql';
import { ObjectType } from './objectType';
import type { EntityRow } from '../cypher/rows';
import { Entity } from './entity.type';
import { Direction, RelationTypeEnum } from './enums';

/**
 * One relation however many articles state it; `since`, `until` and `attributes` are derived from all their
 * claims (earliest since, latest until, attributes of the latest article).
 */
@ObjectType('Relation', { description: 'A stated relation between the entity asked about and another one.' })
export class Relation {
  @Field(() => RelationTypeEnum)
  type!: string;

  @Field(() => Direction)
  direction!: Direction;

  @Field(() => Entity, { description: 'The entity at the other end.' })
  other!: EntityRow;

  @Field(() => GraphQLJSONObject)
  attributes!: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  since!: string | null;

  @Field(() => String, { nullable: true })
  until!: string | null;

}
