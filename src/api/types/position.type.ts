import { Field } from 'type-graphql';
import { ObjectType } from './objectType';
import type { EntityRow } from '../cypher/rows';
import { Organization } from './organization.type';
import { Person } from './person.type';
import { PartialDate } from './partialDate.scalar';

@ObjectType('Position', { description: 'A position a person holds in an organisation (a HOLDS_POSITION relation).' })
export class Position {
  @Field(() => String, { description: 'The title, as the article writes it (`管委会主任`).' })
  title!: string;

  @Field(() => Person, { description: 'Who holds it.' })
  person!: EntityRow;

  @Field(() => Organization, { description: 'Where it is held.' })
  organization!: EntityRow;

  @Field(() => PartialDate, { nullable: true, description: 'Earliest date any article gives.' })
  since!: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'Latest date any article gives.' })
  until!: string | null;

}
