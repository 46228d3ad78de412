import { ArgsType, Field, Int } from 'type-graphql';
import type { EntityType, EventType } from '../../model';
import { EntityTypeEnum, EventTypeEnum } from '../types/enums';
import { skipAfter } from './cursor';
import { checkFirst, checkText } from './limits';

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description: 'Words or characters to find in names and aliases (Chinese or Latin); matched literally, not as Lucene syntax.',
  })
  query!: string;

  @Field(() => [EntityTypeEnum], {
    nullable: true,
    description: 'Only entities of these types (and no events unless eventTypes is given too).',
  })
  types?: EntityType[] | null;

  @Field(() => [EventTypeEnum], {
    nullable: true,
    description: 'Only events of these types (and no entities unless types is given too).',
  })
  eventTypes?: EventType[] | null;

  @Field(() => Int, { defaultValue: 20, description: '1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export function checkSearchArgs(args: SearchArgs): { skip: number; first: number; query: string } {
  return {
    query: checkText(args.query, 'query', { nonEmpty: true }).trim(),
    first: checkFirst(args.first),
    skip: skipAfter(args.after),
  };
}
