import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { EntityType, EventType, RelationType } from '../../model';
import { badInput } from '../errors';
import { EntityTypeEnum, EventTypeEnum, OrganizationKindEnum, RelationTypeEnum } from '../types/enums';
import { ARG_LIMITS, checkFirst, checkId, checkIds, checkInt } from './limits';
import { AFTER_DESCRIPTION, firstDescription, PAGE_SIZE } from './page';

/** Paths are a capped list, not a connection: each costs a shortest-path search, so few unless asked. */
const PATHS = 3;

@ArgsType()
export class NeighborhoodArgs {
  @Field(() => ID, { description: 'An entity or event.' })
  id!: string;

  @Field(() => Int, { defaultValue: 1, description: 'Steps from the start, 1 to 3.' })
  depth!: number;

  @Field(() => Int, { defaultValue: 100, description: 'At most this many nodes (1 to 500; 100 unless given): a budget for the drawing, not a page; see `truncated`.' })
  limit!: number;

  @Field(() => [EntityTypeEnum], { nullable: true, description: 'Entities of these types only; [] for none.' })
  entityTypes?: EntityType[] | null;

  @Field(() => [EventTypeEnum], { nullable: true, description: 'Events of these types only; [] for none.' })
  eventTypes?: EventType[] | null;
}

export function checkNeighborhoodArgs(args: NeighborhoodArgs): { depth: 1 | 2 | 3; limit: number } {
  checkId(args.id, 'id');
  return {
    depth: checkInt(args.depth, 'depth', ARG_LIMITS.depth) as 1 | 2 | 3,
    limit: checkInt(args.limit, 'limit', ARG_LIMITS.neighborhoodLimit),
  };
}

@ArgsType()
export class PathsArgs {
  @Field(() => ID, { description: 'An entity or event.' })
  from!: string;

  @Field(() => ID, { description: 'An entity or event.' })
  to!: string;

  @Field(() => Int, { defaultValue: 4, description: 'At most this many edges, 1 to 6.' })
  maxLength!: number;

  @Field(() => Int, { defaultValue: PATHS, description: firstDescription(PATHS, 'paths') })
  first!: number;

  @Field(() => [ID], {
    nullable: true,
    description: 'Entities or events no path may pass through (a hub, say); at most 100, never `from` or `to`. A merged id stands for the entity it was merged into.',
  })
  exclude?: string[] | null;

  @Field(() => [RelationTypeEnum], { nullable: true, description: 'Relations of these types are not followed.' })
  excludeRelationTypes?: RelationType[] | null;

  @Field(() => [EventTypeEnum], { nullable: true, description: 'No path passes through an event of these types (unless it is `from` or `to`).' })
  excludeEventTypes?: EventType[] | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Not only the shortest: the `first` shortest paths of any length up to maxLength, shortest first (without a node twice on one path).',
  })
  allLengths!: boolean;
}

/** What steers a path search away from the shortest paths over the whole graph. */
export interface PathSteering {
  exclude: string[];
  excludeRelationTypes: RelationType[];
  excludeEventTypes: EventType[];
  allLengths: boolean;
}

export function checkPathsArgs(args: PathsArgs): PathSteering {
  checkId(args.from, 'from');
  checkId(args.to, 'to');
  checkInt(args.maxLength, 'maxLength', ARG_LIMITS.maxLength);
  checkFirst(args.first);
  const exclude = checkIds(args.exclude ?? [], 'exclude');
  if (exclude.includes(args.from) || exclude.includes(args.to)) throw badInput('exclude must not hold `from` or `to`', 'exclude');
  return {
    exclude,
    excludeRelationTypes: [...(args.excludeRelationTypes ?? [])],
    excludeEventTypes: [...(args.excludeEventTypes ?? [])],
    allLengths: args.allLengths === true,
  };
}

@ArgsType()
export class PartnersArgs {
  @Field(() => ID, { description: 'An organisation.' })
  of!: string;

  @Field(() => [OrganizationKindEnum], { nullable: true, description: "Only partners of these kinds." })
  kinds?: string[] | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Also the partners of its units (what is PART_OF it, transitively): a university's through its colleges.",
  })
  includeUnits!: boolean;

  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;
}
