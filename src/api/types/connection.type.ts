import { Field, Float, Int } from 'type-graphql';
import { ObjectType } from './objectType';
import type { ArticleRow, EntityRow, EventRow } from '../cypher/rows';
import { Article } from './article.type';
import type { SearchHitRow } from '../cypher/searchPage';
import { Entity } from './entity.type';
import { Event } from './event.type';
import { SearchMatch } from './searchMatch.type';
import { SearchResult } from './searchResult.type';

@ObjectType('PageInfo', { description: 'Where a page of a connection stands in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when a page follows this one: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Always false: pages go forward only (`first`/`after`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first edge of this page; null when it is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge of this page, for `after`; null when it is empty.' })
  endCursor!: string | null;
}

@ObjectType('EntityEdge', { description: 'An entity in a page of entities, with its cursor.' })
export class EntityEdge {
  @Field(() => String, { description: 'Where this edge is in its list: give it as `after` to the same field to continue after it.' })
  cursor!: string;

  @Field(() => Entity, { description: 'The entity.' })
  node!: EntityRow;
}

@ObjectType('EntityConnection', { description: 'A page of entities, with the total and how to ask for the next page.' })
export class EntityConnection {
  @Field(() => [EntityEdge], { description: 'This page, in the field\'s order.' })
  edges!: EntityEdge[];

  @Field(() => PageInfo, { description: 'Whether more follows, and the cursors to ask for it.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matches in all pages.' })
  totalCount!: number;
}

@ObjectType('EventEdge', { description: 'An event in a page of events, with its cursor.' })
export class EventEdge {
  @Field(() => String, { description: 'Where this edge is in its list: give it as `after` to the same field to continue after it.' })
  cursor!: string;

  @Field(() => Event, { description: 'The event.' })
  node!: EventRow;
}

@ObjectType('EventConnection', { description: 'A page of events, with the total and how to ask for the next page.' })
export class EventConnection {
  @Field(() => [EventEdge], { description: 'This page, in the field\'s order.' })
  edges!: EventEdge[];

  @Field(() => PageInfo, { description: 'Whether more follows, and the cursors to ask for it.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matches in all pages.' })
  totalCount!: number;
}

@ObjectType('ArticleEdge', { description: 'An article in a page of articles, with its cursor.' })
export class ArticleEdge {
  @Field(() => String, { description: 'Where this edge is in its list: give it as `after` to the same field to continue after it.' })
  cursor!: string;

  @Field(() => Article, { description: 'The article.' })
  node!: ArticleRow;
}

@ObjectType('ArticleConnection', { description: 'A page of articles, with the total and how to ask for the next page.' })
export class ArticleConnection {
  @Field(() => [ArticleEdge], { description: "This page, in the field's order." })
  edges!: ArticleEdge[];

  @Field(() => PageInfo, { description: 'Whether more follows, and the cursors to ask for it.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Articles in all pages.' })
  totalCount!: number;
}

@ObjectType('SearchHit', { description: 'One search result (an edge of SearchConnection).' })
export class SearchHit {
  @Field(() => String, { description: 'Where this hit is in the results: give it as `after` to the same search to continue after it.' })
  cursor!: string;

  @Field(() => Float, {
    description:
      'Relevance, higher is better: its whole part is the match kind (7 exact … 2 pinyin contained, 0 fuzzy), its ' +
      'fraction how connected the node is (fuzzy hits: the full-text score). Equal scores are ordered by id.',
  })
  score!: number;

  @Field(() => SearchResult, { description: 'The entity or event found.' })
  node!: SearchHitRow['node'];

  @Field(() => SearchMatch, { description: 'Which of its names matched, how, and what to highlight.' })
  match!: SearchHitRow['match'];
}

@ObjectType('SearchConnection', { description: 'A page of search hits, with the total and how to ask for the next page.' })
export class SearchConnection {
  @Field(() => [SearchHit], { description: 'This page of hits, best first.' })
  edges!: SearchHit[];

  @Field(() => PageInfo, { description: 'Whether more follows, and the cursors to ask for it.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Hits in all pages.' })
  totalCount!: number;
}
