import { Field, Int } from 'type-graphql';
import type { ArticleRow } from '../cypher/rows';
import { Article } from './article.type';
import { PageInfo } from './connection.type';
import { ObjectType } from './objectType';
import { TextRange } from './searchMatch.type';
import { PartialDate } from './partialDate.scalar';

@ObjectType('Passage', {
  description: 'A sentence of an article (or an event\'s evidence, for an article stored without its text) that holds the query.',
})
export class Passage {
  @Field(() => String, { description: 'The sentence.' })
  text!: string;

  @Field(() => [TextRange], { description: 'The parts of `text` that match the query.' })
  ranges!: TextRange[];

  @Field(() => Int, { nullable: true, description: 'Where `text` starts in the article\'s text (UTF-16); null for an event\'s evidence.' })
  start!: number | null;

  @Field(() => Article, { description: 'The article it is from.' })
  article!: ArticleRow;

  @Field(() => PartialDate, { nullable: true, description: 'The article\'s publication date.' })
  date!: string | null;
}

@ObjectType('PassageEdge', { description: 'A passage in a page of passages, with its cursor.' })
export class PassageEdge {
  @Field(() => String, { description: 'Where this passage is in the results: give it as `after` to the same `passages` to continue after it.' })
  cursor!: string;

  @Field(() => Passage, { description: 'The passage.' })
  node!: Passage;
}

@ObjectType('PassageConnection', { description: 'A page of passages, with the total and how to ask for the next page.' })
export class PassageConnection {
  @Field(() => [PassageEdge], { description: 'This page of passages.' })
  edges!: PassageEdge[];

  @Field(() => PageInfo, { description: 'Whether more follows, and the cursors to ask for it.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Passages in all pages.' })
  totalCount!: number;
}
