import { GRAPH_LABELS, GRAPH_RELATIONSHIPS, RELATION_TYPE_NAMES, type EntityType, type RelationType } from '../../model';

/**
 * The only label and relationship-type names placed in Cypher text by the API, all from src/model.
 * Everything a client sends travels as a parameter.
 */
export const L = GRAPH_LABELS;
export const R = GRAPH_RELATIONSHIPS;

export const entityLabel = (type: EntityType): EntityType => type;
export const relType = (type: RelationType): RelationType => type;

/** `HOLDS_POSITION|PART_OF|…`: every domain relation type. */
export const DOMAIN_RELATIONS = RELATION_TYPE_NAMES.join('|');

/** What a graph view walks: domain relations, participations and event locations (never articles or keys). */
export const GRAPH_RELATIONS = [...RELATION_TYPE_NAMES, R.PARTICIPATED_IN, R.OCCURRED_AT].join('|');
