import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { entityEventsPlan } from '../args/prefetch';
import { checkId } from '../args/limits';
import type { Context } from '../context';
import type { EntityRow, NodeRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { Entity } from '../types/entity.type';
import { Node } from '../types/node.type';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any entity, event, article or figure by id. A merged id gives the entity it was merged into; an unknown id gives null.',
  })
  async node(@Arg('id', () => ID, { description: 'A global id (a merged entity id works too).' }) id: string, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return loaders(ctx).node().load(checkId(id, 'id'));
  }

  @Query(() => Entity, {
    nullable: true,
    description: 'An entity by id. A merged id gives the entity it was merged into; an unknown id, or the id of something else, gives null.',
  })
  async entity(@Arg('id', () => ID, { description: 'An entity id (a merged id works too).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<EntityRow | null> {
    const events = entityEventsPlan(info);
    const nodes = events ? loaders(ctx).nodeWithEvents(events) : loaders(ctx).node();
    const row = await nodes.load(checkId(id, 'id'));
    return row?.__label === 'Entity' ? row : null;
  }
}
