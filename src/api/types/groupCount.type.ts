import { Field, Int } from 'type-graphql';
import { ObjectType } from './objectType';

@ObjectType('GroupCount', { description: 'One group of a grouped count: what the group is, and how many are in it.' })
export class GroupCount {
  @Field(() => String, { nullable: true, description: 'What the group is: a type or kind as stored (`Signing`, `Organization:University`, not the enum names `SIGNING`, `UNIVERSITY`), a month `YYYY-MM`, a year, an entity id, a metric…; null for the group of those without one.' })
  key!: string | null;

  @Field(() => String, { nullable: true, description: 'A readable name for the key when it is an id (the entity\'s name), or the kind.' })
  label!: string | null;

  @Field(() => Int, { description: 'How many match the `where` in this group.' })
  count!: number;

  @Field(() => [GroupCount], {
    nullable: true,
    description: 'The group counted again by the `then` grouping (each subgroup in the order of its grouping), when one was given.',
  })
  subgroups!: GroupCount[] | null;
}
