import { Field } from 'type-graphql';
import { ObjectType } from './objectType';
import type { EntityRow, EventRow } from '../cypher/rows';
import { Entity } from './entity.type';
import { ParticipantRoleEnum } from './enums';
import { Event } from './event.type';

@ObjectType('Participant', { description: 'An entity taking part in an event, in one role.' })
export class Participant {
  @Field(() => Entity, { description: 'Who or what took part.' })
  entity!: EntityRow;

  @Field(() => ParticipantRoleEnum, { description: 'The part it took.' })
  role!: string;

}

@ObjectType('EventParticipation', { description: 'An event an entity took part in, with every role it had there.' })
export class EventParticipation {
  @Field(() => Event, { description: 'The event.' })
  event!: EventRow;

  @Field(() => [ParticipantRoleEnum], { description: 'Every role it had there, in the model\'s role order.' })
  roles!: string[];

}
