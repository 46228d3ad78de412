import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { checkFigureFilter } from '../args/fields.args';
import { FiguresArgs } from '../args/figures.args';
import { checkFirst, checkId } from '../args/limits';
import type { Context } from '../context';
import { findFigures } from '../cypher/figures';
import type { FigureRow } from '../cypher/rows';
import { Figure } from '../types/figure.type';

@Resolver()
export class FiguresResolver {
  @Query(() => [Figure], {
    description: 'Numbers stated by articles, by subject, metric and period (each optional), by subject name, metric, period.',
  })
  async figures(@Args(() => FiguresArgs) args: FiguresArgs, @Ctx() ctx: Context): Promise<FigureRow[]> {
    const filter = checkFigureFilter(args);
    const subject = args.subject != null ? checkId(args.subject, 'subject') : null;
    return findFigures(ctx, { ...filter, subject, first: checkFirst(args.first) });
  }
}
