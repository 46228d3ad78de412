import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { EventType, FigureQualifier, ParticipantRole, RelationType } from '../../model';
import { DateMatch, Direction, EventTypeEnum, FigureQualifierEnum, OrganizationKindEnum, ParticipantRoleEnum, RelationTypeEnum } from '../types/enums';
import { skipAfter } from './cursor';
import { checkFirst, checkId, checkText } from './limits';
import { PartialDate } from '../types/partialDate.scalar';
import { AFTER_DESCRIPTION, firstDescription, PAGE_SIZE } from './page';

/** Arguments of list fields on types (as opposed to root fields). */

/**
 * The page arguments of every connection, root or nested: `first` (1 to 100, 20 unless given) and `after` (the
 * `endCursor` of the previous page of the same field). Classes with filters besides repeat the two fields rather than
 * extend this one: typeGraphqlSeam.ts's argsInstanceMaker takes only args classes of their own.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;
}

/** A nested connection's page window; `field` names the list its cursors belong to (cursor.ts). */
export function pageWindow(args: PageArgs, field: string): { skip: number; first: number } {
  return { first: checkFirst(args.first), skip: skipAfter(args.after, 'after', field) };
}

@ArgsType()
export class EntityEventsArgs {
  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;

  @Field(() => [EventTypeEnum], { nullable: true, description: 'Only events of these types.' })
  types?: EventType[] | null;

  @Field(() => [ParticipantRoleEnum], { nullable: true, description: 'Only events where it had one of these roles.' })
  roles?: ParticipantRole[] | null;

  @Field(() => PartialDate, { nullable: true, description: 'Only events with a day from this one on (a month or year: from its first day).' })
  from?: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'Only events with a day up to this one (a month or year: up to its last day).' })
  to?: string | null;

  @Field(() => DateMatch, { defaultValue: DateMatch.OVERLAPS, description: 'How an event must meet the `from`/`to` window.' })
  dateMatch?: DateMatch;
}

@ArgsType()
export class RelationsArgs {
  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;

  @Field(() => [RelationTypeEnum], { nullable: true, description: 'Only relations of these types.' })
  types?: RelationType[] | null;

  @Field(() => Direction, { nullable: true, description: 'Both when absent.' })
  direction?: Direction | null;

  @Field(() => ID, { nullable: true, description: 'Only relations this article states (an article id).' })
  article?: string | null;
}

@ArgsType()
export class EntitySourcesArgs {
  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only what this article said (an article id).' })
  article?: string | null;
}

/** An optional article id argument, checked like every id (BAD_USER_INPUT when empty or over-long). */
export const articleArg = (article: string | null | undefined): string | null => (article != null ? checkId(article, 'article') : null);

@ArgsType()
export class FigureFilterArgs {
  @Field(() => String, { nullable: true, description: 'Exact metric name.' })
  metric?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact period, such as `2023-H1`.' })
  period?: string | null;

  @Field(() => [FigureQualifierEnum], { nullable: true, description: 'Only numbers hedged in one of these ways.' })
  qualifiers?: FigureQualifier[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only hedged numbers (any qualifier); false: only numbers stated as exact.' })
  hedged?: boolean | null;
}

/**
 * `Entity.figures`: a page of the figure filter. Its own class, not a subclass of FigureFilterArgs (which the root
 * `figures` extends, a capped list without `after`): typeGraphqlSeam.ts's argsInstanceMaker takes only args classes
 * of their own.
 */
@ArgsType()
export class EntityFiguresArgs {
  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact metric name.' })
  metric?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact period, such as `2023-H1`.' })
  period?: string | null;

  @Field(() => [FigureQualifierEnum], { nullable: true, description: 'Only numbers hedged in one of these ways.' })
  qualifiers?: FigureQualifier[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only hedged numbers (any qualifier); false: only numbers stated as exact.' })
  hedged?: boolean | null;
}

export function checkFigureFilter(args: Pick<FigureFilterArgs, 'metric' | 'period' | 'qualifiers' | 'hedged'>): {
  metric: string | null;
  period: string | null;
  qualifiers: FigureQualifier[] | null;
  hedged: boolean | null;
} {
  return {
    metric: args.metric != null ? checkText(args.metric, 'metric') : null,
    period: args.period != null ? checkText(args.period, 'period') : null,
    qualifiers: args.qualifiers ?? null,
    hedged: args.hedged ?? null,
  };
}

@ArgsType()
export class ParticipantsArgs {
  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;

  @Field(() => [ParticipantRoleEnum], { nullable: true, description: 'Only participants in one of these roles.' })
  roles?: ParticipantRole[] | null;
}

@ArgsType()
export class OrganizationPartnersArgs {
  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Also the partners of its units (PART_OF it, transitively).' })
  includeUnits!: boolean;

  @Field(() => [OrganizationKindEnum], { nullable: true, description: 'Only partners of these kinds.' })
  kinds?: string[] | null;
}
