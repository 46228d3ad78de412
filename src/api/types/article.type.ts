import { Field } from 'type-graphql';
import { ObjectType } from './objectType';
import { Node } from './node.type';
import { PartialDate } from './partialDate.scalar';

@ObjectType('Article', { implements: Node, description: 'A news article the graph was extracted from.' })
export class Article extends Node {
  @Field(() => String, { description: 'Its headline.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publisher!: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'When it was published: `YYYY-MM-DD` or `YYYY-MM`.' })
  publishedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Where it was published, when known.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'Its language (BCP 47, `zh`).' })
  language!: string | null;
}
