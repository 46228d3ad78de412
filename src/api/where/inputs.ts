import { Field, ID, InputType } from 'type-graphql';
import type { EntityType, EventType, FigureQualifier, ParticipantRole, RelationType } from '../../model';
import { DateMatch, Direction, EntityKindEnum, EntityTypeEnum, EventTypeEnum, FigureQualifierEnum, ParticipantRoleEnum, RelationTypeEnum } from '../types/enums';
import { FloatFilter, IntFilter, StringFilter, type NumberFilterValue, type StringFilterValue } from './operators';
import { PartialDate } from '../types/partialDate.scalar';

/*
 * The `where` inputs of entities, events and figures. They refer to each other (an entity's relation to an entity
 * matching a `where`, an event's participant matching one), so they live in one file; the enums they use come from
 * src/model through types/enums.ts, and the operators from operators.ts.
 */

/* Plain shapes of the inputs, for the compiler, and for the fields' declared types (a class used before its
   declaration in a decorator's metadata would be read too early). */
export interface RelationWhere {
  types?: RelationType[] | null;
  direction?: Direction | null;
  other?: EntityWhere | null;
  validAt?: string | null;
}
export interface PositionWhere {
  title?: StringFilterValue | null;
  at?: EntityWhere | null;
  validAt?: string | null;
}
export interface ParticipationWhere {
  event?: EventWhere | null;
  roles?: ParticipantRole[] | null;
}
export interface ParticipantWhere {
  entity?: EntityWhere | null;
  roles?: ParticipantRole[] | null;
}
export interface EntityWhere {
  AND?: EntityWhere[] | null;
  OR?: EntityWhere[] | null;
  NOT?: EntityWhere | null;
  types?: EntityType[] | null;
  kinds?: string[] | null;
  name?: string | null;
  nameContains?: string | null;
  anyName?: StringFilterValue | null;
  ids?: string[] | null;
  within?: string | null;
  relation?: RelationWhere | null;
  position?: PositionWhere | null;
  participatedIn?: ParticipationWhere | null;
  eventCount?: NumberFilterValue | null;
  mentionCount?: NumberFilterValue | null;
}
export interface EventWhere {
  AND?: EventWhere[] | null;
  OR?: EventWhere[] | null;
  NOT?: EventWhere | null;
  types?: EventType[] | null;
  name?: StringFilterValue | null;
  from?: string | null;
  to?: string | null;
  dateMatch?: DateMatch;
  participant?: string | null;
  someParticipant?: ParticipantWhere | null;
  participantCount?: NumberFilterValue | null;
  location?: string | null;
  within?: string | null;
  article?: string | null;
  partOf?: EventWhere | null;
}
export interface FigureWhere {
  AND?: FigureWhere[] | null;
  OR?: FigureWhere[] | null;
  NOT?: FigureWhere | null;
  metric?: StringFilterValue | null;
  period?: StringFilterValue | null;
  value?: NumberFilterValue | null;
  change?: NumberFilterValue | null;
  subject?: EntityWhere | null;
  within?: string | null;
  qualifiers?: FigureQualifier[] | null;
  hedged?: boolean | null;
}

const DATE = 'A partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.';

@InputType('RelationFilter', { description: 'Some stated relation of the entity matches: every condition given must hold.' })
export class RelationFilter implements RelationWhere {
  @Field(() => [RelationTypeEnum], { nullable: true, description: 'Of one of these types (any domain relation when absent).' })
  types?: RelationType[] | null;

  @Field(() => Direction, { nullable: true, description: 'Seen from the entity filtered; both when absent.' })
  direction?: Direction | null;

  @Field(() => EntityFilter, { nullable: true, description: 'The entity at the other end matches this.' })
  other?: EntityWhere | null;

  @Field(() => PartialDate, { nullable: true, description: `Valid on this day (since ≤ date ≤ until, an open end is open). ${DATE}` })
  validAt?: string | null;
}

@InputType('PositionFilter', { description: 'Some position the person holds matches: every condition given must hold.' })
export class PositionFilter implements PositionWhere {
  @Field(() => StringFilter, { nullable: true, description: 'The title (`院长`, `党工委副书记`).' })
  title?: StringFilterValue | null;

  @Field(() => EntityFilter, { nullable: true, description: 'The organisation it is held at matches this.' })
  at?: EntityWhere | null;

  @Field(() => PartialDate, { nullable: true, description: `Held on this day (since ≤ date ≤ until, an open end is open). ${DATE}` })
  validAt?: string | null;
}

@InputType('ParticipationFilter', { description: 'The entity took part in some event matching this.' })
export class ParticipationFilter implements ParticipationWhere {
  @Field(() => EventFilter, { nullable: true, description: 'The event matches this.' })
  event?: EventWhere | null;

  @Field(() => [ParticipantRoleEnum], { nullable: true, description: 'In one of these roles (any when absent).' })
  roles?: ParticipantRole[] | null;
}

@InputType('ParticipantFilter', { description: 'Some participant of the event matches this.' })
export class ParticipantFilter implements ParticipantWhere {
  @Field(() => EntityFilter, { nullable: true, description: 'The participating entity matches this.' })
  entity?: EntityWhere | null;

  @Field(() => [ParticipantRoleEnum], { nullable: true, description: 'In one of these roles (any when absent).' })
  roles?: ParticipantRole[] | null;
}

@InputType('EntityFilter', { description: 'Conditions on an entity: every condition given must hold (use `OR` for either).' })
export class EntityFilter implements EntityWhere {
  @Field(() => [EntityFilter], { nullable: true, description: 'Every one of these holds.' })
  AND?: EntityWhere[] | null;

