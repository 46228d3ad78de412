import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../args/cursor';
import { checkFigureFilter, EntityEventsArgs, FigureFilterArgs, PageArgs, pageWindow, RelationsArgs } from '../args/fields.args';
import { entityEventsOptions, relationsOptions } from '../args/fieldOptions';
import type { Context } from '../context';
import type { EntityEventRow, EntityRow, FigureRow, RelationRow, SourceRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { ArticleConnection } from '../types/connection.type';
import { Entity } from '../types/entity.type';
import { Figure } from '../types/figure.type';
import { EventParticipation } from '../types/participant.type';
import { Relation } from '../types/relation.type';
import { Source } from '../types/source.type';

/** Fields every entity type has (declared on the Entity interface, inherited by each type). */
@Resolver(() => Entity)
export class EntityResolver {
  @FieldResolver(() => [Source], { description: 'The articles that mention it, with what each said.' })
  sources(@Root() e: EntityRow, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).entitySources().load(e.id);
  }

  @FieldResolver(() => [EventParticipation], { description: 'Events it took part in, earliest first (undated last).' })
  events(
    @Root() e: EntityRow,
    @Args(() => EntityEventsArgs) args: EntityEventsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntityEventRow[]> {
    return loaders(ctx).entityEvents(entityEventsOptions(args, info)).load(e.id);
  }

  @FieldResolver(() => [Relation], { description: 'Its stated relations with other entities, by type, then name.' })
  relations(
    @Root() e: EntityRow,
    @Args(() => RelationsArgs) args: RelationsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RelationRow[]> {
    return loaders(ctx).relations(relationsOptions(args, info)).load(e.id);
  }

  @FieldResolver(() => ArticleConnection, { description: 'The articles that mention it, by id, a page at a time.' })
  async mentionedIn(@Root() e: EntityRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = pageWindow(args, 'mentionedIn');
    return connectionOf(await loaders(ctx).mentionedIn(w).load(e.id), w.skip, undefined, 'mentionedIn');
  }

  @FieldResolver(() => [Figure], { description: 'Numbers stated about it, by metric then period.' })
  figures(@Root() e: EntityRow, @Args(() => FigureFilterArgs) args: FigureFilterArgs, @Ctx() ctx: Context): Promise<FigureRow[]> {
    return loaders(ctx).figures(checkFigureFilter(args)).load(e.id);
  }
}
