import { Field, Int, registerEnumType } from 'type-graphql';
import { ObjectType } from './objectType';

export enum MatchKindEnum {
  EXACT = 'EXACT',
  PREFIX = 'PREFIX',
  CONTAINS = 'CONTAINS',
  PINYIN = 'PINYIN',
  INITIALS = 'INITIALS',
  FUZZY = 'FUZZY',
}
registerEnumType(MatchKindEnum, {
  name: 'MatchKind',
  description:
    'How a name matched, best first: equal to the query, starting with it, containing it (after folding: traditional ' +
    'to simplified, case, tones, spaces and punctuation); its pinyin or initials matching it; or sharing parts of it (fuzzy).',
});

export enum MatchFieldEnum {
  NAME = 'NAME',
  ALIAS = 'ALIAS',
}
registerEnumType(MatchFieldEnum, { name: 'MatchField', description: 'Whether the name that matched is the name or an alias.' });

@ObjectType('TextRange', { description: 'A part of a text: UTF-16 offsets, `end` exclusive (JavaScript string indices).' })
export class TextRange {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

@ObjectType('SearchMatch', { description: 'Which name or alias a search hit matched, how, and which parts of it to highlight.' })
export class SearchMatch {
  @Field(() => String, { description: 'The name or alias, as stored.' })
  text!: string;

  @Field(() => MatchFieldEnum)
  field!: MatchFieldEnum;

  @Field(() => MatchKindEnum)
  kind!: MatchKindEnum;

  @Field(() => [TextRange], { description: 'The parts of `text` that matched.' })
  ranges!: TextRange[];
}
