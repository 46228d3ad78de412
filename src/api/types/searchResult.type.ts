import { createUnionType } from 'type-graphql';
import type { EntityRow, EventRow } from '../cypher/rows';
import { Event } from './event.type';
import { typeNameOf } from './node.type';
import { Organization } from './organization.type';
import { Person } from './person.type';
import { Place } from './place.type';
import { Project } from './project.type';
import { Village } from './village.type';

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'What search finds: an entity or an event.',
  types: () => [Person, Organization, Village, Place, Project, Event] as const,
  // the rows are plain objects, not instances of these classes
  resolveType: (row) => typeNameOf(row as unknown as EntityRow | EventRow),
});
