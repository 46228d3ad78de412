import { ArgsType, Field, ID, Int } from 'type-graphql';
import { FigureOrder } from '../types/enums';
import { FigureFilter } from '../where';
import { FigureFilterArgs } from './fields.args';

@ArgsType()
export class FiguresArgs extends FigureFilterArgs {
  @Field(() => ID, { nullable: true, description: 'The entity the numbers are about.' })
  subject?: string | null;

  @Field(() => FigureFilter, { nullable: true, description: 'Any other conditions (metric contains, value ranges, subject, within, …).' })
  where?: FigureFilter | null;

  @Field(() => FigureOrder, { defaultValue: FigureOrder.SUBJECT, description: 'Ties are broken by subject, metric, period, id.' })
  orderBy!: FigureOrder;

  @Field(() => Int, { defaultValue: 100, description: '1 to 100.' })
  first!: number;
}
