import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { positionsOptions } from '../args/fieldOptions';
import { partnerParts } from '../args/selectedFields';
import type { Context } from '../context';
import type { EntityRow, PartnerRow, PositionRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { Entity } from '../types/entity.type';
import { OrganizationKindEnum } from '../types/enums';
import { Organization } from '../types/organization.type';
import { Partner } from '../types/partner.type';
import { Position } from '../types/position.type';
import { Project } from '../types/project.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [Position], { description: 'People holding positions in it, by name then title.' })
  officials(@Root() o: EntityRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<PositionRow[]> {
    return loaders(ctx).officials(positionsOptions(info)).load(o.id);
  }

  @FieldResolver(() => Entity, {
    nullable: true,
    description: 'What it is PART_OF (an organisation before a place when articles name several).',
  })
  async parent(@Root() o: EntityRow, @Ctx() ctx: Context): Promise<EntityRow | null> {
    return (await loaders(ctx).parents().load(o.id))[0] ?? null;
  }

  @FieldResolver(() => [Entity], { description: 'What is PART_OF it, by name.' })
  units(@Root() o: EntityRow, @Ctx() ctx: Context): Promise<EntityRow[]> {
    return loaders(ctx).units().load(o.id);
  }

  @FieldResolver(() => [Partner], {
    description: 'Co-signatories of its Signing events and PARTNER_OF relations, by name; with `includeUnits`, those of its units too.',
  })
  partners(
    @Root() o: EntityRow,
    @Arg('kinds', () => [OrganizationKindEnum], { nullable: true, description: 'Only partners of these kinds.' }) kinds: string[] | null | undefined,
    @Arg('includeUnits', () => Boolean, { defaultValue: false, description: 'Also the partners of its units (PART_OF it, transitively).' })
    includeUnits: boolean,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PartnerRow[]> {
    return loaders(ctx).partners(kinds ?? null, partnerParts(info), includeUnits).load(o.id);
  }

  @FieldResolver(() => [Project], { description: 'Projects it operates, invests in or owns, by name.' })
  projects(@Root() o: EntityRow, @Ctx() ctx: Context): Promise<EntityRow[]> {
    return loaders(ctx).projects().load(o.id);
  }
}
