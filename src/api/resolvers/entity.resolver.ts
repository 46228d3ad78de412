import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../args/cursor';
import { EntityEventsArgs, EntityFiguresArgs, EntitySourcesArgs, PageArgs, RelationsArgs } from '../args/fields.args';
import { entityFiguresArgs, entitySourcesArgs, mentionedInPage } from '../args/nestedChecks';
import { entityEventsOptions, relationsOptions } from '../args/fieldOptions';
import type { Context } from '../context';
import type { EntityEventRow, EntityRow, FigureRow, RelationRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { ArticleConnection } from '../types/connection.type';
import { Entity } from '../types/entity.type';
import { EntityEventConnection, RelationConnection } from '../types/entityConnections.type';
import { SourceConnection } from '../types/source.type';
import { sourceEdge } from './provenance.resolver';
import { FigureConnection } from '../types/nestedConnections.type';

/** What belongs to the link goes on the edge; the node is the Node at the other end. */
const eventEdge = (r: EntityEventRow) => ({ node: r.event, roles: r.roles, claimKeys: r.claimKeys });
const relationEdge = (r: RelationRow) => ({ ...r, node: r.other });
const figureEdge = (f: FigureRow) => ({ node: f });

/** Fields every entity type has (declared on the Entity interface, inherited by each type). */
@Resolver(() => Entity)
export class EntityResolver {
  @FieldResolver(() => SourceConnection, { description: 'The articles that mention it, with what each said, by article id, a page at a time.' })
  async sources(@Root() e: EntityRow, @Args(() => EntitySourcesArgs) args: EntitySourcesArgs, @Ctx() ctx: Context) {
    const w = entitySourcesArgs(args);
    return connectionOf(await loaders(ctx).entitySources(w).load(e.id), w.skip, sourceEdge, 'sources');
  }

  @FieldResolver(() => EntityEventConnection, { description: 'Events it took part in, earliest first (undated last, ties by id), a page at a time.' })
  async events(
    @Root() e: EntityRow,
    @Args(() => EntityEventsArgs) args: EntityEventsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const o = entityEventsOptions(args, info);
    return connectionOf(await loaders(ctx).entityEvents(o).load(e.id), o.skip, eventEdge, 'entityEvents');
  }

  @FieldResolver(() => RelationConnection, { description: "Its stated relations with other entities, by type, then the other end's name, a page at a time." })
  async relations(
    @Root() e: EntityRow,
    @Args(() => RelationsArgs) args: RelationsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const o = relationsOptions(args, info);
    return connectionOf(await loaders(ctx).relations(o).load(e.id), o.skip, relationEdge, 'relations');
  }

  @FieldResolver(() => ArticleConnection, { description: 'The articles that mention it, by id, a page at a time.' })
  async mentionedIn(@Root() e: EntityRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = mentionedInPage(args);
    return connectionOf(await loaders(ctx).mentionedIn(w).load(e.id), w.skip, undefined, 'mentionedIn');
  }

  @FieldResolver(() => FigureConnection, { description: 'Numbers stated about it, by metric then period, a page at a time.' })
  async figures(@Root() e: EntityRow, @Args(() => EntityFiguresArgs) args: EntityFiguresArgs, @Ctx() ctx: Context) {
    const { page, filter } = entityFiguresArgs(args);
    return connectionOf(await loaders(ctx).figures(filter, page).load(e.id), page.skip, figureEdge, 'entityFigures');
  }
}
