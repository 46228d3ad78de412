import { Field, Float, Int } from 'type-graphql';
import { ObjectType } from './objectType';
import type { EntityRow, EventRow } from '../cypher/rows';
import type { SearchHitRow } from '../cypher/searchPage';
import { Entity } from './entity.type';
import { Event } from './event.type';
import { SearchMatch } from './searchMatch.type';
import { SearchResult } from './searchResult.type';

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('EntityEdge')
export class EntityEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Entity)
  node!: EntityRow;
}

@ObjectType('EntityConnection')
export class EntityConnection {
  @Field(() => [EntityEdge])
  edges!: EntityEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matches in all pages.' })
  totalCount!: number;
}

@ObjectType('EventEdge')
export class EventEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Event)
  node!: EventRow;
}

@ObjectType('EventConnection')
export class EventConnection {
  @Field(() => [EventEdge])
  edges!: EventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matches in all pages.' })
  totalCount!: number;
}

@ObjectType('SearchHit', { description: 'One search result (an edge of SearchConnection).' })
export class SearchHit {
  @Field(() => String)
  cursor!: string;

  @Field(() => Float, {
    description:
      'Relevance, higher is better: its whole part is the match kind (7 exact … 2 pinyin contained, 0 fuzzy), its ' +
      'fraction how connected the node is (fuzzy hits: the full-text score). Equal scores are ordered by id.',
  })
  score!: number;

  @Field(() => SearchResult)
  node!: SearchHitRow['node'];

  @Field(() => SearchMatch)
  match!: SearchHitRow['match'];
}

@ObjectType('SearchConnection')
export class SearchConnection {
  @Field(() => [SearchHit])
  edges!: SearchHit[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Hits in all pages.' })
  totalCount!: number;
}
