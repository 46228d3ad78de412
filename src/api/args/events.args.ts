import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { EventType } from '../../model';
import type { DateWindow } from '../cypher/eventDates';
import type { EventFilterValues } from '../cypher/eventPage';
import { DateMatch, EventOrder, EventTypeEnum } from '../types/enums';
import { skipAfter } from './cursor';
import { checkDate, checkFirst, checkId } from './limits';

@InputType('EventFilter', { description: 'Every condition given must hold.' })
export class EventFilter {
  @Field(() => [EventTypeEnum], { nullable: true })
  types?: EventType[] | null;

  @Field(() => String, { nullable: true, description: 'First day of the window, `YYYY-MM-DD` (or `YYYY-MM`: its first day).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the window, `YYYY-MM-DD` (or `YYYY-MM`: its last day).' })
  to?: string | null;

  @Field(() => DateMatch, { defaultValue: DateMatch.OVERLAPS })
  dateMatch?: DateMatch;

  @Field(() => ID, { nullable: true, description: 'Only events this entity took part in.' })
  participant?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events that took place at this entity.' })
  location?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events this article reports.' })
  article?: string | null;
}

@ArgsType()
export class EventsArgs {
  @Field(() => EventFilter, { nullable: true })
  where?: EventFilter | null;

  @Field(() => EventOrder, { defaultValue: EventOrder.DATE_ASC })
  orderBy!: EventOrder;

  @Field(() => Int, { defaultValue: 20, description: '1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

/** A validated date window; `prefix` names the arguments in messages (`where.from`). */
export function checkDateWindow(
  w: { from?: string | null; to?: string | null; dateMatch?: DateMatch },
  prefix = '',
): DateWindow {
  const from = w.from != null ? checkDate(w.from, `${prefix}from`, 'first') : null;
  const to = w.to != null ? checkDate(w.to, `${prefix}to`, 'last') : null;
  return { from, to, match: w.dateMatch ?? DateMatch.OVERLAPS };
}

export function checkEventsArgs(args: EventsArgs): { filter: EventFilterValues; skip: number; first: number } {
  const w = args.where ?? {};
  const first = checkFirst(args.first);
  const skip = skipAfter(args.after);
  return {
    first,
    skip,
    filter: {
      ...checkDateWindow(w, 'where.'),
      types: w.types ?? null,
      participant: w.participant != null ? checkId(w.participant, 'where.participant') : null,
      location: w.location != null ? checkId(w.location, 'where.location') : null,
      article: w.article != null ? checkId(w.article, 'where.article') : null,
    },
  };
}
