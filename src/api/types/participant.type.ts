import { Field } from 'type-graphql';
import { ObjectType } from './objectType';
import type { EntityRow } from '../cypher/rows';
import { Entity } from './entity.type';
import { ParticipantRoleEnum } from './enums';

@ObjectType('Participant', { description: 'An entity taking part in an event, in one role.' })
export class Participant {
  @Field(() => Entity, { description: 'Who or what took part.' })
  entity!: EntityRow;

  @Field(() => ParticipantRoleEnum, { description: 'The part it took.' })
  role!: string;

}
