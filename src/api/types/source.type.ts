import { Field, Int } from 'type-graphql';
import type { ArticleRow } from '../cypher/rows';
import { PageInfo } from './connection.type';
import { ObjectType } from './objectType';

/**
 * Provenance, the same shape on every fact (an entity's mentions, an event's or figure's reports, the claims of a
 * relation, position or participation, a path's steps): a connection whose edges are the articles, with the words
 * each used on the edge. A much-repeated fact is stated by every article repeating it, so these lists grow without
 * bound and are paged. The edge's `node` is resolved by SourceEdgeResolver: claim rows carry only the article's id.
 */
@ObjectType('SourceEdge', { description: 'An article supporting a fact (the node), with the words it used.' })
export class SourceEdge {
  @Field(() => String, { description: 'Where this edge is in its list: give it as `after` to the same field to continue after it.' })
  cursor!: string;

  @Field(() => String, { nullable: true, description: 'The sentence(s) quoted from the article.' })
  evidence!: string | null;

  articleId!: string;
  /** when the row's statement read the article already (mentions, reports) */
  article!: ArticleRow | null;
}

@ObjectType('SourceConnection', { description: 'A page of the articles supporting a fact, with the total and how to ask for the next page.' })
export class SourceConnection {
  @Field(() => [SourceEdge], { description: 'This page, in the order the field says.' })
  edges!: SourceEdge[];

  @Field(() => PageInfo, { description: 'Whether more follows, and the cursors to ask for it.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Sources in all pages (an article quoted twice counts twice).' })
  totalCount!: number;
}
