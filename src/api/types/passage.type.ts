import { Field, Int } from 'type-graphql';
import type { ArticleRow } from '../cypher/rows';
import { Article } from './article.type';
import { PageInfo } from './connection.type';
import { ObjectType } from './objectType';
import { TextRange } from './searchMatch.type';

@ObjectType('Passage', {
  description: 'A sentence of an article (or an event\'s evidence, for an article stored without its text) that holds the query.',
})
export class Passage {
  @Field(() => String)
  text!: string;

  @Field(() => [TextRange], { description: 'The parts of `text` that match the query.' })
  ranges!: TextRange[];

  @Field(() => Int, { nullable: true, description: 'Where `text` starts in the article\'s text (UTF-16); null for an event\'s evidence.' })
  start!: number | null;

  @Field(() => Article)
  article!: ArticleRow;

  @Field(() => String, { nullable: true, description: 'The article\'s publication date.' })
  date!: string | null;
}

@ObjectType('PassageEdge')
export class PassageEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Passage)
  node!: Passage;
}

@ObjectType('PassageConnection')
export class PassageConnection {
  @Field(() => [PassageEdge])
  edges!: PassageEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Passages in all pages.' })
  totalCount!: number;
}
