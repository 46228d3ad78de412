import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { connectionOf } from '../args/cursor';
import { checkSearchArgs, SearchArgs } from '../args/search.args';
import { wantsTotal } from '../args/selectedFields';
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
    const page = await searchPage(ctx, query, { types: args.types ?? null, eventTypes: args.eventTypes ?? null }, skip, first, wantsTotal(info));
    return connectionOf(page, skip, (hit) => hit);
  }
}
