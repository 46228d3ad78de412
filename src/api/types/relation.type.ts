import { GraphQLJSONObject } from 'graphql-scalars';
import { Field } from 'type-graphql';
import { ObjectType } from './objectType';
import type { EntityRow } from '../cypher/rows';
import { Entity } from './entity.type';
import { Direction, RelationTypeEnum } from './enums';
import { PartialDate } from './partialDate.scalar';

/**
 * One relation however many articles state it; `since`, `until` and `attributes` are derived from all their
 * claims (earliest since, latest until, attributes of the latest article).
 */
@ObjectType('Relation', { description: 'A stated relation between the entity asked about and another one.' })
export class Relation {
  @Field(() => RelationTypeEnum, { description: 'What the relation states.' })
  type!: string;

  @Field(() => Direction, { description: 'OUTGOING when the entity asked about is the relation\'s subject (`from`), INCOMING when it is the object.' })
  direction!: Direction;

  @Field(() => Entity, { description: 'The entity at the other end.' })
  other!: EntityRow;

  @Field(() => GraphQLJSONObject, { description: 'Flat attributes the articles state about the relation (a position\'s `title`, …).' })
  attributes!: Record<string, unknown>;

  @Field(() => PartialDate, { nullable: true, description: 'When it began, as the articles give it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the earliest any gives); null: not said.' })
  since!: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'When it ended, as the articles give it (the latest any gives); null: not said, or still holds.' })
  until!: string | null;

}
