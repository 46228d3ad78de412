import { Field } from 'type-graphql';
import { ObjectType } from './objectType';
import type { EntityRow, EventRow } from '../cypher/rows';
import { Entity } from './entity.type';
import { ParticipantRoleEnum } from './enums';
import { Event } from './event.type';

@ObjectType('Participant', { description: 'An entity taking part in an event, in one role.' })
export class Participant {
  @Field(() => Entity)
  entity!: EntityRow;

  @Field(() => ParticipantRoleEnum)
  role!: string;

}

@ObjectType('EventParticipation', { description: 'An event an entity took part in, with every role it had there.' })
export class EventParticipation {
  @Field(() => Event)
  event!: EventRow;

  @Field(() => [ParticipantRoleEnum])
  roles!: string[];

}
