import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../args/cursor';
import { PageArgs, ParticipantsArgs } from '../args/fields.args';
import { eventSourcesPage, partsPage } from '../args/nestedChecks';
import { participantsOptions } from '../args/fieldOptions';
import { positionsPlan } from '../args/prefetch';
import type { Context } from '../context';
import type { NestedPage } from '../cypher/mentions';
import type { ArticleRow, EntityRow, EventRow, ParticipantRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { Article } from '../types/article.type';
import { EventConnection } from '../types/connection.type';
import { Entity } from '../types/entity.type';
import { Event } from '../types/event.type';
import { ParticipantConnection } from '../types/nestedConnections.type';
import { SourceConnection } from '../types/source.type';
import { sourceEdge } from './provenance.resolver';

const participantEdge = (p: ParticipantRow) => ({ node: p.entity, role: p.role, claimKey: p.claimKey });
const participantPage = (page: NestedPage<ParticipantRow>, skip: number) => connectionOf(page, skip, participantEdge, 'participants');

@Resolver(() => Event)
export class EventResolver {
  @FieldResolver(() => ParticipantConnection, { description: 'Who took part and as what, in role order (as ParticipantRole lists the roles), then by name (ties by id), a page at a time.' })
  participants(
    @Root() ev: EventRow,
    @Args(() => ParticipantsArgs) args: ParticipantsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const o = participantsOptions(args, info);
    const l = loaders(ctx);
    const page = l.now(l.participants(o, positionsPlan(info, info.fieldNodes)), ev.id);
    // a page read ahead by the events' statement comes without a promise (Loaders.now): so does its connection
    return page instanceof Promise ? page.then((p) => participantPage(p, o.skip)) : participantPage(page, o.skip);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'Where it took place.' })
  location(@Root() ev: EventRow, @Ctx() ctx: Context): Promise<EntityRow | null> {
    return loaders(ctx).location().load(ev.id);
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The event during which it took place (a signing at a meeting), as the article says.' })
  partOf(@Root() ev: EventRow, @Ctx() ctx: Context): Promise<EventRow | null> {
    return loaders(ctx).occasion().load(ev.id);
  }

  @FieldResolver(() => EventConnection, { description: 'The events that took place during it, by date then name (ties by id), a page at a time.' })
  async parts(@Root() ev: EventRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = partsPage(args);
    return connectionOf(await loaders(ctx).parts(w).load(ev.id), w.skip, (node: EventRow) => ({ node }), 'parts');
  }

  @FieldResolver(() => Article, { description: 'The article that reports it.' })
  article(@Root() ev: EventRow, @Ctx() ctx: Context): Promise<ArticleRow | null> {
    return loaders(ctx).article().load(ev.articleId);
  }

  @FieldResolver(() => SourceConnection, { description: 'The articles that report it, with their evidence, by article id, a page at a time.' })
  async sources(@Root() ev: EventRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = eventSourcesPage(args);
    return connectionOf(await loaders(ctx).eventSources(w).load(ev.id), w.skip, sourceEdge, 'eventSources');
  }
}
