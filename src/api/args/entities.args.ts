import { ArgsType, Field, Int } from 'type-graphql';
import { ENTITY_TYPE_NAMES, type EntityType } from '../../model';
import { nameKeyOf } from '../../ingest';
import type { EntityFilterValues } from '../cypher/entityPage';
import { EntityOrder } from '../types/enums';
import { all, checkWhereCost, entityAnchor, entityConditions, EntityFilter, Scope } from '../where';
import { skipAfter } from './cursor';
import { checkFirst, checkIds, checkText } from './limits';
import { AFTER_DESCRIPTION, firstDescription, PAGE_SIZE } from './page';

@ArgsType()
export class EntitiesArgs {
  @Field(() => EntityFilter, { nullable: true, description: 'Only entities matching this filter (all when absent).' })
  where?: EntityFilter | null;

  @Field(() => EntityOrder, { defaultValue: EntityOrder.NAME_ASC, description: 'The order of the list (ties by name, then id).' })
  orderBy!: EntityOrder;

  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;
}

export function checkEntitiesArgs(args: EntitiesArgs): { filter: EntityFilterValues; skip: number; first: number } {
  checkWhereCost(args.where);
  const { types: _t, kinds: _k, ids: _i, name: _n, nameContains: _c, ...rest } = args.where ?? {};
  const w = args.where ?? {};
  const s = new Scope();
  const extra = entityConditions(rest, 'e', s, 'where');
  const first = checkFirst(args.first);
  const skip = skipAfter(args.after, 'after', 'entities');
  const types = w.types ?? null;
  const name = w.name != null ? checkText(w.name, 'where.name', { nonEmpty: true }) : null;
  const nameContains = w.nameContains != null ? checkText(w.nameContains, 'where.nameContains', { nonEmpty: true }) : null;
  const anchor = entityAnchor(w, 'e', s);
  return {
    first,
    skip,
    filter: {
      types,
      kinds: w.kinds ?? null,
      ids: w.ids != null ? checkIds(w.ids, 'where.ids') : null,
      nameKeys: name !== null ? (types ?? ENTITY_TYPE_NAMES).map((t) => nameKeyOf(t, name)) : null,
      nameContains: nameContains !== null ? nameContains.trim().toLowerCase() : null,
      extra: extra.length > 0 ? { cypher: all(extra), params: s.params } : null,
      start: anchor,
      startParams: s.params,
    },
  };
}
