/**
 * The domain model, declared once. Everything that names an entity type, a kind, an event type,
 * a participant role or a relation type (ingest validation, the JSON Schema, the Cypher schema,
 * GraphQL enums, Cypher label allow-lists) derives from these declarations.
 *
 * The vocabulary is the one of `kg-article/1` (shared/spec/article-format.md).
 */

export const ENTITY_TYPES = {
  Person: { kinds: [] as const, description: 'A named individual: an official, a manager, a scholar.' },
  Organization: {
    kinds: [
      'Company',
      'University',
      'School',
      'GovernmentAgency',
      'PartyCommittee',
      'Association',
      'DevelopmentZone',
      'Institute',
      'Other',
    ] as const,
    description: 'A company, school, university, government body, party committee, association or zone.',
  },
  Village: { kinds: ['Village', 'Community'] as const, description: 'A village or an urban community.' },
  Place: {
    kinds: ['Country', 'Province', 'City', 'County', 'District', 'Other'] as const,
    description: 'A geographic place.',
  },
  Project: {
    kinds: ['Manufacturing', 'Services', 'Infrastructure', 'Other'] as const,
    description: 'An investment or construction project.',
  },
} as const;

export type EntityType = keyof typeof ENTITY_TYPES;
export const ENTITY_TYPE_NAMES = Object.keys(ENTITY_TYPES) as EntityType[];

/** Every kind of every type, in declaration order, without repeats (`Other` is shared). */
export const ENTITY_KINDS: string[] = [...new Set(ENTITY_TYPE_NAMES.flatMap((t) => [...ENTITY_TYPES[t].kinds]))];

