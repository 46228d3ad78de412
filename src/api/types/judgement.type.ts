import { Field, Float, ID, Int, registerEnumType } from 'type-graphql';
import { JUDGEMENT_KIND_NAMES, JUDGEMENT_KINDS, type JudgementKind } from '../../model';
import { PageInfo } from './connection.type';
import { DuplicateReasonEnum } from './duplicate.type';
import { ObjectType } from './objectType';

export const JudgementKindEnum = Object.fromEntries(JUDGEMENT_KIND_NAMES.map((k) => [k, k])) as { [K in JudgementKind]: K };
registerEnumType(JudgementKindEnum, {
  name: 'JudgementKind',
  description: "An editor's decision about two entities.",
  valuesConfig: Object.fromEntries(JUDGEMENT_KIND_NAMES.map((k) => [k, { description: JUDGEMENT_KINDS[k] }])),
});

@ObjectType('Judgement', {
  description:
    'An editor\'s decision about two entities: that they are one (MERGE), not (DISTINCT), or that one entity was two (SPLIT), who made it, when and why, and ' +
    'whether it was undone. Articles plus judgements rebuild the graph (`kg judgements export|import`).',
})
export class Judgement {
  @Field(() => ID, { description: 'Its id (for `undoJudgement`).' })
  id!: string;

  @Field(() => JudgementKindEnum, { description: 'What was judged.' })
  kind!: JudgementKind;

  @Field(() => ID, { description: 'MERGE: the kept entity; DISTINCT: the first entity; SPLIT: the entity split (its id when judged, followed through renames).' })
  a!: string;

  @Field(() => ID, { description: 'MERGE: the merged entity (its id resolves to `a` while the merge is in force); DISTINCT: the second; SPLIT: the entity split off.' })
  b!: string;

  @Field(() => [String], {
    nullable: true,
    description: "MERGE, DISTINCT: the names of `a` and `b` when judged (a merged entity's name is then only an alias of `a`), or null (judged before names were kept).",
  })
  names!: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'SPLIT: the articles whose mentions are entity `b`; null for the other kinds.' })
  articles!: string[] | null;

  @Field(() => Float, { nullable: true, description: 'MERGE, DISTINCT: the pair\'s duplicate score when judged (as `duplicates` gave it), or null.' })
  score!: number | null;

  @Field(() => [DuplicateReasonEnum], { nullable: true, description: 'MERGE, DISTINCT: the pair\'s duplicate reasons when judged, or null.' })
  reasons!: string[] | null;

  @Field(() => String, { nullable: true, description: 'The reason given.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Who judged: the role of the key that asked (`editor`), or `kg` (the command line).' })
  by!: string | null;

  @Field(() => String, { description: 'When (ISO date-time, UTC).' })
  at!: string;

  @Field(() => Boolean, { description: 'Not undone.' })
  inForce!: boolean;

  @Field(() => String, { nullable: true, description: 'When it was undone (ISO date-time), or null.' })
  undoneAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Who undid it, as `by`; null while in force.' })
  undoneBy!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given for undoing it.' })
  undoReason!: string | null;
}

@ObjectType('JudgementEdge', { description: 'A judgement in a page of judgements, with its cursor.' })
export class JudgementEdge {
  @Field(() => String, { description: 'Where this judgement is in the list: give it as `after` to `judgements` to continue after it.' })
  cursor!: string;

  @Field(() => Judgement, { description: 'The judgement.' })
  node!: Judgement;
}

@ObjectType('JudgementConnection', { description: 'A page of judgements, with the total and how to ask for the next page.' })
export class JudgementConnection {
  @Field(() => [JudgementEdge], { description: 'This page of judgements.' })
  edges!: JudgementEdge[];

  @Field(() => PageInfo, { description: 'Whether more follows, and the cursors to ask for it.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Judgements in all pages.' })
  totalCount!: number;
}
