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
    description:
      'Names and aliases of entities, and names of events, in simplified or traditional characters, pinyin or initials, ' +
      'whole or any contiguous part; best match first (exact, prefix, contained, pinyin, fuzzy; ties: the better connected).',
  })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const { query, first, skip, from, to } = checkSearchArgs(args);
    const filter = { types: args.types ?? null, eventTypes: args.eventTypes ?? null, from, to };
    const extras = { entity: entityExtrasAt(info, ['edges', 'node']), event: eventExtrasAt(info, ['edges', 'node']) };
    const page = await searchPage(ctx, query, filter, skip, first, wantsTotal(info), extras);
    return connectionOf(page, skip, (hit) => hit, 'search');
  }
}
