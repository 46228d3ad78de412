import { Field } from 'type-graphql';
import { ObjectType } from './objectType';
import type { EntityRow, EventRow, RelationRow } from '../cypher/rows';
import { Event } from './event.type';
import { Organization } from './organization.type';
import { Relation } from './relation.type';

@ObjectType('Partner', { description: 'An organisation in partnership with the one asked about, and why.' })
export class Partner {
  @Field(() => Organization, { description: 'The partner organisation.' })
  organization!: EntityRow;

  @Field(() => [Event], { description: 'Signing events where both were signatories.' })
  events!: EventRow[];

  @Field(() => [Relation], {
    description: 'PARTNER_OF relations between the two, seen from the organisation asked about (or its unit that holds them).',
  })
  relations!: RelationRow[];

  @Field(() => [Organization], {
    description: 'Through which it is a partner: the organisation asked about, or (with `includeUnits`) those of its units that signed or hold the relation.',
  })
  via!: EntityRow[];
}
