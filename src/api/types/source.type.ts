import { Field } from 'type-graphql';
import { ObjectType } from './objectType';

/** Provenance: one article that supports a fact, and what it said. `article` is resolved by SourceResolver. */
@ObjectType('Source', { description: 'An article supporting a fact, with the words it used.' })
export class Source {
  @Field(() => String, { nullable: true, description: 'The sentence(s) quoted from the article.' })
  evidence!: string | null;
}
