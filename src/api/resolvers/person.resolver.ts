import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../args/cursor';
import { PageArgs } from '../args/fields.args';
import { positionsOptions } from '../args/fieldOptions';
import type { Context } from '../context';
import type { NestedPage } from '../cypher/mentions';
import type { EntityRow, PositionRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { PositionConnection } from '../types/nestedConnections.type';
import { Person } from '../types/person.type';

/** The organisation is the node; the title and its dates are the edge's. */
const positionEdge = (p: PositionRow) => ({ node: p.organization, title: p.title, since: p.since, until: p.until, claimKey: p.claimKey });
const positionPage = (page: NestedPage<PositionRow>, skip: number) => connectionOf(page, skip, positionEdge, 'positions');

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => PositionConnection, { description: 'Every position held, by organisation name then title, a page at a time.' })
  positions(@Root() p: EntityRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const o = positionsOptions(args, info);
    const l = loaders(ctx);
    // positions read ahead with a page's participants come without a promise (Loaders.now): so does their connection
    const page = l.now(l.positions(o), p.id);
    return page instanceof Promise ? page.then((r) => positionPage(r, o.skip)) : positionPage(page, o.skip);
  }
}
