import { ArgsType, Field, ID, Int } from 'type-graphql';
import { FigureOrder } from '../types/enums';
import { FigureFilter } from '../where';
import { FigureFilterArgs } from './fields.args';
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
