import { Field, Int } from 'type-graphql';
import { ObjectType } from './objectType';
import type { IngestStatus } from '../../ingest';
import { IngestStatusEnum } from './enums';

@ObjectType('Problem', { description: 'One thing wrong with a document, at a JSON path such as `entities[3].type`.' })
export class Problem {
  @Field(() => String, { description: 'Where in the document: a JSON path such as `entities[3].type` (empty for the document itself).' })
  path!: string;

  @Field(() => String, { description: 'What is wrong there.' })
  message!: string;
}

@ObjectType('IngestCounts', { description: 'What an ingested document wrote, as the CLI counts it.' })
export class IngestCounts {
  @Field(() => Int, { description: 'Entities it mentions.' })
  entities!: number;

  @Field(() => Int, { description: 'Of those, entities new to the graph.' })
  entitiesCreated!: number;

  @Field(() => Int, { description: 'Events it reports.' })
  events!: number;

  @Field(() => Int, { description: 'Participations of entities in its events.' })
  participations!: number;

  @Field(() => Int, { description: 'Relations it states.' })
  relations!: number;

  @Field(() => Int, { description: 'Figures it states.' })
  figures!: number;
}

@ObjectType('IngestReport', { description: 'The per-document report of an ingest, as the CLI prints it.' })
export class IngestReport {
  @Field(() => String, { description: 'Where the document came from: a file name or stream position for the CLI, `request` for ingestArticle.' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'Its `article.id`; null when the document did not give a readable one.' })
  articleId!: string | null;

  @Field(() => IngestStatusEnum, { description: 'What happened to it.' })
  status!: IngestStatus;

  @Field(() => [Problem], { description: 'Every problem found, by JSON path (REJECTED only; empty otherwise).' })
  problems!: Problem[];

  @Field(() => IngestCounts, { nullable: true, description: 'What was written; absent unless CREATED or UPDATED.' })
  counts!: IngestCounts | null;
}

@ObjectType('DeleteArticleReport', { description: 'What deleting an article removed.' })
export class DeleteArticleReport {
  @Field(() => String, { description: 'The article asked about.' })
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
