import { GraphQLJSONObject } from 'graphql-scalars';
import { Field } from 'type-graphql';
import { ObjectType } from './objectType';
import type { EventType } from '../../model';
import { EventTypeEnum } from './enums';
import { Node } from './node.type';
import { PartialDate } from './partialDate.scalar';

/** Events belong to the article that reports them: their id is `<articleId>#<key>`. */
@ObjectType('Event', { implements: Node, description: 'Something that happened: a signing, an inspection, a meeting…' })
export class Event extends Node {
  @Field(() => EventTypeEnum, { description: 'What kind of event it was.' })
  type!: EventType;

  @Field(() => String, { description: 'Its name, as the article gives it or as extracted.' })
  name!: string;

  @Field(() => PartialDate, { nullable: true, description: 'As the article gives it: `YYYY-MM-DD` or `YYYY-MM`.' })
  date!: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'Last day of a multi-day event, as the article gives it.' })
  endDate!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Flat attributes the article states about it.' })
  attributes!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'The sentence(s) of the article that report it.' })
  evidence!: string | null;
}
