import {
  DATE_PATTERN,
  ENTITY_TYPE_NAMES,
  ENTITY_TYPES,
  EVENT_TYPES,
  FIGURE_QUALIFIER_NAMES,
  FORMAT_TAG,
  PARTICIPANT_ROLES,
  RELATION_TYPE_NAMES,
} from '../model';
import { LIMITS } from './limits';

/** The subset of JSON Schema (2020-12) this project uses; `checkSchema` interprets exactly this subset. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'boolean' | Array<'string' | 'number' | 'boolean'>;
  const?: string;
  enum?: readonly string[];
  required?: readonly string[];
  /** `false` forbids the property (JSON Schema's boolean schema) */
  properties?: Record<string, JsonSchema | false>;
  additionalProperties?: boolean | JsonSchema;
  maxProperties?: number;
  items?: JsonSchema;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
}

const text = (maxLength: number, description?: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength,
  ...(description ? { description } : {}),
});
const date = (description: string): JsonSchema => ({ type: 'string', pattern: DATE_PATTERN, description });
const key: JsonSchema = text(LIMITS.key, 'a key defined in this document');
const evidence: JsonSchema = text(LIMITS.evidence, 'the sentence(s) of the article that support this');
const attributes: JsonSchema = {
  type: 'object',
  description: 'string, number or boolean values',
  maxProperties: LIMITS.attributes,
  additionalProperties: { type: ['string', 'number', 'boolean'], maxLength: LIMITS.attributeString },
};

function list(items: JsonSchema, maxItems: number): JsonSchema {
  return { type: 'array', items, maxItems };
}

function object(properties: Record<string, JsonSchema>, required: string[], extra: Partial<JsonSchema> = {}): JsonSchema {
  return { type: 'object', required, properties, additionalProperties: false, ...extra };
}

/** Kind lists differ per entity type: one if/then per type. */
const kindByType: JsonSchema[] = ENTITY_TYPE_NAMES.map((type) => {
  const kinds = ENTITY_TYPES[type].kinds;
  return {
    if: { properties: { type: { const: type } } },
    then:
      kinds.length > 0
        ? { properties: { kind: { enum: kinds, description: `kinds of ${type}` } } }
        : { properties: { kind: false }, description: `${type} has no kinds` },
  };
});

const entity = object(
  {
    key,
    type: { enum: ENTITY_TYPE_NAMES },
    name: text(LIMITS.name),
    kind: { type: 'string', description: 'subtype; allowed values depend on `type`' },
    id: text(LIMITS.key, 'a global identifier; when present it decides identity across articles'),
    aliases: list(text(LIMITS.name), LIMITS.aliases),
    attributes,
    evidence,
  },
  ['key', 'type', 'name'],
  { allOf: kindByType },
);

const event = object(
  {
    key,
    type: { enum: EVENT_TYPES },
    name: text(LIMITS.title),
    date: date('YYYY-MM-DD or YYYY-MM'),
    endDate: date('YYYY-MM-DD or YYYY-MM; not before `date`'),
    location: { ...key, description: 'key of the entity where it happened' },
    partOf: { ...key, description: 'key of another event of this document during which this one took place; no cycles' },
    participants: list(
      object({ entity: { ...key, description: 'key of an entity' }, role: { enum: PARTICIPANT_ROLES } }, [
        'entity',
        'role',
      ]),
      LIMITS.participants,
    ),
    attributes,
    evidence,
  },
  ['key', 'type', 'name'],
);

const relation = object(
  {
    type: { enum: RELATION_TYPE_NAMES },
    from: key,
    to: key,
    since: date('YYYY-MM-DD or YYYY-MM'),
    until: date('YYYY-MM-DD or YYYY-MM'),
    attributes,
    evidence,
  },
  ['type', 'from', 'to'],
);

const figure = object(
  {
    subject: { ...key, description: 'key of the entity the number is about' },
    metric: text(LIMITS.shortText),
    value: { type: 'number' },
    unit: text(LIMITS.shortText),
    period: text(LIMITS.shortText),
    change: { type: 'number', description: 'relative change year on year, as a fraction (0.132 is +13.2%)' },
    qualifier: { enum: FIGURE_QUALIFIER_NAMES },
    stated: text(LIMITS.shortText, 'the number as the article writes it (`近2亿元`), verbatim'),
    evidence,
  },
  ['subject', 'metric', 'value'],
);

const article = object(
  {
    id: {
      type: 'string',
      minLength: 1,
      maxLength: LIMITS.articleId,
      pattern: '^[A-Za-z0-9._:-]+$',
      description: 'a stable source id of 1-200 characters from A-Z a-z 0-9 . _ : -',
    },
    title: text(LIMITS.title),
    publisher: text(LIMITS.shortText),
    publishedOn: date('YYYY-MM-DD or YYYY-MM'),
    url: text(LIMITS.shortText),
    language: { type: 'string', pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$', description: 'BCP 47 tag' },
    text: { type: 'string', maxLength: LIMITS.articleText },
  },
  ['id', 'title'],
);

/** The executable contract of `kg-article/1`, emitted to `schema/kg-article-1.schema.json`. */
export function articleJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'kg-article-1.schema.json',
    title: 'kg-article/1',
    description:
      'One extracted article. Generated from src/ingest/articleSchema.ts; rules that JSON Schema cannot say ' +
      '(unique keys, references, relation endpoints, date order, real calendar dates, partOf cycles) are enforced by the ingester.',
    ...object(
      {
        format: { const: FORMAT_TAG },
        article,
        entities: list(entity, LIMITS.entities),
        events: list(event, LIMITS.events),
        relations: list(relation, LIMITS.relations),
        figures: list(figure, LIMITS.figures),
      },
      ['format', 'article', 'entities'],
    ),
  };
}
