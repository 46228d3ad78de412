import { Args, ArgsType, Ctx, Field, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import type { EntityType } from '../../model';
import { BLOCK_CAP } from '../../search';
import { connectionOf, skipAfter } from '../args/cursor';
import { checkFirst } from '../args/limits';
import type { Context } from '../context';
import { type DuplicateRow, type DuplicateStatus, duplicatesPage, judgedPairsPage, type SkippedBlockRow, skippedBlocks } from '../cypher/duplicates';
import { type JudgementRow, judgementRow } from '../cypher/judgements';
import type { EntityRow } from '../cypher/rows';
import { badInput } from '../errors';
import { loaders } from '../loaders';
import { DuplicateCandidate, DuplicateConnection, DuplicateStatusEnum, SkippedBlock } from '../types/duplicate.type';
import { Judgement } from '../types/judgement.type';
import { Entity } from '../types/entity.type';
import { EntityTypeEnum } from '../types/enums';
import { AFTER_DESCRIPTION, firstDescription, PAGE_SIZE } from '../args/page';

@ArgsType()
export class DuplicatesArgs {
  @Field(() => EntityTypeEnum, { nullable: true, description: 'Only pairs of this type.' })
  type?: EntityType | null;

  @Field(() => Float, { defaultValue: 0.8, description: '0 to 1 (judged pairs: their score when judged).' })
  minScore!: number;

  @Field(() => DuplicateStatusEnum, {
    defaultValue: DuplicateStatusEnum.OPEN,
    description: 'OPEN: the candidates to review; MERGED or DISTINCT: the pairs an editor judged so (judgements in force).',
  })
  status!: DuplicateStatus;

  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;
}

/** The arguments of `duplicates` checked (BAD_USER_INPUT naming the argument). */
export function checkDuplicatesArgs(args: DuplicatesArgs): { first: number; skip: number } {
  if (!(args.minScore >= 0 && args.minScore <= 1)) throw badInput(`minScore must be from 0 to 1 (got ${args.minScore})`, 'minScore');
  return { first: checkFirst(args.first), skip: skipAfter(args.after, 'after', 'duplicates') };
}

@Resolver(() => DuplicateCandidate)
export class DuplicateResolver {
  @Query(() => DuplicateConnection, {
    description:
      'Pairs of entities of one type that may be the same (from blocking keys written at load), best first, with their reasons: ' +
      'the review queue. `status` pages through the open candidates, or the pairs merged or marked distinct (with their judgement).',
  })
  async duplicates(@Args(() => DuplicatesArgs) args: DuplicatesArgs, @Ctx() ctx: Context) {
    const { first, skip } = checkDuplicatesArgs(args);
    const page =
      args.status === 'OPEN'
        ? await duplicatesPage(ctx, args.type ?? null, args.minScore, skip, first)
        : await judgedPairsPage(ctx, args.status, args.type ?? null, args.minScore, skip, first);
    return { ...connectionOf(page, skip, undefined, 'duplicates'), blockType: args.type ?? null };
  }

  @FieldResolver(() => Judgement, { nullable: true, description: 'The judgement in force on a judged pair (MERGED, DISTINCT); null for OPEN.' })
  judgement(@Root() d: DuplicateRow): JudgementRow | null {
    return d.judgement && judgementRow(d.judgement);
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

/** The largest blocks `skippedBlocks` lists. */
const SKIPPED_SHOWN = 20;

@Resolver(() => DuplicateConnection)
export class DuplicateConnectionResolver {
  @FieldResolver(() => [SkippedBlock], {
    description:
      `The blocking keys (of \`type\`, when given) shared by more than ${BLOCK_CAP} entities, largest first (at most ${SKIPPED_SHOWN}): ` +
      'their entities are not compared with each other, so pairs only they would make are missing from the list.',
  })
  skippedBlocks(@Root() c: DuplicateConnection, @Ctx() ctx: Context): Promise<SkippedBlockRow[]> {
    return skippedBlocks(ctx, c.blockType, SKIPPED_SHOWN);
  }
}
