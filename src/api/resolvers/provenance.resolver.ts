import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type {
  ArticleRow,
  ClaimKey,
  FigureRow,
  GraphNodeRow,
  NodeRow,
  RelationRow,
  SourceRow,
} from '../cypher/rows';
import { distinctSources } from '../cypher/rows';
import { loaders } from '../loaders';
import { Article } from '../types/article.type';
import { Figure } from '../types/figure.type';
import { GraphNode } from '../types/graph.type';
import { Node } from '../types/node.type';
import { EntityEventEdge, RelationEdge } from '../types/entityConnections.type';
import { OfficialEdge, ParticipantEdge, PositionEdge } from '../types/nestedConnections.type';
import { Relation } from '../types/relation.type';
import { Source } from '../types/source.type';

@Resolver(() => Source)
export class SourceResolver {
  /** Claims on relations carry only the article id; mentions and reports already brought the article. */
  @FieldResolver(() => Article, { description: 'The article.' })
  article(@Root() s: SourceRow, @Ctx() ctx: Context): ArticleRow | Promise<ArticleRow | null> {
    return s.article ?? loaders(ctx).article().load(s.articleId);
  }
}

@Resolver(() => Figure)
export class FigureResolver {
  @FieldResolver(() => [Source], { description: 'The articles that report it, with their evidence.' })
  sources(@Root() f: FigureRow, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).figureSources().load(f.id);
  }
}

@Resolver(() => GraphNode)
export class GraphNodeResolver {
  @FieldResolver(() => Node, { nullable: true, description: 'The full entity or event.' })
  node(@Root() n: GraphNodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return loaders(ctx).node().load(n.nodeId);
  }
}

/*
 * The articles and sentences behind relations, positions and participations: read only when asked for (the
 * claim lists of a much-repeated fact run to hundreds of sentences), one round trip for a whole nesting level.
 */

/**
 * Rows carry claim keys only when their list field saw `sources` selected (wantsSources). A row without one
 * here means a resolver or loader got that wrong: answering "no sources" would be a silent lie, so it fails
 * (masked as an internal error for the client, logged for the operator).
 */
function requireClaimKey<K extends ClaimKey | ClaimKey[]>(key: K | null, of: string): K {
  if (key === null) throw new Error(`${of} row read without claim keys reached its sources resolver`);
  return key;
}

@Resolver(() => Relation)
export class RelationSourcesResolver {
  @FieldResolver(() => [Source], { description: 'The articles that state it, with their evidence.' })
  sources(@Root() r: RelationRow, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).claims().load(requireClaimKey(r.claimKey, 'Relation'));
  }
}

@Resolver(() => PositionEdge)
export class PositionEdgeSourcesResolver {
  @FieldResolver(() => [Source], { description: 'The articles that state it, with their evidence.' })
  sources(@Root() p: PositionEdge, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).claims().load(requireClaimKey(p.claimKey, 'PositionEdge'));
  }
}

@Resolver(() => OfficialEdge)
export class OfficialEdgeSourcesResolver {
  @FieldResolver(() => [Source], { description: 'The articles that state it, with their evidence.' })
  sources(@Root() p: OfficialEdge, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).claims().load(requireClaimKey(p.claimKey, 'OfficialEdge'));
  }
}

@Resolver(() => ParticipantEdge)
export class ParticipantEdgeSourcesResolver {
  @FieldResolver(() => [Source], { description: 'The articles that name it in this role, with their evidence.' })
  sources(@Root() p: ParticipantEdge, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).claims().load(requireClaimKey(p.claimKey, 'ParticipantEdge'));
  }
}

@Resolver(() => RelationEdge)
export class RelationEdgeSourcesResolver {
  @FieldResolver(() => [Source], { description: 'The articles that state it, with their evidence.' })
  sources(@Root() r: RelationEdge, @Ctx() ctx: Context): Promise<SourceRow[]> {
    return loaders(ctx).claims().load(requireClaimKey(r.claimKey, 'RelationEdge'));
  }
}

@Resolver(() => EntityEventEdge)
export class EntityEventEdgeSourcesResolver {
  /** An entity in two roles at one event cites the event's sentence twice: once is enough. */
  @FieldResolver(() => [Source], { description: 'The articles that report its part in the event, with their evidence (each sentence once).' })
  async sources(@Root() p: EntityEventEdge, @Ctx() ctx: Context): Promise<SourceRow[]> {
    const lists = await loaders(ctx).claims().loadMany(requireClaimKey(p.claimKeys, 'EntityEventEdge'));
    const failed = lists.find((l): l is Error => l instanceof Error);
    if (failed) throw failed;
    return distinctSources((lists as SourceRow[][]).flat());
  }
}
