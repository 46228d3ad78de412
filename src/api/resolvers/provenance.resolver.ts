import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type { ArticleRow, FigureRow, GraphNodeRow, NodeRow, SourceRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { Article } from '../types/article.type';
import { Figure } from '../types/figure.type';
import { GraphNode } from '../types/graph.type';
import { Node } from '../types/node.type';
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
