import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { passageNeedle } from '../../search';
import { connectionOf, listConnection } from '../args/cursor';
import { PageArgs } from '../args/fields.args';
import { passageEntitiesPage, passageEventsPage } from '../args/nestedChecks';
import { checkFirst, checkWindow } from '../args/limits';
import { checkSearchText } from '../args/search.args';
import { skipAfter } from '../args/cursor';
import type { Context } from '../context';
import { type PassageRow, passagesPage } from '../cypher/passages';
import type { EntityRow, EventRow, NodeRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { EntityConnection, EventConnection } from '../types/connection.type';
import { Passage, PassageConnection } from '../types/passage.type';
import { PartialDate } from '../types/partialDate.scalar';
import { AFTER_DESCRIPTION, firstDescription, PAGE_SIZE } from '../args/page';

@ArgsType()
export class PassagesArgs {
  @Field(() => String, { description: 'Words or characters to find in article text and evidence (simplified or traditional); matched literally.' })
  query!: string;

  @Field(() => PartialDate, { nullable: true, description: 'Articles published from this day on (a month or year: from its first day).' })
  from?: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'Articles published up to this day (a month or year: up to its last day).' })
  to?: string | null;

  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;
}

/** The arguments of `passages` checked, as its resolver reads them (BAD_USER_INPUT naming the argument). */
export function checkPassagesArgs(args: PassagesArgs) {
  const query = checkSearchText(args.query, 'query');
  const window = checkWindow(args, { from: 'from', to: 'to' });
  return { query, window, first: checkFirst(args.first), skip: skipAfter(args.after, 'after', 'passages') };
}

const byIds = async (ctx: Context, ids: string[]): Promise<NodeRow[]> =>
  (await loaders(ctx).node().loadMany(ids)).filter((n): n is NodeRow => n !== null && !(n instanceof Error));

@Resolver(() => Passage)
export class PassageResolver {
  @Query(() => PassageConnection, {
    description: 'Sentences of article text (and evidence) holding the query, with their article, date, the part to highlight and what they support.',
  })
  async passages(@Args(() => PassagesArgs) args: PassagesArgs, @Ctx() ctx: Context) {
    const { query, window, first, skip } = checkPassagesArgs(args);
    // a phrase query: the cjk analyzer's bigrams in order, so 双过半 does not match 双 … 过半
    const phrase = `"${query.lucene ?? ''}"`;
    const page = await passagesPage(ctx, { needle: passageNeedle(args.query), phrase }, window, skip, first);
    return connectionOf(page, skip, (p) => ({ node: { ...p, date: p.article.publishedOn } }), 'passages');
  }

  /** The passage's statement names their ids; the nodes are one statement for the level (the node loader). */
  @FieldResolver(() => EntityConnection, { description: 'Entities whose evidence lies in the passage, or that it names, in the order found, a page at a time.' })
  async entities(@Root() p: PassageRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = passageEntitiesPage(args);
    return listConnection((await byIds(ctx, p.entityIds)) as EntityRow[], w, (node) => ({ node }), 'passageEntities');
  }

  @FieldResolver(() => EventConnection, { description: 'Events whose evidence lies in the passage, in the order found, a page at a time.' })
  async events(@Root() p: PassageRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = passageEventsPage(args);
    return listConnection((await byIds(ctx, p.eventIds)) as EventRow[], w, (node) => ({ node }), 'passageEvents');
  }
}
