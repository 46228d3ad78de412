import { Args, ArgsType, Ctx, Field, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import type { EntityType } from '../../model';
import { connectionOf, skipAfter } from '../args/cursor';
import { checkFirst } from '../args/limits';
import type { Context } from '../context';
import { type DuplicateRow, duplicatesPage } from '../cypher/duplicates';
import type { EntityRow } from '../cypher/rows';
import { badInput } from '../errors';
import { loaders } from '../loaders';
import { DuplicateCandidate, DuplicateConnection } from '../types/duplicate.type';
import { Entity } from '../types/entity.type';
import { EntityTypeEnum } from '../types/enums';
import { AFTER_DESCRIPTION, firstDescription, PAGE_SIZE } from '../args/page';

@ArgsType()
export class DuplicatesArgs {
  @Field(() => EntityTypeEnum, { nullable: true, description: 'Only pairs of this type.' })
  type?: EntityType | null;

  @Field(() => Float, { defaultValue: 0.8, description: '0 to 1.' })
  minScore!: number;

  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;
}

@Resolver(() => DuplicateCandidate)
export class DuplicateResolver {
  @Query(() => DuplicateConnection, {
    description: 'Pairs of entities of one type that may be the same (from blocking keys written at load), best first, with their reasons.',
  })
  async duplicates(@Args(() => DuplicatesArgs) args: DuplicatesArgs, @Ctx() ctx: Context) {
    if (!(args.minScore >= 0 && args.minScore <= 1)) throw badInput(`minScore must be from 0 to 1 (got ${args.minScore})`, 'minScore');
    const [first, skip] = [checkFirst(args.first), skipAfter(args.after)];
    const page = await duplicatesPage(ctx, args.type ?? null, args.minScore, skip, first);
    return connectionOf(page, skip);
  }

  @FieldResolver(() => Entity, { description: 'One of the pair (the one with the smaller id).' })
  async a(@Root() d: DuplicateRow, @Ctx() ctx: Context): Promise<EntityRow> {
    return (await loaders(ctx).node().load(d.aId)) as EntityRow;
  }

  @FieldResolver(() => Entity, { description: 'The other.' })
  async b(@Root() d: DuplicateRow, @Ctx() ctx: Context): Promise<EntityRow> {
    return (await loaders(ctx).node().load(d.bId)) as EntityRow;
  }
}
