import { ArgsType, Field, Int } from 'type-graphql';
import type { EventType, ParticipantRole, RelationType } from '../../model';
import { DateMatch, Direction, EventTypeEnum, ParticipantRoleEnum, RelationTypeEnum } from '../types/enums';
import { checkText } from './limits';

/** Arguments of list fields on types (as opposed to root fields). */

@ArgsType()
export class EntityEventsArgs {
  @Field(() => [EventTypeEnum], { nullable: true })
  types?: EventType[] | null;

  @Field(() => [ParticipantRoleEnum], { nullable: true, description: 'Only events where it had one of these roles.' })
  roles?: ParticipantRole[] | null;

  @Field(() => String, { nullable: true, description: '`YYYY-MM-DD` (or `YYYY-MM`).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: '`YYYY-MM-DD` (or `YYYY-MM`).' })
  to?: string | null;

  @Field(() => DateMatch, { defaultValue: DateMatch.OVERLAPS })
  dateMatch?: DateMatch;

  @Field(() => Int, { defaultValue: 100, description: 'At most this many, earliest first (1 to 100).' })
  first!: number;
}

@ArgsType()
export class RelationsArgs {
  @Field(() => [RelationTypeEnum], { nullable: true })
  types?: RelationType[] | null;

  @Field(() => Direction, { nullable: true, description: 'Both when absent.' })
  direction?: Direction | null;
}

@ArgsType()
export class FigureFilterArgs {
  @Field(() => String, { nullable: true, description: 'Exact metric name.' })
  metric?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact period, such as `2023-H1`.' })
  period?: string | null;
}

export function checkFigureFilter(args: FigureFilterArgs): { metric: string | null; period: string | null } {
  return {
    metric: args.metric != null ? checkText(args.metric, 'metric') : null,
    period: args.period != null ? checkText(args.period, 'period') : null,
  };
}

@ArgsType()
export class FirstArgs {
  @Field(() => Int, { defaultValue: 100, description: '1 to 100.' })
  first!: number;
}

@ArgsType()
export class RolesArgs {
  @Field(() => [ParticipantRoleEnum], { nullable: true })
  roles?: ParticipantRole[] | null;
}
