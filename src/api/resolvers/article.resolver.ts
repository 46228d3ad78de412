import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FirstArgs } from '../args/fields.args';
import { checkFirst } from '../args/limits';
import type { Context } from '../context';
import type { ArticleRow, EntityRow, EventRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { Article } from '../types/article.type';
import { Entity } from '../types/entity.type';
import { Event } from '../types/event.type';

@Resolver(() => Article)
export class ArticleResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The full text (can be long).' })
  text(@Root() a: ArticleRow, @Ctx() ctx: Context): Promise<string | null> {
    return loaders(ctx).articleText().load(a.id);
  }

  @FieldResolver(() => [Entity], { description: 'Entities it mentions, by name.' })
  entities(@Root() a: ArticleRow, @Args(() => FirstArgs) args: FirstArgs, @Ctx() ctx: Context): Promise<EntityRow[]> {
    return loaders(ctx).articleEntities(checkFirst(args.first)).load(a.id);
  }

  @FieldResolver(() => [Event], { description: 'Events it reports, earliest first.' })
  events(@Root() a: ArticleRow, @Args(() => FirstArgs) args: FirstArgs, @Ctx() ctx: Context): Promise<EventRow[]> {
    return loaders(ctx).articleEvents(checkFirst(args.first)).load(a.id);
  }
}