  @Field(() => [EntityFilter], { nullable: true, description: 'At least one of these holds.' })
  OR?: EntityWhere[] | null;

  @Field(() => EntityFilter, { nullable: true, description: 'This does not hold.' })
  NOT?: EntityWhere | null;

  @Field(() => [EntityTypeEnum], { nullable: true, description: 'Of one of these types.' })
  types?: EntityType[] | null;

  @Field(() => [EntityKindEnum], { nullable: true, description: 'Of one of these kinds.' })
  kinds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The name or an alias, exactly, compared as ingest compares names (NFKC, case-folded, spaces next to Han ignored).',
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or of an alias, case-insensitive.' })
  nameContains?: string | null;

  @Field(() => StringFilter, { nullable: true, description: 'The name or any alias matches this.' })
  anyName?: StringFilterValue | null;

  @Field(() => [ID], { nullable: true, description: 'At most 100; merged ids find the kept entity.' })
  ids?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Inside this entity: LOCATED_IN or PART_OF it, directly or through others (a project in the zone is within the city the zone is in).',
  })
  within?: string | null;

  @Field(() => RelationFilter, { nullable: true, description: 'Has a stated relation matching this.' })
  relation?: RelationWhere | null;

  @Field(() => PositionFilter, { nullable: true, description: 'Holds a position matching this (people only).' })
  position?: PositionWhere | null;

  @Field(() => ParticipationFilter, { nullable: true, description: 'Took part in an event matching this.' })
  participatedIn?: ParticipationWhere | null;

  @Field(() => IntFilter, { nullable: true, description: 'The number of distinct events it took part in.' })
  eventCount?: NumberFilterValue | null;

  @Field(() => IntFilter, { nullable: true, description: 'The number of articles that mention it.' })
  mentionCount?: NumberFilterValue | null;
}

@InputType('EventFilter', { description: 'Conditions on an event: every condition given must hold (use `OR` for either).' })
export class EventFilter implements EventWhere {
  @Field(() => [EventFilter], { nullable: true, description: 'Every one of these holds.' })
  AND?: EventWhere[] | null;

  @Field(() => [EventFilter], { nullable: true, description: 'At least one of these holds.' })
  OR?: EventWhere[] | null;

  @Field(() => EventFilter, { nullable: true, description: 'This does not hold.' })
  NOT?: EventWhere | null;

  @Field(() => [EventTypeEnum], { nullable: true, description: 'Of one of these types.' })
  types?: EventType[] | null;

  @Field(() => StringFilter, { nullable: true, description: 'The event\'s name.' })
  name?: StringFilterValue | null;

  @Field(() => PartialDate, { nullable: true, description: 'First day of the window: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` (its first day).' })
  from?: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'Last day of the window: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` (its last day).' })
  to?: string | null;

  @Field(() => DateMatch, { defaultValue: DateMatch.OVERLAPS, description: 'How the event\'s days must meet `from`/`to`.' })
  dateMatch?: DateMatch;

  @Field(() => ID, { nullable: true, description: 'Only events this entity took part in.' })
  participant?: string | null;

  @Field(() => ParticipantFilter, { nullable: true, description: 'Some participant matches this.' })
  someParticipant?: ParticipantWhere | null;

  @Field(() => IntFilter, { nullable: true, description: 'The number of distinct participants.' })
  participantCount?: NumberFilterValue | null;

  @Field(() => ID, { nullable: true, description: 'Only events that took place at this entity.' })
  location?: string | null;

  @Field(() => ID, { nullable: true, description: 'Took place at this entity or at something within it (see EntityFilter.within).' })
  within?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events this article reports.' })
  article?: string | null;

  @Field(() => EventFilter, { nullable: true, description: 'Took place during an event (its `partOf`) matching this.' })
  partOf?: EventWhere | null;
}

@InputType('FigureFilter', { description: 'Conditions on a figure: every condition given must hold (use `OR` for either).' })
export class FigureFilter implements FigureWhere {
  @Field(() => [FigureFilter], { nullable: true, description: 'Every one of these holds.' })
  AND?: FigureWhere[] | null;

  @Field(() => [FigureFilter], { nullable: true, description: 'At least one of these holds.' })
  OR?: FigureWhere[] | null;

  @Field(() => FigureFilter, { nullable: true, description: 'This does not hold.' })
  NOT?: FigureWhere | null;

  @Field(() => StringFilter, { nullable: true, description: 'The metric (`规模以上工业产值`).' })
  metric?: StringFilterValue | null;

  @Field(() => StringFilter, { nullable: true, description: 'The period as stated (`2023-H1`).' })
  period?: StringFilterValue | null;

  @Field(() => FloatFilter, { nullable: true, description: 'The number stated.' })
  value?: NumberFilterValue | null;

  @Field(() => FloatFilter, { nullable: true, description: 'The relative change (0.132 for +13.2%).' })
  change?: NumberFilterValue | null;

  @Field(() => EntityFilter, { nullable: true, description: 'What the number is about matches this.' })
  subject?: EntityWhere | null;

  @Field(() => ID, { nullable: true, description: 'About this entity or something within it (see EntityFilter.within).' })
  within?: string | null;

  @Field(() => [FigureQualifierEnum], { nullable: true, description: 'Hedged in one of these ways.' })
  qualifiers?: FigureQualifier[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only hedged numbers (any qualifier); false: only numbers stated as exact.' })
  hedged?: boolean | null;
}
