import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { checkFiguresArgs, FiguresArgs } from '../args/figures.args';
import type { Context } from '../context';
import { findFigures } from '../cypher/figures';
import type { FigureRow } from '../cypher/rows';
import { Figure } from '../types/figure.type';

@Resolver()
export class FiguresResolver {
  @Query(() => [Figure], {
    description: 'Numbers stated by articles, by subject, metric and period (each optional) and any `where`, by subject name, metric, period unless `orderBy` says otherwise.',
  })
  async figures(@Args(() => FiguresArgs) args: FiguresArgs, @Ctx() ctx: Context): Promise<FigureRow[]> {
    return findFigures(ctx, checkFiguresArgs(args));
  }
}
