import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { connectionOf, listConnection } from '../args/cursor';
import { OrganizationPartnersArgs, PageArgs } from '../args/fields.args';
import { partnerEventsPage, partnersPage, projectsPage, unitsPage } from '../args/nestedChecks';
import { officialsOptions } from '../args/fieldOptions';
import { partnerParts } from '../args/selectedFields';
import type { Context } from '../context';
import type { EntityRow, EventRow, PartnerRow, PositionRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { EntityConnection, EventConnection } from '../types/connection.type';
import { Entity } from '../types/entity.type';
import { OfficialConnection, PartnerConnection, PartnerEdge } from '../types/nestedConnections.type';
import { Organization } from '../types/organization.type';

/** The person (officials) or partner organisation is the node; the title and its dates, or why it is a partner, the edge's. */
const officialEdge = (p: PositionRow) => ({ node: p.person!, title: p.title, since: p.since, until: p.until, claimKey: p.claimKey });
const nodeEdge = (node: EntityRow) => ({ node });
export const partnerEdge = (p: PartnerRow) => ({ node: p.organization, events: p.events, relations: p.relations, via: p.via });

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => OfficialConnection, { description: 'People holding positions in it, by name (ties by id) then title, a page at a time.' })
  async officials(@Root() o: EntityRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const options = officialsOptions(args, info);
    return connectionOf(await loaders(ctx).officials(options).load(o.id), options.skip, officialEdge, 'officials');
  }

  @FieldResolver(() => Entity, {
    nullable: true,
    description: 'What it is PART_OF (an organisation before a place when articles name several).',
  })
  async parent(@Root() o: EntityRow, @Ctx() ctx: Context): Promise<EntityRow | null> {
    return (await loaders(ctx).parents().load(o.id))[0] ?? null;
  }

  @FieldResolver(() => EntityConnection, { description: 'What is PART_OF it, by name (ties by id), a page at a time.' })
  async units(@Root() o: EntityRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = unitsPage(args);
    return connectionOf(await loaders(ctx).units(w).load(o.id), w.skip, nodeEdge, 'units');
  }

  @FieldResolver(() => PartnerConnection, {
    description:
      'Co-signatories of its Signing events and PARTNER_OF relations, by name (ties by id); with `includeUnits`, those of its units too; a page at a time.',
  })
  async partners(
    @Root() o: EntityRow,
    @Args(() => OrganizationPartnersArgs) args: OrganizationPartnersArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const w = partnersPage(args);
    const page = await loaders(ctx).partners(args.kinds ?? null, partnerParts(info, ['edges']), args.includeUnits, w).load(o.id);
    return connectionOf(page, w.skip, partnerEdge, 'partners');
  }

  @FieldResolver(() => EntityConnection, { description: 'Projects it operates, invests in or owns, by name (ties by id), a page at a time.' })
  async projects(@Root() o: EntityRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const w = projectsPage(args);
    return connectionOf(await loaders(ctx).projects(w).load(o.id), w.skip, nodeEdge, 'projects');
  }
}

@Resolver(() => PartnerEdge)
export class PartnerEdgeResolver {
  /** The partners' statement reads each partner's shared signings (the root's and Organization.partners'): the page is cut here. */
  @FieldResolver(() => EventConnection, { description: 'Signing events where both were signatories, by id, a page at a time.' })
  events(@Root() p: PartnerEdge, @Args(() => PageArgs) args: PageArgs) {
    return listConnection(p.events, partnerEventsPage(args), (node: EventRow) => ({ node }), 'partnerEvents');
  }
}
