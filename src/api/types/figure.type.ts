import { Field, Float } from 'type-graphql';
import { ObjectType } from './objectType';
import type { EntityRow } from '../cypher/rows';
import { Entity } from './entity.type';
import { Node } from './node.type';

@ObjectType('Figure', { implements: Node, description: 'A number an article states about an entity.' })
export class Figure extends Node {
  @Field(() => String)
  metric!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, { nullable: true, description: 'Free text such as `2023`, `2023-H1`.' })
  period!: string | null;

  @Field(() => Float, { nullable: true, description: 'Relative change, e.g. 0.132 for +13.2%.' })
  change!: number | null;

  @Field(() => Entity, { nullable: true, description: 'What the number is about.' })
  subject!: EntityRow | null;
}
