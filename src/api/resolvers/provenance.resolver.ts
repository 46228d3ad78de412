import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type {
  ArticleRow,
  EntityEventRow,
  FigureRow,
  GraphNodeRow,
  NodeRow,
  ParticipantRow,
  PositionRow,
  RelationRow,
  SourceRow,
} from '../cypher/rows';
import { distinctSources } from '../cypher/rows';
import { loaders } from '../loaders';
import { Article } from '../types/article.type';
import { Figure } from '../types/figure.type';
import { GraphNode } from '../types/graph.type';
import { Node } from '../types/node.type';
import { EventParticipation, Participant } from '../types/participant.type';
import { Position } from '../types/position.type';
import { Relation } from '../types/relation.type';
import { Source } from '../types/source.type';

@Resolver(() => Source)
export class SourceResolver {
  /** Claims on relations carry only the article id; mentions and reports already brought the article. */
  @FieldResolver(() => Article)
  article(@Root() s: SourceRow, @Ctx() ctx: Context): ArticleRow | Promise<ArticleRow | null> {
    return s.article ?? loaders(ctx).article().load(s.articleId);
  }
}

@Resolver(() => Figure)
export class FigureResolver {
  @FieldResolver(() => [Source])
  sources(@Root() f: FigureRow, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).figureSources().load(f.id);
  }
}

@Resolver(() => GraphNode)
export class GraphNodeResolver {
  @FieldResolver(() => Node, { nullable: true, description: 'The full entity or event.' })
  node(@Root() n: GraphNodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return loaders(ctx).node().load(n.id);
  }
}

/*
 * The articles and sentences behind relations, positions and participations: read only when asked for (the
 * claim lists of a much-repeated fact run to hundreds of sentences), one round trip for a whole nesting level.
 */

@Resolver(() => Relation)
export class RelationSourcesResolver {
  @FieldResolver(() => [Source])
  sources(@Root() r: RelationRow, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).claims().load(r.claimKey);
  }
}

@Resolver(() => Position)
export class PositionSourcesResolver {
  @FieldResolver(() => [Source])
  sources(@Root() p: PositionRow, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).claims().load(p.claimKey);
  }
}

@Resolver(() => Participant)
export class ParticipantSourcesResolver {
  @FieldResolver(() => [Source])
  sources(@Root() p: ParticipantRow, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).claims().load(p.claimKey);
  }
}

@Resolver(() => EventParticipation)
export class EventParticipationSourcesResolver {
  /** An entity in two roles at one event cites the event's sentence twice: once is enough. */
  @FieldResolver(() => [Source])
  async sources(@Root() p: EntityEventRow, @Ctx() ctx: Context): Promise<SourceRow[]> {
    const lists = await loaders(ctx).claims().loadMany(p.claimKeys);
    const failed = lists.find((l): l is Error => l instanceof Error);
    if (failed) throw failed;
    return distinctSources((lists as SourceRow[][]).flat());
  }
}
