import { Field, Float } from 'type-graphql';
import type { FigureQualifier } from '../../model';
import { FigureQualifierEnum } from './enums';
import { ObjectType } from './objectType';
import type { EntityRow } from '../cypher/rows';
import { Entity } from './entity.type';
import { Node } from './node.type';

@ObjectType('Figure', { implements: Node, description: 'A number an article states about an entity.' })
export class Figure extends Node {
  @Field(() => String, { description: 'What is measured, as the article names it (`规模以上工业产值`).' })
  metric!: string;

  @Field(() => Float, { description: 'The number, in `unit`.' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'Its unit as written (`亿元`, `%`, `家`); null: none given.' })
  unit!: string | null;

  @Field(() => String, { nullable: true, description: 'Free text such as `2023`, `2023-H1`.' })
  period!: string | null;

  @Field(() => Float, { nullable: true, description: 'Relative change, e.g. 0.132 for +13.2%.' })
  change!: number | null;

  @Field(() => FigureQualifierEnum, { nullable: true, description: 'How the article hedges the number (预计, 近, 以上…); null: stated as exact.' })
  qualifier!: FigureQualifier | null;

  @Field(() => String, {
    nullable: true,
    description: 'The number as the article writes it (`近2亿元`, `80%以上`); of several reporting articles, the first by id that gives it.',
  })
  stated!: string | null;

  @Field(() => Entity, { nullable: true, description: 'What the number is about.' })
  subject!: EntityRow | null;
}
