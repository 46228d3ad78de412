import { Field, Float, Int, registerEnumType } from 'type-graphql';
import { PageInfo } from './connection.type';
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
});

@ObjectType('DuplicateCandidate', { description: 'Two entities of one type that may be the same, with why.' })
export class DuplicateCandidate {
  @Field(() => Float, { description: '0 to 1: the best name reason plus what they share.' })
  score!: number;

  @Field(() => [DuplicateReasonEnum])
  reasons!: DuplicateReasonEnum[];

  aId!: string;
  bId!: string;
}

@ObjectType('DuplicateEdge')
export class DuplicateEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => DuplicateCandidate)
  node!: DuplicateCandidate;
}

@ObjectType('DuplicateConnection')
export class DuplicateConnection {
  @Field(() => [DuplicateEdge])
  edges!: DuplicateEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
