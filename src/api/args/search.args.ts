import { ArgsType, Field, Int } from 'type-graphql';
import type { EntityType, EventType } from '../../model';
import { searchFold, shortForm, simplified } from '../../search';
import { luceneLiteral, type SearchQuery } from '../cypher/searchPage';
import { badInput } from '../errors';
import { EntityTypeEnum, EventTypeEnum } from '../types/enums';
import { skipAfter } from './cursor';
import { checkFirst, checkText, checkWindow } from './limits';
import { PartialDate } from '../types/partialDate.scalar';
import { AFTER_DESCRIPTION, firstDescription, PAGE_SIZE } from './page';

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description:
      'A name or any contiguous part of one, in simplified or traditional characters, full pinyin (with or without ' +
      'spaces and tones: jinfeng, jin feng, Jīn Fēng) or pinyin initials (gyjjkfq); matched literally, never as Lucene syntax.',
  })
  query!: string;

  @Field(() => [EntityTypeEnum], {
    nullable: true,
    description: 'Only entities of these types (and no events unless eventTypes is given too).',
  })
  types?: EntityType[] | null;

  @Field(() => [EventTypeEnum], {
    nullable: true,
    description: 'Only events of these types (and no entities unless types is given too).',
  })
  eventTypes?: EventType[] | null;

  @Field(() => PartialDate, {
    nullable: true,
    description: 'Events overlapping the days from here, entities named by an article published from here.',
  })
  from?: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'The end of the window, as `from`.' })
  to?: string | null;

  @Field(() => Int, { defaultValue: PAGE_SIZE, description: firstDescription(PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A free-text search argument: not too long, well-formed UTF-16, something left to search for once folded. */
export function checkSearchText(value: string, name: string): SearchQuery {
  const text = checkText(value, name, { nonEmpty: true }).trim();
  const lone = LONE_SURROGATE.exec(text);
  if (lone) throw badInput(`${name} holds a lone surrogate (not a character) at UTF-16 position ${lone.index}`, name);
  const folded = searchFold(text);
  if (folded === '') throw badInput(`${name} has no letter or digit to search for`, name);
  const plain = simplified(text);
  return { folded, short: shortForm(folded), simplified: plain, lucene: LETTER_OR_DIGIT.test(plain) ? luceneLiteral(plain) : null };
}

export function checkSearchArgs(args: SearchArgs): { skip: number; first: number; query: SearchQuery; from: string | null; to: string | null } {
  return {
    query: checkSearchText(args.query, 'query'),
    ...checkWindow(args, { from: 'from', to: 'to' }),
    first: checkFirst(args.first),
    skip: skipAfter(args.after, 'after', 'search'),
  };
}
