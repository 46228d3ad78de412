import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { EntityType, EventType } from '../../model';
import { EntityTypeEnum, EventTypeEnum, OrganizationKindEnum } from '../types/enums';
import { ARG_LIMITS, checkFirst, checkId, checkInt } from './limits';

@ArgsType()
export class NeighborhoodArgs {
  @Field(() => ID, { description: 'An entity or event.' })
  id!: string;

  @Field(() => Int, { defaultValue: 1, description: 'Steps from the start, 1 to 3.' })
  depth!: number;

  @Field(() => Int, { defaultValue: 100, description: 'At most this many nodes (1 to 500); see `truncated`.' })
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

  @Field(() => Int, { defaultValue: 3, description: 'At most this many paths, 1 to 100.' })
  first!: number;
}

export function checkPathsArgs(args: PathsArgs): void {
  checkId(args.from, 'from');
  checkId(args.to, 'to');
  checkInt(args.maxLength, 'maxLength', ARG_LIMITS.maxLength);
  checkFirst(args.first);
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
}
