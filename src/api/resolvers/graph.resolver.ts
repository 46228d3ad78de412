import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { checkNeighborhoodArgs, checkPathsArgs, NeighborhoodArgs, PartnersArgs, PathsArgs } from '../args/graph.args';
import { connectionOf } from '../args/cursor';
import { partnersOfPage } from '../args/nestedChecks';
import { checkId } from '../args/limits';
import { partnerParts, selectedFieldsAt } from '../args/selectedFields';
import type { Context } from '../context';
import { neighborhood, type Subgraph as SubgraphRow } from '../cypher/neighborhood';
import { partnerPagesOf } from '../cypher/partnerPages';
import { shortestPaths, type PathRow } from '../cypher/paths';
import { Path, Subgraph } from '../types/graph.type';
import { PartnerConnection } from '../types/nestedConnections.type';
import { partnerEdge } from './organization.resolver';

/**
 * Whether `sources` was selected on the partners' relations (through fragments too): a claim key reads both
 * ends of each relation, for nothing unless the client then asks for the relation's sources.
 */
const relationSourcesWanted = (info: GraphQLResolveInfo): boolean => selectedFieldsAt(info, ['edges', 'relations']).has('sources');

@Resolver()
export class GraphResolver {
  @Query(() => Subgraph, {
    nullable: true,
    description:
      'The entities and events around one, level by level, with every relation, participation and location edge among ' +
      'them, for drawing. Null when the id names no entity or event.',
  })
  async neighborhood(@Args(() => NeighborhoodArgs) args: NeighborhoodArgs, @Ctx() ctx: Context): Promise<SubgraphRow | null> {
    const { depth, limit } = checkNeighborhoodArgs(args);
    return neighborhood(ctx, args.id, {
      depth,
      limit,
      entityTypes: args.entityTypes ?? null,
      eventTypes: args.eventTypes ?? null,
    });
  }

  @Query(() => [Path], {
    description:
      'Shortest connections between two entities or events, through relations, events and locations; steered with ' +
      '`exclude` (nodes to avoid), `excludeRelationTypes`, `excludeEventTypes`, and `allLengths` (longer ones too, shortest ' +
      'first). Each step carries its evidence. Empty when none is within maxLength, or an id is unknown.',
  })
  async paths(@Args(() => PathsArgs) args: PathsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<PathRow[]> {
    const steering = checkPathsArgs(args);
    const withSteps = selectedFieldsAt(info, []).has('steps');
    return shortestPaths(ctx, args.from, args.to, { maxLength: args.maxLength, first: args.first, ...steering, withSteps });
  }

  @Query(() => PartnerConnection, {
    description:
      'Organisations that co-signed a Signing event with the given one (both as signatories) or hold a PARTNER_OF relation ' +
      'with it, by name (ties by id), a page at a time; with `includeUnits`, also those of its units (each partner says ' +
      '`via` which). Empty when the id names no organisation.',
  })
  async partners(@Args(() => PartnersArgs) args: PartnersArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const of = checkId(args.of, 'of');
    const w = partnersOfPage(args);
    const parts = { ...partnerParts(info, ['edges']), claims: relationSourcesWanted(info) };
    const page = (await partnerPagesOf(ctx, [of], args.kinds ?? null, parts, args.includeUnits, w)).get(of)!;
    return connectionOf(page, w.skip, partnerEdge, 'partnersOf');
  }
}
