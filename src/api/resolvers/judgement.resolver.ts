import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { JudgementRefused, markDistinct, MergeRefused, undoJudgement } from '../../ingest';
import type { JudgementKind } from '../../model';
import { connectionOf, skipAfter } from '../args/cursor';
import { checkFirst, checkId, checkText } from '../args/limits';
import type { Context } from '../context';
import { type JudgementRow, judgementsPage } from '../cypher/judgements';
import { writeTransaction } from '../db/run';
import { badInput, notFound } from '../errors';
import { forgetLoaded } from '../loaders';
import { Judgement, JudgementConnection, JudgementKindEnum } from '../types/judgement.type';
import { AFTER_DESCRIPTION, firstDescription, PAGE_SIZE } from '../args/page';

@ArgsType()
export class JudgementsArgs {
  @Field(() => JudgementKindEnum, { nullable: true, description: 'Only judgements of this kind.' })
  kind?: JudgementKind | null;

  @Field(() => ID, { nullable: true, description: 'Only judgements naming this entity (or an id merged into it).' })
  entity?: string | null;

  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;
}

/** A refused judgement as the client sees it: an unknown id is NOT_FOUND, anything else BAD_USER_INPUT. */
export function refusal(argumentName: string): (error: unknown) => never {
  return (error: unknown) => {
    if (!(error instanceof MergeRefused) && !(error instanceof JudgementRefused)) throw error;
    throw error.reason === 'not-found' ? notFound(error.message) : badInput(error.message, argumentName);
  };
}

/** A reason as given (at most 1000 characters), or null. */
export const reasonOf = (reason: string | null | undefined): string | null => (reason == null ? null : checkText(reason, 'reason'));

@Resolver(() => Judgement)
export class JudgementResolver {
  @Query(() => JudgementConnection, { description: 'Merge and distinct judgements, newest first, with the undone ones.' })
  async judgements(@Args(() => JudgementsArgs) args: JudgementsArgs, @Ctx() ctx: Context) {
    const first = checkFirst(args.first);
    const skip = skipAfter(args.after, 'after', 'judgements');
    const entity = args.entity == null ? null : checkId(args.entity, 'entity');
    const page = await judgementsPage(ctx, args.kind ?? null, entity, skip, first);
    return connectionOf(page, skip, undefined, 'judgements');
  }

  @Authorized('editor')
  @Mutation(() => Judgement, {
    description:
      'Records that entities `a` and `b` are not the same (a DISTINCT judgement): the pair leaves `duplicates`, `mergeEntities` ' +
      'refuses it, and a load never resolves one to the other by name (a name matching both is ambiguous).',
  })
  async markDistinct(
    @Arg('a', () => ID, { description: 'One entity.' }) a: string,
    @Arg('b', () => ID, { description: 'The other entity.' }) b: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why (kept with the judgement).' }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<JudgementRow> {
    checkId(a, 'a');
    checkId(b, 'b');
    const why = reasonOf(reason);
    const judgement = await writeTransaction(ctx, (tx) => markDistinct(tx, a, b, { reason: why, by: ctx.role })).catch(refusal('b'));
    forgetLoaded(ctx);
    return { ...judgement, inForce: true };
  }

  @Authorized('editor')
  @Mutation(() => Judgement, {
    description:
      'Undoes a judgement. Undoing a merge restores both entities with exactly what their own articles say, including ' +
      'articles loaded since the merge; undoing a distinct judgement lets the two be merged or matched by name again. ' +
      'An unknown judgement, one undone already, or a merge whose undoing would make an article ambiguous is ' +
      'BAD_USER_INPUT and changes nothing.',
  })
  async undoJudgement(
    @Arg('id', () => ID, { description: 'The judgement to undo.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why (kept with the judgement).' }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<JudgementRow> {
    checkId(id, 'id');
    const why = reasonOf(reason);
    const judgement = await writeTransaction(ctx, (tx) => undoJudgement(tx, id, { reason: why, by: ctx.role })).catch(refusal('id'));
    forgetLoaded(ctx);
    return { ...judgement, inForce: false };
  }
}
