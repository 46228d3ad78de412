import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { ObjectType } from './objectType';
import { Problem } from './ingest.type';

@InputType('ExtractArticleInput', { description: "What the text itself may not say: the article's id, title, date and publisher." })
export class ExtractArticleInput {
  @Field(() => String, { nullable: true, description: 'The article id (1-200 of A-Z a-z 0-9 . _ : -); a hash of the text when absent.' })
  id?: string;

  @Field(() => String, { nullable: true, description: 'The article\'s title.' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD or YYYY-MM: the year that dates such as 6月21日 get.' })
  publishedOn?: string;

  @Field(() => String, { nullable: true, description: 'The publisher; a development zone here names the zone that 开发区 means.' })
  publisher?: string;

  @Field(() => String, { nullable: true, description: 'Where it was published.' })
  url?: string;
}

@ObjectType('ExtractNotice', { description: 'Something the extractor noticed, as a stable code with parameters (for a client to say in its language) and in English.' })
export class ExtractNotice {
  @Field(() => String, {
    description: 'Stable code: text.empty, text.noChinese, text.mostlyNotChinese, text.tooLong (length, max), date.noYear, draft.invalid (path, message).',
  })
  code!: string;

  @Field(() => String, { description: 'The notice in English, parameters filled in (the same as in `warnings`).' })
  message!: string;

  @Field(() => GraphQLJSONObject, { description: 'The values the code\'s sentence names (numbers, paths), by name.' })
  params!: Record<string, string | number>;
}

@ObjectType('ExtractReport', { description: 'A draft kg-article/1 document extracted from a text, for review; nothing is written.' })
export class ExtractReport {
  @Field(() => GraphQLJSONObject, { description: 'The draft, ready for `ingestArticle` once reviewed.' })
  document!: Record<string, unknown>;

  @Field(() => [Problem], { description: 'What the validator finds wrong with the draft as it stands (none for an untouched draft).' })
  problems!: Problem[];

  @Field(() => [String], { description: 'What the extractor noticed about the text (empty, not Chinese, no year for its dates …), in English.' })
  warnings!: string[];

  @Field(() => [ExtractNotice], { description: 'The same as `warnings`, each as a stable code with its parameters.' })
  notices!: ExtractNotice[];

  @Field(() => Int, { description: 'How many facts carry `attributes.confidence` below 0.8: the ones to check first.' })
  unsure!: number;
}
