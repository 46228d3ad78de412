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
  ENTITY_KIND_DESCRIPTIONS,
  EVENT_TYPE_DESCRIPTIONS,
  PARTICIPANT_ROLE_DESCRIPTIONS,
  enumName,
  enumValues,
} from '../../model';

/** A description for each GraphQL name of a model vocabulary, ending with the word documents and the graph use. */
function describedBy<T extends string>(values: readonly T[], describe: (v: T) => string): Record<string, { description: string }> {
  return Object.fromEntries(values.map((v) => [enumName(v), { description: `${describe(v)} Stored as \`${v}\`.` }]));
}

/*
 * Domain vocabularies are named in GraphQL's SCREAMING_SNAKE_CASE (`PERSON`, `GOVERNMENT_AGENCY`, `AT_LEAST`)
 * while their values inside the server stay the model's words (`Person`, `GovernmentAgency`, `atLeast`), the
 * words of kg-article/1 and of the graph: `enumValues` derives both from src/model. Fields typed `String` that
 * carry such words (GraphNode.type, GroupCount.key) give the stored word, and say so.
 */
export const EntityTypeEnum = enumValues(ENTITY_TYPE_NAMES);
registerEnumType(EntityTypeEnum, {
  name: 'EntityType',
  description: 'The kinds of named things the graph holds (in documents and GraphNode.type: `Person`, `Organization`, …).',
  valuesConfig: describedBy(ENTITY_TYPE_NAMES, (t) => ENTITY_TYPES[t].description),
});

export const EntityKindEnum = enumValues(ENTITY_KINDS);
registerEnumType(EntityKindEnum, {
  name: 'EntityKind',
  description: 'A finer classification within an entity type (the kinds of every type; `OTHER` is shared).',
  valuesConfig: describedBy(ENTITY_KINDS, (k) => ENTITY_KIND_DESCRIPTIONS[k]),
});

export const OrganizationKindEnum = enumValues(ENTITY_TYPES.Organization.kinds);
registerEnumType(OrganizationKindEnum, {
  name: 'OrganizationKind',
  description: 'The kinds of organisation.',
  valuesConfig: describedBy(ENTITY_TYPES.Organization.kinds, (k) => ENTITY_KIND_DESCRIPTIONS[k]),
});

export const EventTypeEnum = enumValues(EVENT_TYPES);
registerEnumType(EventTypeEnum, {
  name: 'EventType',
  description: 'What kind of event it was.',
  valuesConfig: describedBy(EVENT_TYPES, (t) => EVENT_TYPE_DESCRIPTIONS[t]),
});

export const FigureQualifierEnum = enumValues(FIGURE_QUALIFIER_NAMES);
registerEnumType(FigureQualifierEnum, {
  name: 'FigureQualifier',
  description: 'How the article hedges a number; a figure without one is stated as exact.',
  valuesConfig: describedBy(FIGURE_QUALIFIER_NAMES, (q) => FIGURE_QUALIFIERS[q].description),
});

export const ParticipantRoleEnum = enumValues(PARTICIPANT_ROLES);
registerEnumType(ParticipantRoleEnum, {
  name: 'ParticipantRole',
  description: 'What part an entity took in an event.',
  valuesConfig: describedBy(PARTICIPANT_ROLES, (r) => PARTICIPANT_ROLE_DESCRIPTIONS[r]),
});

export const RelationTypeEnum = enumValues(RELATION_TYPE_NAMES);
registerEnumType(RelationTypeEnum, {
  name: 'RelationType',
  description: 'Stated relations between two entities.',
  valuesConfig: describedBy(RELATION_TYPE_NAMES, (t) => RELATION_TYPES[t].description),
});

export enum Direction {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
}
registerEnumType(Direction, {
  name: 'Direction',
  description: 'Which way a relation points, seen from the entity asked about.',
  valuesConfig: {
    OUTGOING: { description: 'From it to the other entity (it is the subject: it holds, invests in, is located in…).' },
    INCOMING: { description: 'From the other entity to it.' },
  },
});

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
registerEnumType(IngestStatusEnum, {
  name: 'IngestStatus',
  description: 'What happened to an ingested document.',
  valuesConfig: {
    CREATED: { description: 'A new article: written.' },
    UPDATED: { description: 'An article already loaded, with different content: what it said was replaced.' },
    UNCHANGED: { description: 'The same document as the one already loaded: nothing written.' },
    REJECTED: { description: 'It broke the format or a rule (see `problems`): nothing written.' },
  },
});
