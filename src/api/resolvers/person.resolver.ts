import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { listConnection } from '../args/cursor';
import { PageArgs } from '../args/fields.args';
import { positionsPage } from '../args/nestedChecks';
import { positionsOptions } from '../args/fieldOptions';
import type { Context } from '../context';
import type { EntityRow, PositionRow } from '../cypher/rows';
import { loaders } from '../loaders';
import { PositionConnection } from '../types/nestedConnections.type';
import { Person } from '../types/person.type';

/** The organisation is the node; the title and its dates are the edge's. */
const positionEdge = (p: PositionRow) => ({ node: p.organization, title: p.title, since: p.since, until: p.until, claimKey: p.claimKey });
const positionPage = (rows: PositionRow[], w: { skip: number; first: number }) => listConnection(rows, w, positionEdge, 'positions');

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => PositionConnection, { description: 'Every position held, by organisation name then title, a page at a time.' })
  positions(@Root() p: EntityRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const w = positionsPage(args);
    const l = loaders(ctx);
    // positions read ahead with a page's participants come without a promise (Loaders.now): so does their page
    const rows = l.now(l.positions(positionsOptions(info)), p.id);
    return rows instanceof Promise ? rows.then((r) => positionPage(r, w)) : positionPage(rows, w);
  }
}