export const EVENT_TYPES = [
  'Signing',
  'Inspection',
  'Fair',
  'Meeting',
  'Visit',
  'Ceremony',
  'Training',
  'Campaign',
  'Other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const PARTICIPANT_ROLES = [
  'host',
  'organizer',
  'signatory',
  'attendee',
  'speaker',
  'inspector',
  'inspected',
  'visitor',
  'visited',
  'subject',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

const ANY: readonly EntityType[] = ENTITY_TYPE_NAMES;

interface RelationTypeDecl {
  from: readonly EntityType[];
  to: readonly EntityType[];
  /** attributes that must be present (non-empty strings) */
  requiredAttributes: readonly string[];
  /** the attribute that, with the endpoints, tells two relations of this type apart */
  distinguishedBy?: string;
  description: string;
}

/**
 * Relation types with their allowed endpoints. The spec fixes HOLDS_POSITION (Person→Organization,
 * with a title); the other endpoint sets are this project's reading of the spec's intent, chosen so that
 * a mistyped relation (a person PART_OF a village) is caught at ingest.
 */
export const RELATION_TYPES = {
  HOLDS_POSITION: {
    from: ['Person'],
    to: ['Organization'],
    requiredAttributes: ['title'],
    distinguishedBy: 'title',
    description: 'A person holds a position (attribute `title`) in an organisation.',
  },
  PART_OF: {
    from: ['Organization', 'Village', 'Place'],
    to: ['Organization', 'Place'],
    requiredAttributes: [],
    description: 'A unit of a larger body (a college of a university), or a place within a larger one.',
  },
  LOCATED_IN: {
    from: ['Organization', 'Village', 'Place', 'Project'],
    to: ['Place', 'Village', 'Organization'],
    requiredAttributes: [],
    description: 'Where something is: a company in a zone, a project in a village, a city in a province.',
  },
  PARTNER_OF: {
    from: ['Organization'],
    to: ['Organization'],
    requiredAttributes: [],
    description: 'Two organisations in a partnership or cooperation agreement.',
  },
  INVESTS_IN: {
    from: ['Organization', 'Person'],
    to: ['Project', 'Organization'],
    requiredAttributes: [],
    description: 'An investor and what it invests in.',
  },
  OWNS: {
    from: ['Organization', 'Person'],
    to: ['Organization', 'Project'],
    requiredAttributes: [],
    description: 'Ownership.',
  },
  OPERATES: {
    from: ['Organization'],
    to: ['Project', 'Organization'],
    requiredAttributes: [],
    description: 'An organisation runs a project or a facility.',
  },
  SUPERVISES: {
    from: ['Organization', 'Person'],
    to: ['Organization', 'Village', 'Project'],
    requiredAttributes: [],
    description: 'Oversight: a body or an official responsible for another body, a village or a project.',
  },
  RELATED_TO: {
    from: ANY,
    to: ANY,
    requiredAttributes: [],
    description: 'Any other stated connection between two entities.',
  },
} as const satisfies Record<string, RelationTypeDecl>;

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

export function relationDecl(type: RelationType): RelationTypeDecl {
  return RELATION_TYPES[type];
}

/**
 * How an article hedges a number (a figure's `qualifier`); absent means stated as exact. The markers are the
 * words that signal each, for extractors and readers; the ingester does not parse text.
 */
export const FIGURE_QUALIFIERS = {
  estimate: { markers: ['预计', '预期'], description: 'An estimate or forecast (预计, 预期).' },
  approx: { markers: ['近', '约', '左右'], description: 'Approximately (近, 约, 左右).' },
  atLeast: { markers: ['以上', '超过', '逾'], description: 'At least, or more than (以上, 超过, 逾).' },
  atMost: { markers: ['以内', '不到', '不超过'], description: 'At most, or less than (以内, 不到, 不超过).' },
} as const;
export type FigureQualifier = keyof typeof FIGURE_QUALIFIERS;
export const FIGURE_QUALIFIER_NAMES = Object.keys(FIGURE_QUALIFIERS) as FigureQualifier[];

/** What an event may name as its `location`. */
export const EVENT_LOCATION_TYPES: readonly EntityType[] = ['Place', 'Village', 'Organization', 'Project'];

/**
 * The graph's own labels and relationship types besides the domain ones above: these and the domain
 * names are the only labels and types ever placed in Cypher text (everything else is a parameter).
 */
export const GRAPH_LABELS = {
  Entity: 'Entity',
  Event: 'Event',
  Article: 'Article',
  Figure: 'Figure',
  NameKey: 'NameKey',
  MergedId: 'MergedId',
  /** A blocking key for duplicate candidates (`src/search/blockingKeys.ts`): entities sharing one are compared. */
  BlockingKey: 'BlockingKey',
  /** A BlockingKey that blocks two entities or more (kept with each derivation): what `duplicates` reads. */
  SharedBlock: 'SharedBlock',
  /**
   * A BlockingKey that blocks more entities than `BLOCK_CAP` (a common personal name): its entities are not compared
   * pairwise (`src/search/candidates.ts`), and `duplicates` lists it as skipped.
   */
  OversizedBlock: 'OversizedBlock',
  /**
   * A BlockingKey that went over `BLOCK_CAP` or back under it in the transaction that carries it: its entities' candidates
   * are recomputed before that transaction commits (`refreshCandidates`), which removes the label.
   */
  CapCrossed: 'CapCrossed',
  /** One node, `{id: 'graph'}`: facts about the stored graph itself (`nameKeyVersion`, `candidateVersion`). */
  GraphMeta: 'GraphMeta',
  /**
   * An editor's decision about two entities (`JUDGEMENT_KINDS`): who, when, why, and whether it was undone. Its
   * entities are properties (`a`, `b`: ids), not relationships, so that it outlives the entities' nodes (a re-load
   * or an undo deletes and re-creates them); `src/ingest/judgements.ts`.
   */
  Judgement: 'Judgement',
} as const;

export const GRAPH_RELATIONSHIPS = {
  /** Article → Entity: the article names the entity (per-article name, aliases, kind, attributes, evidence). */
  MENTIONS: 'MENTIONS',
  /** Article → Event | Figure: the article reports it (with evidence). */
  REPORTS: 'REPORTS',
  /** Entity → Event, with `role`. */
  PARTICIPATED_IN: 'PARTICIPATED_IN',
  /** Event → Entity: where it happened. */
  OCCURRED_AT: 'OCCURRED_AT',
  /** Event → Event: the occasion during which it took place (a signing at a meeting); the event's `partOf`. */
  PART_OF_EVENT: 'PART_OF_EVENT',
  /** Figure → Entity: what the number is about. */
  ABOUT: 'ABOUT',
  /** NameKey → Entity: the normalised name or alias that identifies it. */
  IDENTIFIES: 'IDENTIFIES',
  /** MergedId → Entity: an id that was merged into this entity. */
  MERGED_INTO: 'MERGED_INTO',
  /** BlockingKey → Entity: the entity has this blocking key. */
  BLOCKS: 'BLOCKS',
  /**
   * Entity → Entity (of one type, from the smaller id): an open duplicate candidate, with `type`, `score` and
   * `reasons`; kept with every write that changes either entity (`src/search/candidates.ts`), so the review queue
   * is an index read.
   */
  DUPLICATE_CANDIDATE: 'DUPLICATE_CANDIDATE',
} as const;

/**
 * What an editor can decide about two entities: `MERGE` (the same: `a` is kept, `b` merged into it), `DISTINCT`
 * (not the same: never merged, and a name matching both is ambiguous at load) and `SPLIT` (entity `a`, which a load
 * joined by name, was two: the mentions listed are entity `b`; then as DISTINCT). Every judgement can be undone.
 */
export const JUDGEMENT_KINDS = {
  MERGE: 'the two are one entity: the second was merged into the first',
  DISTINCT: 'the two are different entities: they are never merged, and a name matching both is ambiguous',
  SPLIT: 'one entity was two: the mentions of some of its articles are the second entity, `b`; the two are then kept apart as DISTINCT ones are',
} as const;
export type JudgementKind = keyof typeof JUDGEMENT_KINDS;
export const JUDGEMENT_KIND_NAMES = Object.keys(JUDGEMENT_KINDS) as JudgementKind[];
/** The kinds of judgement that keep two entities apart (at load, against merges, in the duplicate candidates). */
export const APART_JUDGEMENT_KINDS: readonly JudgementKind[] = ['DISTINCT', 'SPLIT'];

export const FORMAT_TAG = 'kg-article/1';

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ENTITY_TYPES, value);
}

export function isRelationType(value: unknown): value is RelationType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RELATION_TYPES, value);
}

export function kindsOf(type: EntityType): readonly string[] {
  return ENTITY_TYPES[type].kinds;
}
