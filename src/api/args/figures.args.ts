import { ArgsType, Field, ID, Int } from 'type-graphql';
import { FigureOrder } from '../types/enums';
import { all, checkWhereCost, FigureFilter, figureConditions, Scope } from '../where';
import { checkFigureFilter, FigureFilterArgs } from './fields.args';
import { checkFirst, checkId } from './limits';
import { firstDescription } from './page';

/** Figures are a capped list, not a connection: an entity's numbers rarely pass a hundred. */
const FIGURES_PAGE = 100;

@ArgsType()
export class FiguresArgs extends FigureFilterArgs {
  @Field(() => ID, { nullable: true, description: 'The entity the numbers are about.' })
  subject?: string | null;

  @Field(() => FigureFilter, { nullable: true, description: 'Any other conditions (metric contains, value ranges, subject, within, …).' })
  where?: FigureFilter | null;

  @Field(() => FigureOrder, { defaultValue: FigureOrder.SUBJECT, description: 'Ties are broken by subject, metric, period, id.' })
  orderBy!: FigureOrder;

  @Field(() => Int, { defaultValue: FIGURES_PAGE, description: firstDescription(FIGURES_PAGE) })
  first!: number;
}

/** The root `figures`' arguments checked (BAD_USER_INPUT or QUERY_TOO_COMPLEX naming the argument) and compiled. */
export function checkFiguresArgs(args: FiguresArgs) {
  const filter = checkFigureFilter(args);
  const subject = args.subject != null ? checkId(args.subject, 'subject') : null;
  checkWhereCost(args.where);
  const scope = new Scope();
  const extra = args.where ? figureConditions(args.where, 'f', scope, 'where') : [];
  const compiled = extra.length > 0 ? { cypher: all(extra), params: scope.params } : null;
  return { ...filter, subject, first: checkFirst(args.first), extra: compiled, order: args.orderBy };
}
