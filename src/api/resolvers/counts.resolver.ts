import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { checkFirst } from '../args/limits';
import { firstDescription } from '../args/page';
import type { Context } from '../context';
import {
  ENTITY_GROUPINGS,
  ENTITY_MATCH,
  EVENT_GROUPINGS,
  EVENT_MATCH,
  FIGURE_GROUPINGS,
  FIGURE_MATCH,
  groupCounts,
  type GroupCountRow,
} from '../cypher/groupCounts';
import { EntityGrouping, EventGrouping, FigureGrouping } from '../types/enums';
import { GroupCount } from '../types/groupCount.type';
import {
  all,
  checkWhereCost,
  entityConditions,
  EntityFilter,
  eventConditions,
  EventFilter,
  figureConditions,
  FigureFilter,
  Scope,
  type Compiled,
} from '../where';

/** Grouped counts are a capped list, not a connection: every group of a month-by-type count at once. */
const GROUPS = 100;

@ArgsType()
class GroupArgs {
  @Field(() => Int, { defaultValue: GROUPS, description: firstDescription(GROUPS, 'groups') })
  first!: number;
}

@ArgsType()
export class EventCountsArgs extends GroupArgs {
  @Field(() => EventGrouping, { description: 'What to count the events by.' })
  by!: EventGrouping;

  @Field(() => EventGrouping, { nullable: true, description: 'Count each group again by this (not PARTICIPANT): `subgroups`.' })
  then?: EventGrouping | null;

  @Field(() => EventFilter, { nullable: true, description: 'Only events matching this filter are counted.' })
  where?: EventFilter | null;
}

@ArgsType()
export class EntityCountsArgs extends GroupArgs {
  @Field(() => EntityGrouping, { description: 'What to count the entities by.' })
  by!: EntityGrouping;

  @Field(() => EntityGrouping, { nullable: true, description: 'Count each group again by this: `subgroups`.' })
  then?: EntityGrouping | null;

  @Field(() => EntityFilter, { nullable: true, description: 'Only entities matching this filter are counted.' })
  where?: EntityFilter | null;
}

@ArgsType()
export class FigureCountsArgs extends GroupArgs {
  @Field(() => FigureGrouping, { description: 'What to count the figures by.' })
  by!: FigureGrouping;

  @Field(() => FigureGrouping, { nullable: true, description: 'Count each group again by this (not SUBJECT): `subgroups`.' })
  then?: FigureGrouping | null;

  @Field(() => FigureFilter, { nullable: true, description: 'Only figures matching this filter are counted.' })
  where?: FigureFilter | null;
}

/** A checked `where` compiled over `v` (null when it says nothing). */
function compiled<W>(where: W | null | undefined, v: string, conditions: (w: W, v: string, s: Scope, path: string) => string[]): Compiled | null {
  checkWhereCost(where);
  if (!where) return null;
  const scope = new Scope();
  const list = conditions(where, v, scope, 'where');
  return list.length > 0 ? { cypher: all(list), params: scope.params } : null;
}

/** The grouped counts' arguments checked (BAD_USER_INPUT or QUERY_TOO_COMPLEX naming the argument) and compiled. */
export const checkCountsArgs = {
  eventCounts: (args: EventCountsArgs) => ({ first: checkFirst(args.first), where: compiled(args.where, 'ev', eventConditions) }),
  entityCounts: (args: EntityCountsArgs) => ({ first: checkFirst(args.first), where: compiled(args.where, 'e', entityConditions) }),
  figureCounts: (args: FigureCountsArgs) => ({ first: checkFirst(args.first), where: compiled(args.where, 'f', figureConditions) }),
};

/** Grouped counts: how many events, entities or figures match a `where`, by group, each one statement. */
@Resolver()
export class CountsResolver {
  @Query(() => [GroupCount], { description: 'How many events match `where`, by type, month, year, location or participant.' })
  eventCounts(@Args(() => EventCountsArgs) args: EventCountsArgs, @Ctx() ctx: Context): Promise<GroupCountRow[]> {
    const { first, where } = checkCountsArgs.eventCounts(args);
    return groupCounts(ctx, EVENT_MATCH, where, EVENT_GROUPINGS[args.by], first, args.then ? EVENT_GROUPINGS[args.then] : null);
  }

  @Query(() => [GroupCount], { description: 'How many entities match `where`, by type or by type and kind.' })
  entityCounts(@Args(() => EntityCountsArgs) args: EntityCountsArgs, @Ctx() ctx: Context): Promise<GroupCountRow[]> {
    const { first, where } = checkCountsArgs.entityCounts(args);
    return groupCounts(ctx, ENTITY_MATCH, where, ENTITY_GROUPINGS[args.by], first, args.then ? ENTITY_GROUPINGS[args.then] : null);
  }

  @Query(() => [GroupCount], { description: 'How many figures match `where`, by metric, period or subject.' })
  figureCounts(@Args(() => FigureCountsArgs) args: FigureCountsArgs, @Ctx() ctx: Context): Promise<GroupCountRow[]> {
    const { first, where } = checkCountsArgs.figureCounts(args);
    return groupCounts(ctx, FIGURE_MATCH, where, FIGURE_GROUPINGS[args.by], first, args.then ? FIGURE_GROUPINGS[args.then] : null);
  }
}
