import { registerEnumType } from 'type-graphql';
import {
  ENTITY_KINDS,
  ENTITY_TYPE_NAMES,
  ENTITY_TYPES,
  EVENT_TYPES,
  FIGURE_QUALIFIER_NAMES,
  FIGURE_QUALIFIERS,
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

export const FigureQualifierEnum = enumOf(FIGURE_QUALIFIER_NAMES);
registerEnumType(FigureQualifierEnum, {
  name: 'FigureQualifier',
  description: 'How the article hedges a number; a figure without one is stated as exact.',
  valuesConfig: Object.fromEntries(FIGURE_QUALIFIER_NAMES.map((q) => [q, { description: FIGURE_QUALIFIERS[q].description }])),
});

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
  EVENTS_DESC = 'EVENTS_DESC',
  EVENTS_ASC = 'EVENTS_ASC',
  MENTIONS_DESC = 'MENTIONS_DESC',
  MENTIONS_ASC = 'MENTIONS_ASC',
}
registerEnumType(EntityOrder, {
  name: 'EntityOrder',
  description: 'Order of entities; ties are broken by name, then id.',
  valuesConfig: {
    NAME_ASC: { description: 'By name, A to Z (code-point order).' },
    NAME_DESC: { description: 'By name, Z to A.' },
    ID_ASC: { description: 'By id.' },
    EVENTS_DESC: { description: 'Most events first (the distinct events it took part in).' },
    EVENTS_ASC: { description: 'Fewest events first.' },
    MENTIONS_DESC: { description: 'Mentioned by the most articles first.' },
    MENTIONS_ASC: { description: 'Mentioned by the fewest articles first.' },
  },
});

export enum EventOrder {
  DATE_ASC = 'DATE_ASC',
  DATE_DESC = 'DATE_DESC',
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  PARTICIPANTS_DESC = 'PARTICIPANTS_DESC',
  PARTICIPANTS_ASC = 'PARTICIPANTS_ASC',
}
registerEnumType(EventOrder, {
  name: 'EventOrder',
  description: 'Order of events; undated events come last, ties are broken by id.',
  valuesConfig: {
    DATE_ASC: { description: 'Earliest first.' },
    DATE_DESC: { description: 'Latest first.' },
    NAME_ASC: { description: 'By name.' },
    NAME_DESC: { description: 'By name, reversed.' },
    PARTICIPANTS_DESC: { description: 'Most distinct participants first, then earliest.' },
    PARTICIPANTS_ASC: { description: 'Fewest distinct participants first, then earliest.' },
  },
});

export enum FigureOrder {
  SUBJECT = 'SUBJECT',
  VALUE_DESC = 'VALUE_DESC',
  VALUE_ASC = 'VALUE_ASC',
}
registerEnumType(FigureOrder, {
  name: 'FigureOrder',
  description: 'Order of figures.',
  valuesConfig: {
    SUBJECT: { description: 'By subject name, metric, period.' },
    VALUE_DESC: { description: 'Largest value first (values in different units are compared as numbers).' },
    VALUE_ASC: { description: 'Smallest value first.' },
  },
});

export enum EventGrouping {
  TYPE = 'TYPE',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
  LOCATION = 'LOCATION',
  PARTICIPANT = 'PARTICIPANT',
}
registerEnumType(EventGrouping, {
  name: 'EventGrouping',
  description: 'What events are counted by.',
  valuesConfig: {
    TYPE: { description: 'The event type (`Signing`, …).' },
    MONTH: { description: 'The month of its first day, `YYYY-MM`; undated events in one group with a null key.' },
    YEAR: { description: 'The year of its first day, `YYYY`; undated events in one group with a null key.' },
    LOCATION: { description: 'Where it took place (key: the entity id, label: its name); no location: a null key.' },
    PARTICIPANT: { description: 'Each entity that took part (key: its id, label: its name); an event counts once per participant.' },
  },
});

export enum EntityGrouping {
  TYPE = 'TYPE',
  KIND = 'KIND',
}
registerEnumType(EntityGrouping, {
  name: 'EntityGrouping',
  description: 'What entities are counted by.',
  valuesConfig: {
    TYPE: { description: 'The entity type.' },
    KIND: { description: 'Type and kind (key `Organization:University`, label the kind); no kind: key `<Type>:`, label null.' },
  },
});

export enum FigureGrouping {
  METRIC = 'METRIC',
  PERIOD = 'PERIOD',
  SUBJECT = 'SUBJECT',
}
registerEnumType(FigureGrouping, {
  name: 'FigureGrouping',
  description: 'What figures are counted by.',
  valuesConfig: {
    METRIC: { description: 'The metric.' },
    PERIOD: { description: 'The period as stated; none: a null key.' },
    SUBJECT: { description: 'What it is about (key: the entity id, label: its name).' },
  },
});

/** Values are the ingest pipeline's own statuses. */
export const IngestStatusEnum = { CREATED: 'created', UPDATED: 'updated', UNCHANGED: 'unchanged', REJECTED: 'rejected' } as const;
registerEnumType(IngestStatusEnum, { name: 'IngestStatus', description: 'What happened to an ingested document.' });
