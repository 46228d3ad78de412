import { ArgsType, Field, Int } from 'type-graphql';
import type { DateWindow } from '../cypher/eventDates';
import type { EventFilterValues } from '../cypher/eventPage';
import { DateMatch, EventOrder } from '../types/enums';
import { all, checkWhereCost, eventConditions, EventFilter, Scope } from '../where';
import { badInput } from '../errors';
import { skipAfter } from './cursor';
import { checkFirst, checkId, checkWindow } from './limits';
import { AFTER_DESCRIPTION, firstDescription, PAGE_SIZE } from './page';

@ArgsType()
export class EventsArgs {
  @Field(() => EventFilter, { nullable: true, description: 'Only events matching this filter (all when absent).' })
  where?: EventFilter | null;

  @Field(() => EventOrder, { defaultValue: EventOrder.DATE_ASC, description: 'The order of the list (undated last, ties by id).' })
  orderBy!: EventOrder;

  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;
}

/** A validated date window; `prefix` names the arguments in messages (`where.from`). */
export function checkDateWindow(
  w: { from?: string | null; to?: string | null; dateMatch?: DateMatch },
  prefix = '',
): DateWindow {
  const { from, to } = checkWindow(w, { from: `${prefix}from`, to: `${prefix}to` });
  return { from, to, match: w.dateMatch ?? DateMatch.OVERLAPS };
}

export function checkEventsArgs(args: EventsArgs): { filter: EventFilterValues; skip: number; first: number } {
  checkWhereCost(args.where);
  const w = args.where ?? {};
  const { types: _t, from: _f, to: _to, dateMatch: _d, participant: _p, location: _l, article: _a, ...rest } = w;
  const s = new Scope();
  const extra = eventConditions(rest, 'ev', s, 'where');
  const first = checkFirst(args.first);
  const skip = skipAfter(args.after, 'after', 'events');
  return {
    first,
    skip,
    filter: {
      ...checkDateWindow(w, 'where.'),
      types: w.types ?? null,
      participant: w.participant != null ? checkId(w.participant, 'where.participant') : null,
      location: w.location != null ? checkId(w.location, 'where.location') : null,
      article: w.article != null ? checkId(w.article, 'where.article') : null,
      extra: extra.length > 0 ? { cypher: all(extra), params: s.params } : null,
    },
  };
}
