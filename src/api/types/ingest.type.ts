import { Field, Int } from 'type-graphql';
import { ObjectType } from './objectType';
import type { IngestStatus } from '../../ingest';
import { IngestStatusEnum } from './enums';

@ObjectType('Problem', { description: 'One thing wrong with a document, at a JSON path such as `entities[3].type`.' })
export class Problem {
  @Field(() => String)
  path!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('IngestCounts')
export class IngestCounts {
  @Field(() => Int)
  entities!: number;

  @Field(() => Int)
  entitiesCreated!: number;

  @Field(() => Int)
  events!: number;

  @Field(() => Int)
  participations!: number;

  @Field(() => Int)
  relations!: number;

  @Field(() => Int)
  figures!: number;
}

@ObjectType('IngestReport', { description: 'The per-document report of an ingest, as the CLI prints it.' })
export class IngestReport {
  @Field(() => String)
  source!: string;

  @Field(() => String, { nullable: true })
  articleId!: string | null;

  @Field(() => IngestStatusEnum)
  status!: IngestStatus;

  @Field(() => [Problem])
  problems!: Problem[];

  @Field(() => IngestCounts, { nullable: true, description: 'What was written; absent unless CREATED or UPDATED.' })
  counts!: IngestCounts | null;
}

@ObjectType('DeleteArticleReport')
export class DeleteArticleReport {
  @Field(() => String)
  articleId!: string;

  @Field(() => Boolean, { description: 'False when there was no such article.' })
  deleted!: boolean;

  @Field(() => Int, { description: 'Events it reported (events belong to one article).' })
  events!: number;

  @Field(() => Int, { description: 'Figures no other article reports.' })
  figures!: number;

  @Field(() => Int, { description: 'Entities no other article mentions.' })
  entities!: number;

  @Field(() => Int, { description: 'Relations no other article states.' })
  relations!: number;
}
