import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { connectionOf, listConnection } from '../args/cursor';
import { PageArgs } from '../args/fields.args';
import * as page from '../args/nestedChecks';
import type { Context } from '../context';
import type { ArticleRow, ClaimKey, FigureRow, GraphNodeRow, NodeRow, RelationRow, SourceRow } from '../cypher/rows';
import type { PathStepRow } from '../cypher/paths';
import { distinctSources } from '../cypher/rows';
import { loaders } from '../loaders';
import { Article } from '../types/article.type';
import { Figure } from '../types/figure.type';
import { GraphNode, PathStep } from '../types/graph.type';
import { Node } from '../types/node.type';
import { EntityEventEdge, RelationEdge } from '../types/entityConnections.type';
import { OfficialEdge, ParticipantEdge, PositionEdge } from '../types/nestedConnections.type';
import { Relation } from '../types/relation.type';
import { SourceConnection, SourceEdge } from '../types/source.type';

/** A source row as an edge of a SourceConnection: the article is its node, the quote on the edge. */
export const sourceEdge = (s: SourceRow) => ({ articleId: s.articleId, article: s.article ?? null, evidence: s.evidence });

@Resolver(() => SourceEdge)
export class SourceEdgeResolver {
  /** Claims on relations carry only the article id; mentions and reports already brought the article. */
  @FieldResolver(() => Article, { description: 'The article.' })
  node(@Root() s: SourceEdge, @Ctx() ctx: Context): ArticleRow | Promise<ArticleRow | null> {
    return s.article ?? loaders(ctx).article().load(s.articleId);
  }
}

const REPORTS = 'The articles that report it, with their evidence, by article id, a page at a time.';
const STATES = 'The articles that state it, with their evidence, in the order they were loaded, a page at a time.';

@Resolver(() => Figure)
export class FigureResolver {
  @FieldResolver(() => SourceConnection, { description: REPORTS })
  async sources(@Root() f: FigureRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = page.figureSourcesPage(args);
    return connectionOf(await loaders(ctx).figureSources(w).load(f.id), w.skip, sourceEdge, 'figureSources');
  }
}

@Resolver(() => GraphNode)
export class GraphNodeResolver {
  @FieldResolver(() => Node, { nullable: true, description: 'The full entity or event.' })
  node(@Root() n: GraphNodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return loaders(ctx).node().load(n.nodeId);
  }
}

@Resolver(() => PathStep)
export class PathStepResolver {
  /** A path's statement reads its steps' claims whole (a few steps, read with the path): the page is cut here. */
  @FieldResolver(() => SourceConnection, {
    description:
      "The articles that state it, with their words: a relation's or participation's claims; for an event's location, the articles reporting the event. A page at a time.",
  })
  sources(@Root() s: PathStepRow, @Args(() => PageArgs) args: PageArgs) {
    return listConnection(s.sources, page.stepSourcesPage(args), sourceEdge, 'stepSources');
  }
}

/*
 * The articles and sentences behind relations, positions and participations: read only when asked for (the
 * claim lists of a much-repeated fact run to hundreds of sentences), a page of each, one round trip for a whole
 * nesting level (the claims loader is keyed by the page window, so every row of a level asking for the same page
 * is one statement).
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

/** A page of the claims behind `key`, as a connection whose cursors belong to `field`. */
async function claimConnection(ctx: Context, key: ClaimKey, w: { skip: number; first: number }, field: string) {
  return connectionOf(await loaders(ctx).claims(w).load(key), w.skip, sourceEdge, field);
}

@Resolver(() => Relation)
export class RelationSourcesResolver {
  @FieldResolver(() => SourceConnection, { description: STATES })
  sources(@Root() r: RelationRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = page.relationSourcesPage(args);
    return claimConnection(ctx, requireClaimKey(r.claimKey, 'Relation'), w, 'relationSources');
  }
}

@Resolver(() => PositionEdge)
export class PositionEdgeSourcesResolver {
  @FieldResolver(() => SourceConnection, { description: STATES })
  sources(@Root() p: PositionEdge, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = page.positionSourcesPage(args);
    return claimConnection(ctx, requireClaimKey(p.claimKey, 'PositionEdge'), w, 'positionSources');
  }
}

@Resolver(() => OfficialEdge)
export class OfficialEdgeSourcesResolver {
  @FieldResolver(() => SourceConnection, { description: STATES })
  sources(@Root() p: OfficialEdge, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = page.officialSourcesPage(args);
    return claimConnection(ctx, requireClaimKey(p.claimKey, 'OfficialEdge'), w, 'officialSources');
  }
}

@Resolver(() => ParticipantEdge)
export class ParticipantEdgeSourcesResolver {
  @FieldResolver(() => SourceConnection, {
    description: 'The articles that name it in this role, with their evidence, in the order they were loaded, a page at a time.',
  })
  sources(@Root() p: ParticipantEdge, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = page.participantSourcesPage(args);
    return claimConnection(ctx, requireClaimKey(p.claimKey, 'ParticipantEdge'), w, 'participantSources');
  }
}

@Resolver(() => RelationEdge)
export class RelationEdgeSourcesResolver {
  @FieldResolver(() => SourceConnection, { description: STATES })
  sources(@Root() r: RelationEdge, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = page.relationEdgeSourcesPage(args);
    return claimConnection(ctx, requireClaimKey(r.claimKey, 'RelationEdge'), w, 'relationEdgeSources');
  }
}

@Resolver(() => EntityEventEdge)
export class EntityEventEdgeSourcesResolver {
  /**
   * An entity in two roles at one event cites the event's sentence twice: once is enough. The roles' claim lists are
   * read whole (one statement for the level) and merged before the page is cut, so a page never repeats a sentence.
   */
  @FieldResolver(() => SourceConnection, {
    description: 'The articles that report its part in the event, with their evidence (each sentence once), a page at a time.',
  })
  async sources(@Root() p: EntityEventEdge, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = page.participationSourcesPage(args);
    const lists = await loaders(ctx).claims(null).loadMany(requireClaimKey(p.claimKeys, 'EntityEventEdge'));
    const failed = lists.find((l): l is Error => l instanceof Error);
    if (failed) throw failed;
    const merged = distinctSources((lists as Array<{ rows: SourceRow[] }>).flatMap((l) => l.rows));
    return listConnection(merged, w, sourceEdge, 'participationSources');
  }
}
