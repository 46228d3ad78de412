import { Field, Int } from 'type-graphql';
import type { ClaimKey, EntityRow, EventRow, FigureRow, RelationRow } from '../cypher/rows';
import { PageInfo } from './connection.type';
import { Entity } from './entity.type';
import { ParticipantRoleEnum } from './enums';
import { Figure } from './figure.type';
import { ObjectType } from './objectType';
import { Organization } from './organization.type';
import { PartialDate } from './partialDate.scalar';
import { Person } from './person.type';
import { Relation } from './relation.type';

/*
 * The connections of an event's participants and of an organisation's or person's own lists (`officials`,
 * `positions`, `partners`, an entity's `figures`). As for an entity's events and relations (entityConnections.type.ts),
 * the node is the Node at the other end and what belongs to the link (a role, a title and its dates, why a partner
 * is one) is on the edge, with the link's own `sources`.
 */

const CURSOR = 'Where this edge is in its list: give it as `after` to the same field to continue after it.';
const PAGE_INFO = 'Whether more follows, and the cursors to ask for it.';

@ObjectType('ParticipantEdge', { description: 'An entity taking part in the event, in one role (an entity in two roles is two edges).' })
export class ParticipantEdge {
  @Field(() => String, { description: CURSOR })
  cursor!: string;

  @Field(() => Entity, { description: 'Who or what took part.' })
  node!: EntityRow;

  @Field(() => ParticipantRoleEnum, { description: 'The part it took.' })
  role!: string;

  /** for `sources` (null when not selected) */
  claimKey!: ClaimKey | null;
}

@ObjectType('ParticipantConnection', { description: "A page of an event's participants, with the total and how to ask for the next page." })
export class ParticipantConnection {
  @Field(() => [ParticipantEdge], { description: 'This page, in role order, then by name (ties by id).' })
  edges!: ParticipantEdge[];

  @Field(() => PageInfo, { description: PAGE_INFO })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Participations in all pages (an entity in two roles counts twice).' })
  totalCount!: number;
}

/*
 * A HOLDS_POSITION relation seen from either end: the title and its dates on the edge of the person's `positions`
 * (node: the organisation) and of the organisation's `officials` (node: the person). Both edge types extend one
 * class that no field returns, so the schema has only the two (type-graphql emits the types it reaches); `node` is
 * declared on it too, so that it stays second among their fields, and each edge type gives it its own type (`declare`:
 * the field's GraphQL type changes, nothing of the class does).
 */
@ObjectType('HeldPositionEdge')
export class HeldPositionEdge {
  @Field(() => String, { description: CURSOR })
  cursor!: string;

  @Field(() => Entity, { description: 'The other end of the relation.' })
  node!: EntityRow;

  @Field(() => String, { description: 'The title, as the article writes it (`管委会主任`).' })
  title!: string;

  @Field(() => PartialDate, { nullable: true, description: 'Earliest date any article gives.' })
  since!: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'Latest date any article gives.' })
  until!: string | null;

  /** for `sources` (null when not selected) */
  claimKey!: ClaimKey | null;
}

@ObjectType('PositionEdge', { description: 'A position the person holds (a HOLDS_POSITION relation): the organisation, with the title.' })
export class PositionEdge extends HeldPositionEdge {
  @Field(() => Organization, { description: 'Where it is held.' })
  declare node: EntityRow;
}

@ObjectType('PositionConnection', { description: "A page of a person's positions, with the total and how to ask for the next page." })
export class PositionConnection {
  @Field(() => [PositionEdge], { description: 'This page, by organisation name, then title.' })
  edges!: PositionEdge[];

  @Field(() => PageInfo, { description: PAGE_INFO })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Positions in all pages.' })
  totalCount!: number;
}

@ObjectType('OfficialEdge', { description: 'A person holding a position in the organisation (a HOLDS_POSITION relation), with the title.' })
export class OfficialEdge extends HeldPositionEdge {
  @Field(() => Person, { description: 'Who holds it.' })
  declare node: EntityRow;
}

@ObjectType('OfficialConnection', { description: "A page of an organisation's officials, with the total and how to ask for the next page." })
export class OfficialConnection {
  @Field(() => [OfficialEdge], { description: 'This page, by person name, then title.' })
  edges!: OfficialEdge[];

  @Field(() => PageInfo, { description: PAGE_INFO })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Positions held there in all pages (a person with two titles counts twice).' })
  totalCount!: number;
}

@ObjectType('PartnerEdge', { description: 'An organisation in partnership with the one asked about (the node), and why.' })
export class PartnerEdge {
  @Field(() => String, { description: CURSOR })
  cursor!: string;

  @Field(() => Organization, { description: 'The partner organisation.' })
  node!: EntityRow;

  /** Signing events where both were signatories: a connection (`events`, organization.resolver.ts), as they grow with every signing */
  events!: EventRow[];

  @Field(() => [Relation], {
    description:
      'PARTNER_OF relations between the two, seen from the organisation asked about (or its unit that holds them). A list, not a ' +
      'connection: a relation is one however many articles state it, so there are at most two (one each way) for each organisation in `via`.',
  })
  relations!: RelationRow[];

  @Field(() => [Organization], {
    description:
      'Through which it is a partner: the organisation asked about, or (with `includeUnits`) those of its units that signed or hold ' +
      'the relation. A list, not a connection: it holds at most the organisation asked about and its own units.',
  })
  via!: EntityRow[];
}

@ObjectType('PartnerConnection', { description: "A page of an organisation's partners, with the total and how to ask for the next page." })
export class PartnerConnection {
  @Field(() => [PartnerEdge], { description: 'This page, by name (ties by id).' })
  edges!: PartnerEdge[];

  @Field(() => PageInfo, { description: PAGE_INFO })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Partners in all pages.' })
  totalCount!: number;
}

@ObjectType('FigureEdge', { description: 'A number stated about the entity, with its cursor.' })
export class FigureEdge {
  @Field(() => String, { description: CURSOR })
  cursor!: string;

  @Field(() => Figure, { description: 'The figure.' })
  node!: FigureRow;
}

@ObjectType('FigureConnection', { description: "A page of an entity's figures, with the total and how to ask for the next page." })
export class FigureConnection {
  @Field(() => [FigureEdge], { description: 'This page, by metric, then period.' })
  edges!: FigureEdge[];

  @Field(() => PageInfo, { description: PAGE_INFO })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matching figures in all pages.' })
  totalCount!: number;
}
