import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int } from 'type-graphql';
import type { ClaimKey, EntityRow, EventRow } from '../cypher/rows';
import { PageInfo } from './connection.type';
import { Entity } from './entity.type';
import { Direction, ParticipantRoleEnum, RelationTypeEnum } from './enums';
import { Event } from './event.type';
import { ObjectType } from './objectType';
import { PartialDate } from './partialDate.scalar';

/*
 * The connections of an entity's own lists (`events`, `relations`; `sources` is a SourceConnection, source.type.ts).
 * Their nodes are Nodes (an event, the entity at the other end), so that a normalising cache keys them by id; what belongs to the link
 * (roles, the relation's type and dates, the quote) is on the edge, with the link's own `sources`.
 */

const CURSOR = 'Where this edge is in its list: give it as `after` to the same field to continue after it.';

@ObjectType('EntityEventEdge', { description: 'An event the entity took part in, with every role it had there.' })
export class EntityEventEdge {
  @Field(() => String, { description: CURSOR })
  cursor!: string;

  @Field(() => Event, { description: 'The event.' })
  node!: EventRow;

  @Field(() => [ParticipantRoleEnum], { description: "Every role the entity had there, in the model's role order." })
  roles!: string[];

  /** one per participation, for `sources` (null when not selected) */
  claimKeys!: ClaimKey[] | null;
}

@ObjectType('EntityEventConnection', { description: "A page of an entity's events, with the total and how to ask for the next page." })
export class EntityEventConnection {
  @Field(() => [EntityEventEdge], { description: 'This page, earliest first (undated last, ties by id).' })
  edges!: EntityEventEdge[];

  @Field(() => PageInfo, { description: 'Whether more follows, and the cursors to ask for it.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matching events in all pages.' })
  totalCount!: number;
}

/**
 * One relation however many articles state it; `since`, `until` and `attributes` are derived from all their
 * claims (earliest since, latest until, attributes of the latest article).
 */
@ObjectType('RelationEdge', { description: 'A stated relation between the entity asked about and another one (the node).' })
export class RelationEdge {
  @Field(() => String, { description: CURSOR })
  cursor!: string;

  @Field(() => Entity, { description: 'The entity at the other end.' })
  node!: EntityRow;

  @Field(() => RelationTypeEnum, { description: 'What the relation states.' })
  type!: string;

  @Field(() => Direction, { description: "OUTGOING when the entity asked about is the relation's subject (`from`), INCOMING when it is the object." })
  direction!: Direction;

  @Field(() => GraphQLJSONObject, { description: "Flat attributes the articles state about the relation (a position's `title`, …)." })
  attributes!: Record<string, unknown>;

  @Field(() => PartialDate, { nullable: true, description: 'When it began, as the articles give it (the earliest any gives); null: not said.' })
  since!: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'When it ended, as the articles give it (the latest any gives); null: not said, or still holds.' })
  until!: string | null;

  /** for `sources` (null when not selected) */
  claimKey!: ClaimKey | null;
}

@ObjectType('RelationConnection', { description: "A page of an entity's relations, with the total and how to ask for the next page." })
export class RelationConnection {
  @Field(() => [RelationEdge], { description: "This page, by type, then the other end's name (ties by its id)." })
  edges!: RelationEdge[];

  @Field(() => PageInfo, { description: 'Whether more follows, and the cursors to ask for it.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matching relations in all pages.' })
  totalCount!: number;
}
