import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { connectionOf } from '../args/cursor';
import { checkSearchArgs, SearchArgs } from '../args/search.args';
import { entityExtrasAt, eventExtrasAt, wantsTotal } from '../args/selectedFields';
import type { Context } from '../context';
import { searchPage } from '../cypher/searchPage';
import { SearchConnection } from '../types/connection.type';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description: 'Full-text search over the names and aliases of entities and events, best match first.',
  })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const { query, first, skip } = checkSearchArgs(args);
    const filter = { types: args.types ?? null, eventTypes: args.eventTypes ?? null };
    const extras = { entity: entityExtrasAt(info, ['edges', 'node']), event: eventExtrasAt(info, ['edges', 'node']) };
    const page = await searchPage(ctx, query, filter, skip, first, wantsTotal(info), extras);
    return connectionOf(page, skip, (hit) => hit);
  }
}
