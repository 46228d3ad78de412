import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type { EntityRow, PositionRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { Person } from '../types/person.type';
import { Position } from '../types/position.type';

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Position], { description: 'Every position held, by organisation name then title.' })
  positions(@Root() p: EntityRow, @Ctx() ctx: Context): Promise<PositionRow[]> {
    return loaders(ctx).positions().load(p.id);
  }
}
