import { Field } from 'type-graphql';
import { ObjectType } from './objectType';
import { Node } from './node.type';

@ObjectType('Article', { implements: Node, description: 'A news article the graph was extracted from.' })
export class Article extends Node {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: '`YYYY-MM-DD` or `YYYY-MM`.' })
  publishedOn!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  language!: string | null;
}
