import { Field, Float, Int, registerEnumType } from 'type-graphql';
import type { EntityType } from '../../model';
import { PageInfo } from './connection.type';
import { EntityTypeEnum } from './enums';
import { ObjectType } from './objectType';

export enum DuplicateReasonEnum {
  SAME_NAME = 'SAME_NAME',
  SHORT_FORM = 'SHORT_FORM',
  LEGAL_FORM = 'LEGAL_FORM',
  CITY_ZONE = 'CITY_ZONE',
  PINYIN_OR_LATIN = 'PINYIN_OR_LATIN',
  HOMOPHONE = 'HOMOPHONE',
  SHARED_EVENT = 'SHARED_EVENT',
  SHARED_POSITION = 'SHARED_POSITION',
}
registerEnumType(DuplicateReasonEnum, {
  name: 'DuplicateReason',
  description:
    'Why two entities may be one (the best name reason counts): the same name once folded, traditional characters as ' +
    'simplified (1.0); the same short form (经开区 = 经济开发区, 0.9); the same name without a legal-form suffix (有限公司, ' +
    '股份有限公司, 集团, 分公司: 0.85; 0.7 when what is left is under four characters, a bare trade name); a city\'s bare ' +
    '开发区 for its 经济开发区 or 高新区 (0.85); a Latin or pinyin name spelling the other (0.8; 0.7 under twelve letters, as ' +
    'personal names are); Han names read alike (0.5); an event both took part in, or the same title at the same ' +
    'organisation (+0.1 each).',
  valuesConfig: {
    SAME_NAME: { description: 'The same name once folded (traditional to simplified, case, spaces): 1.0.' },
    SHORT_FORM: { description: 'The same short form (经开区 = 经济开发区): 0.9.' },
    LEGAL_FORM: { description: 'The same name without a legal-form suffix (有限公司, 股份有限公司, 集团, 分公司): 0.85; 0.7 for a bare trade name under four characters.' },
    CITY_ZONE: { description: "A city's bare 开发区 for its 经济开发区 or 高新区: 0.85." },
    PINYIN_OR_LATIN: { description: 'A Latin or pinyin name spelling the other: 0.8; 0.7 under twelve letters.' },
    HOMOPHONE: { description: 'Han names read alike: 0.5.' },
    SHARED_EVENT: { description: 'Both took part in one event: +0.1.' },
    SHARED_POSITION: { description: 'The same title at the same organisation: +0.1.' },
  },
});

export enum DuplicateStatusEnum {
  OPEN = 'OPEN',
  MERGED = 'MERGED',
  DISTINCT = 'DISTINCT',
}

registerEnumType(DuplicateStatusEnum, {
  name: 'DuplicateStatus',
  description: 'Where a pair is in review.',
  valuesConfig: {
    OPEN: { description: 'A candidate no judgement has decided.' },
    MERGED: { description: 'Merged (a MERGE judgement in force): its score and reasons are those it had when merged.' },
    DISTINCT: { description: 'Marked distinct (a DISTINCT judgement in force): its score and reasons are those it had when marked.' },
  },
});

@ObjectType('DuplicateCandidate', { description: 'Two entities of one type that may be the same, with why, and where the pair is in review.' })
export class DuplicateCandidate {
  @Field(() => Float, { description: '0 to 1: the best name reason plus what they share.' })
  score!: number;

  @Field(() => [DuplicateReasonEnum], { description: 'Why, best reason first.' })
  reasons!: DuplicateReasonEnum[];

  @Field(() => DuplicateStatusEnum, { description: 'OPEN, or how an editor judged the pair.' })
  status!: DuplicateStatusEnum;

  aId!: string;
  bId!: string;
}

@ObjectType('DuplicateEdge', { description: 'A pair in a page of duplicate candidates, with its cursor.' })
export class DuplicateEdge {
  @Field(() => String, { description: 'Where this pair is in the list: give it as `after` to `duplicates` to continue after it.' })
  cursor!: string;

  @Field(() => DuplicateCandidate, { description: 'The pair.' })
  node!: DuplicateCandidate;
}

export enum BlockingKeyKindEnum {
  NAME = 'n',
  CORE_NAME = 'c',
  PINYIN = 'p',
  CITY_ZONE = 'z',
}
registerEnumType(BlockingKeyKindEnum, {
  name: 'BlockingKeyKind',
  description: 'What the entities of a block share (the blocking keys compared for duplicates).',
  valuesConfig: {
    NAME: { description: 'A name in its short form (经开区 for 经济开发区).' },
    CORE_NAME: { description: 'A name without its legal-form suffix (有限公司, 股份有限公司, 集团, 分公司).' },
    PINYIN: { description: 'The toneless pinyin of that name.' },
    CITY_ZONE: { description: 'A development zone with its city.' },
  },
});

@ObjectType('SkippedBlock', {
  description:
    'A blocking key shared by more entities than the cap (a common personal name): its entities are not compared with each ' +
    'other, so a pair that only this key would make a candidate is not listed.',
})
export class SkippedBlock {
  @Field(() => EntityTypeEnum, { description: 'The type of its entities.' })
  type!: EntityType;

  @Field(() => BlockingKeyKindEnum, { description: 'What they share.' })
  kind!: BlockingKeyKindEnum;

  @Field(() => String, { description: 'The shared value, folded (simplified, short form, lower case).' })
  value!: string;

  @Field(() => Int, { description: 'How many entities share it.' })
  entities!: number;
}

@ObjectType('DuplicateConnection', { description: 'A page of duplicate candidates, with the total and how to ask for the next page.' })
export class DuplicateConnection {
  @Field(() => [DuplicateEdge], { description: 'This page of pairs, best first.' })
  edges!: DuplicateEdge[];

  @Field(() => PageInfo, { description: 'Whether more follows, and the cursors to ask for it.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Pairs in all pages.' })
  totalCount!: number;

  /** the `type` asked for, for `skippedBlocks` */
  blockType!: EntityType | null;
}
