import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { checkFigureFilter } from '../args/fields.args';
import { FiguresArgs } from '../args/figures.args';
import { checkFirst, checkId } from '../args/limits';
import type { Context } from '../context';
import { findFigures } from '../cypher/figures';
import type { FigureRow } from '../cypher/rows';
import { Figure } from '../types/figure.type';
import { all, checkWhereCost, figureConditions, Scope } from '../where';

@Resolver()
export class FiguresResolver {
  @Query(() => [Figure], {
    description: 'Numbers stated by articles, by subject, metric and period (each optional) and any `where`, by subject name, metric, period unless `orderBy` says otherwise.',
  })
  async figures(@Args(() => FiguresArgs) args: FiguresArgs, @Ctx() ctx: Context): Promise<FigureRow[]> {
    const filter = checkFigureFilter(args);
    const subject = args.subject != null ? checkId(args.subject, 'subject') : null;
    checkWhereCost(args.where);
    const scope = new Scope();
    const extra = args.where ? figureConditions(args.where, 'f', scope, 'where') : [];
    const compiled = extra.length > 0 ? { cypher: all(extra), params: scope.params } : null;
    return findFigures(ctx, { ...filter, subject, first: checkFirst(args.first), extra: compiled, order: args.orderBy });
  }
}
