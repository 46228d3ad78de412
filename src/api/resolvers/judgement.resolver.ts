import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { JudgementRefused, markDistinct, MergeRefused, splitEntity, undoJudgement } from '../../ingest';
import type { JudgementKind } from '../../model';
import { connectionOf, skipAfter } from '../args/cursor';
import { checkFirst, checkId, checkText } from '../args/limits';
import type { Context } from '../context';
import { assessPair } from '../cypher/duplicates';
import { type JudgementRow, judgementRow, judgementsPage } from '../cypher/judgements';
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

/** The arguments of `judgements` checked (BAD_USER_INPUT naming the argument). */
export function checkJudgementsArgs(args: JudgementsArgs): { first: number; skip: number; entity: string | null } {
  const first = checkFirst(args.first);
  const skip = skipAfter(args.after, 'after', 'judgements');
  return { first, skip, entity: args.entity == null ? null : checkId(args.entity, 'entity') };
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
  @Query(() => JudgementConnection, { description: 'Merge, distinct and split judgements, newest first, with the undone ones.' })
  async judgements(@Args(() => JudgementsArgs) args: JudgementsArgs, @Ctx() ctx: Context) {
    const { first, skip, entity } = checkJudgementsArgs(args);
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
    const judgement = await writeTransaction(ctx, (tx) => markDistinct(tx, a, b, { reason: why, by: ctx.role, assess: assessPair })).catch(refusal('b'));
    forgetLoaded(ctx);
    return judgementRow(judgement);
  }

  @Authorized('editor')
  @Mutation(() => Judgement, {
    description:
      'Splits an entity that loads joined by name (two people of one name): its mentions in `articles` are another entity, ' +
      '`newId` (default `<id>~split-2`), the rest stay `id`. Recorded as a SPLIT judgement: the two are then kept apart as ' +
      'a distinct pair is (a later article naming the name without an id is ambiguous), and `undoJudgement` joins them ' +
      'again. An article that does not mention the entity, names it by its id, or every article of it is BAD_USER_INPUT.',
  })
  async splitEntity(
    @Arg('id', () => ID, { description: 'The entity to split.' }) id: string,
    @Arg('articles', () => [ID], { description: 'The articles (1-100) whose mention of it is the other entity.' }) articles: string[],
    @Arg('newId', () => ID, { nullable: true, description: 'The id of the entity split off (free; default `<id>~split-2`).' }) newId: string | null,
    @Arg('reason', () => String, { nullable: true, description: 'Why (kept with the judgement).' }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<JudgementRow> {
    checkId(id, 'id');
    if (articles.length === 0 || articles.length > 100) throw badInput('give 1 to 100 articles', 'articles');
    for (const a of articles) checkId(a, 'articles');
    if (newId != null) checkId(newId, 'newId');
    const why = reasonOf(reason);
    const judgement = await writeTransaction(ctx, (tx) => splitEntity(tx, id, articles, { reason: why, by: ctx.role }, newId)).catch(refusal('articles'));
    forgetLoaded(ctx);
    return judgementRow(judgement);
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
    return judgementRow(judgement);
  }
}
