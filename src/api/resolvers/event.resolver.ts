import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { RolesArgs } from '../args/fields.args';
import { participantsOptions } from '../args/fieldOptions';
import { positionsPlan } from '../args/prefetch';
import type { Context } from '../context';
import type { ArticleRow, EntityRow, EventRow, ParticipantRow, SourceRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { Article } from '../types/article.type';
import { Entity } from '../types/entity.type';
import { Event } from '../types/event.type';
import { Participant } from '../types/participant.type';
import { Source } from '../types/source.type';

@Resolver(() => Event)
export class EventResolver {
  @FieldResolver(() => [Participant], { description: 'Who took part and as what, in role order, then by name.' })
  participants(
    @Root() ev: EventRow,
    @Args(() => RolesArgs) args: RolesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): ParticipantRow[] | Promise<ParticipantRow[]> {
    const l = loaders(ctx);
    return l.now(l.participants(participantsOptions(args, info), positionsPlan(info, info.fieldNodes)), ev.id);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'Where it took place.' })
  location(@Root() ev: EventRow, @Ctx() ctx: Context): Promise<EntityRow | null> {
    return loaders(ctx).location().load(ev.id);
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The event during which it took place (a signing at a meeting), as the article says.' })
  partOf(@Root() ev: EventRow, @Ctx() ctx: Context): Promise<EventRow | null> {
    return loaders(ctx).occasion().load(ev.id);
  }

  @FieldResolver(() => [Event], { description: 'The events that took place during it, by date then name.' })
  parts(@Root() ev: EventRow, @Ctx() ctx: Context): Promise<EventRow[]> {
    return loaders(ctx).parts().load(ev.id);
  }

  @FieldResolver(() => Article, { description: 'The article that reports it.' })
  article(@Root() ev: EventRow, @Ctx() ctx: Context): Promise<ArticleRow | null> {
    return loaders(ctx).article().load(ev.articleId);
  }

  @FieldResolver(() => [Source], { description: 'The articles that report it, with their evidence.' })
  sources(@Root() ev: EventRow, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).eventSources().load(ev.id);
  }
}
