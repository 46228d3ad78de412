import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class MergeArgs {
  @Field(() => ID, { description: 'The entity that stays.' })
  keep!: string;

  @Field(() => ID, { description: 'The entity merged into it, whose id then resolves to `keep`.' })
  merge!: string;

  @Field(() => String, { nullable: true, description: 'Why they are one (recorded with the judgement).' })
  reason?: string | null;
}
