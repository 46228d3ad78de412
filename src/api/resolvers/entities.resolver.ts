import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { connectionOf } from '../args/cursor';
import { checkEntitiesArgs, EntitiesArgs } from '../args/entities.args';
import { checkEventsArgs, EventsArgs } from '../args/events.args';
import { pageParticipantsPlan } from '../args/prefetch';
import { entityExtrasAt, eventExtrasAt, wantsTotal } from '../args/selectedFields';
import type { Context } from '../context';
import { entityPage } from '../cypher/entityPage';
import { eventPage } from '../cypher/eventPage';
import { loaders } from '../loaders';
import { EntityConnection, EventConnection } from '../types/connection.type';

@Resolver()
export class EntitiesResolver {
  @Query(() => EntityConnection, { description: 'Entities matching a filter, a page at a time.' })
  async entities(@Args(() => EntitiesArgs) args: EntitiesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const { filter, first, skip } = checkEntitiesArgs(args);
    const page = await entityPage(ctx, filter, args.orderBy, skip, first, wantsTotal(info), entityExtrasAt(info, ['edges', 'node']));
    return connectionOf(page, skip, undefined, 'entities');
  }

  @Query(() => EventConnection, { description: 'Events matching a filter, a page at a time.' })
  async events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const { filter, first, skip } = checkEventsArgs(args);
    const plan = pageParticipantsPlan(info);
    const parts = { withTotal: wantsTotal(info), event: eventExtrasAt(info, ['edges', 'node']), participants: plan };
    const page = await eventPage(ctx, filter, args.orderBy, skip, first, parts);
    if (plan && page.participants) loaders(ctx).primed(plan.options, page.participants, plan.positions);
    return connectionOf(page, skip, undefined, 'events');
  }
}
