import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ENTITY_TYPE_NAMES, type EntityType } from '../../model';
import { nameKeyOf } from '../../ingest';
import type { EntityFilterValues } from '../cypher/entityPage';
import { EntityKindEnum, EntityOrder, EntityTypeEnum } from '../types/enums';
import { skipAfter } from './cursor';
import { checkFirst, checkIds, checkText } from './limits';

@InputType('EntityFilter', { description: 'Every condition given must hold.' })
export class EntityFilter {
  @Field(() => [EntityTypeEnum], { nullable: true })
  types?: EntityType[] | null;

  @Field(() => [EntityKindEnum], { nullable: true })
  kinds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The name or an alias, exactly, compared as ingest compares names (NFKC, case-folded, spaces next to Han ignored).',
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or of an alias, case-insensitive.' })
  nameContains?: string | null;

  @Field(() => [ID], { nullable: true, description: 'At most 100; merged ids find the kept entity.' })
  ids?: string[] | null;
}

@ArgsType()
export class EntitiesArgs {
  @Field(() => EntityFilter, { nullable: true })
  where?: EntityFilter | null;

  @Field(() => EntityOrder, { defaultValue: EntityOrder.NAME_ASC })
  orderBy!: EntityOrder;

  @Field(() => Int, { defaultValue: 20, description: '1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

export function checkEntitiesArgs(args: EntitiesArgs): { filter: EntityFilterValues; skip: number; first: number } {
  const w = args.where ?? {};
  const first = checkFirst(args.first);
  const skip = skipAfter(args.after);
  const types = w.types ?? null;
  const name = w.name != null ? checkText(w.name, 'where.name', { nonEmpty: true }) : null;
  const nameContains = w.nameContains != null ? checkText(w.nameContains, 'where.nameContains', { nonEmpty: true }) : null;
  return {
    first,
    skip,
    filter: {
      types,
      kinds: w.kinds ?? null,
      ids: w.ids != null ? checkIds(w.ids, 'where.ids') : null,
      nameKeys: name !== null ? (types ?? ENTITY_TYPE_NAMES).map((t) => nameKeyOf(t, name)) : null,
      nameContains: nameContains !== null ? nameContains.trim().toLowerCase() : null,
    },
  };
}
