import { ArgsType, Field, ID, Int } from 'type-graphql';
import { FigureFilterArgs } from './fields.args';

@ArgsType()
export class FiguresArgs extends FigureFilterArgs {
  @Field(() => ID, { nullable: true, description: 'The entity the numbers are about.' })
  subject?: string | null;

  @Field(() => Int, { defaultValue: 100, description: '1 to 100.' })
  first!: number;
}
