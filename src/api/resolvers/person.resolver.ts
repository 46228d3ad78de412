import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { positionsOptions } from '../args/fieldOptions';
import type { Context } from '../context';
import type { EntityRow, PositionRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { Person } from '../types/person.type';
import { Position } from '../types/position.type';

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Position], { description: 'Every position held, by organisation name then title.' })
  positions(@Root() p: EntityRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): PositionRow[] | Promise<PositionRow[]> {
    const l = loaders(ctx);
    return l.now(l.positions(positionsOptions(info)), p.id);
  }
}
