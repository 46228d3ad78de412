import { registerEnumType } from 'type-graphql';
import {
  ENTITY_KINDS,
  ENTITY_TYPE_NAMES,
  ENTITY_TYPES,
  EVENT_TYPES,
  PARTICIPANT_ROLES,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
} from '../../model';

type EnumOf<T extends string> = { [K in T]: K };

/** A GraphQL enum object whose names and values are the model's words, unchanged. */
function enumOf<T extends string>(values: readonly T[]): EnumOf<T> {
  return Object.fromEntries(values.map((v) => [v, v])) as EnumOf<T>;
}

/*
 * Domain vocabularies keep the spelling of kg-article/1 (`Person`, `DevelopmentZone`, `signatory`) rather
 * than GraphQL's SCREAMING_CASE, so a query, a document and the graph use the same words. Enums that belong
 * to the API itself (orders, statuses) use SCREAMING_CASE.
 */
export const EntityTypeEnum = enumOf(ENTITY_TYPE_NAMES);
registerEnumType(EntityTypeEnum, {
  name: 'EntityType',
  description: 'The kinds of named things the graph holds.',
  valuesConfig: Object.fromEntries(ENTITY_TYPE_NAMES.map((t) => [t, { description: ENTITY_TYPES[t].description }])),
});

export const EntityKindEnum = enumOf(ENTITY_KINDS);
registerEnumType(EntityKindEnum, {
  name: 'EntityKind',
  description: 'A finer classification within an entity type (the kinds of every type; `Other` is shared).',
});

export const OrganizationKindEnum = enumOf(ENTITY_TYPES.Organization.kinds);
registerEnumType(OrganizationKindEnum, { name: 'OrganizationKind', description: 'The kinds of organisation.' });

export const EventTypeEnum = enumOf(EVENT_TYPES);
registerEnumType(EventTypeEnum, { name: 'EventType', description: 'What kind of event it was.' });

export const ParticipantRoleEnum = enumOf(PARTICIPANT_ROLES);
registerEnumType(ParticipantRoleEnum, { name: 'ParticipantRole', description: 'What part an entity took in an event.' });

export const RelationTypeEnum = enumOf(RELATION_TYPE_NAMES);
registerEnumType(RelationTypeEnum, {
  name: 'RelationType',
  description: 'Stated relations between two entities.',
  valuesConfig: Object.fromEntries(RELATION_TYPE_NAMES.map((t) => [t, { description: RELATION_TYPES[t].description }])),
});

export enum Direction {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
}
registerEnumType(Direction, { name: 'Direction', description: 'Which way a relation points, seen from the entity asked about.' });

export enum DateMatch {
  OVERLAPS = 'OVERLAPS',
  WITHIN = 'WITHIN',
}
registerEnumType(DateMatch, {
  name: 'DateMatch',
  description: 'How an event\'s dates must meet a `from`/`to` window. Undated events match no window.',
  valuesConfig: {
    OVERLAPS: { description: 'Some day of the event lies in the window (an event dated "2023-06" overlaps 2023-06-21).' },
    WITHIN: { description: 'Every day of the event lies in the window.' },
  },
});

export enum EntityOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  ID_ASC = 'ID_ASC',
}
registerEnumType(EntityOrder, { name: 'EntityOrder', description: 'Order of entities; ties are broken by id.' });

export enum EventOrder {
  DATE_ASC = 'DATE_ASC',
  DATE_DESC = 'DATE_DESC',
  NAME_ASC = 'NAME_ASC',
}
registerEnumType(EventOrder, { name: 'EventOrder', description: 'Order of events; undated events come last, ties are broken by id.' });

/** Values are the ingest pipeline's own statuses. */
export const IngestStatusEnum = { CREATED: 'created', UPDATED: 'updated', UNCHANGED: 'unchanged', REJECTED: 'rejected' } as const;
registerEnumType(IngestStatusEnum, { name: 'IngestStatus', description: 'What happened to an ingested document.' });
