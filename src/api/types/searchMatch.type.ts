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
  valuesConfig: {
    EXACT: { description: 'The name, folded, is the query.' },
    PREFIX: { description: 'The name starts with the query.' },
    CONTAINS: { description: 'The name (or its short form) contains the query.' },
    PINYIN: { description: 'Its pinyin is, starts with or contains the query.' },
    INITIALS: { description: 'Its pinyin initials are, start with or contain the query.' },
    FUZZY: { description: 'It shares parts (character pairs) with the query: the full-text index\'s match.' },
  },
});

export enum MatchFieldEnum {
  NAME = 'NAME',
  ALIAS = 'ALIAS',
}
registerEnumType(MatchFieldEnum, {
  name: 'MatchField',
  description: 'Whether the name that matched is the name or an alias.',
  valuesConfig: { NAME: { description: 'Its name.' }, ALIAS: { description: 'One of its aliases.' } },
});

@ObjectType('TextRange', { description: 'A part of a text: UTF-16 offsets, `end` exclusive (JavaScript string indices).' })
export class TextRange {
  @Field(() => Int, { description: 'The first UTF-16 index of the part.' })
  start!: number;

  @Field(() => Int, { description: 'The UTF-16 index after its last character.' })
  end!: number;
}

@ObjectType('SearchMatch', { description: 'Which name or alias a search hit matched, how, and which parts of it to highlight.' })
export class SearchMatch {
  @Field(() => String, { description: 'The name or alias, as stored.' })
  text!: string;

  @Field(() => MatchFieldEnum, { description: 'The name, or an alias.' })
  field!: MatchFieldEnum;

  @Field(() => MatchKindEnum, { description: 'How it matched.' })
  kind!: MatchKindEnum;

  @Field(() => [TextRange], { description: 'The parts of `text` that matched.' })
  ranges!: TextRange[];
}
