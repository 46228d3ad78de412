import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../args/cursor';
import { PageArgs } from '../args/fields.args';
import { articleEntitiesPage, articleEventsPage } from '../args/nestedChecks';
import type { Context } from '../context';
import type { ArticleRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { Article } from '../types/article.type';
import { EntityConnection, EventConnection } from '../types/connection.type';

@Resolver(() => Article)
export class ArticleResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The full text (can be long).' })
  text(@Root() a: ArticleRow, @Ctx() ctx: Context): Promise<string | null> {
    return loaders(ctx).articleText().load(a.id);
  }

  @FieldResolver(() => EntityConnection, { description: 'Entities it mentions, by name (ties by id), a page at a time.' })
  async entities(@Root() a: ArticleRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = articleEntitiesPage(args);
    return connectionOf(await loaders(ctx).articleEntities(w).load(a.id), w.skip, undefined, 'articleEntities');
  }

  @FieldResolver(() => EventConnection, { description: 'Events it reports, earliest first (undated last, ties by id), a page at a time.' })
  async events(@Root() a: ArticleRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = articleEventsPage(args);
    return connectionOf(await loaders(ctx).articleEvents(w).load(a.id), w.skip, undefined, 'articleEvents');
  }
}
