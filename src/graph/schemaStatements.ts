import { ENTITY_TYPE_NAMES, GRAPH_LABELS, GRAPH_RELATIONSHIPS } from '../model';

/**
 * The Cypher schema, derived from the model: a unique-id constraint per label, indexes for the lookups
 * the API makes, and a full-text index over names and aliases with the `cjk` analyzer (it splits Han
 * text into bigrams, so 金锋 is found inside 管委会主任金锋, and still tokenises and lower-cases Latin).
 * Every statement is idempotent (`IF NOT EXISTS`), so applying them at each start-up is safe.
 * `cypher/schema.cypher` is this list, emitted; a test fails when it is stale.
 */
export function schemaStatements(): string[] {
  const uniqueId = (label: string, property = 'id'): string =>
    `CREATE CONSTRAINT ${label.toLowerCase()}_${property}_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.${property} IS UNIQUE`;
  const index = (name: string, label: string, property: string): string =>
    `CREATE INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`;
  const relationshipIndex = (name: string, type: string, properties: string[]): string =>
    `CREATE INDEX ${name} IF NOT EXISTS FOR ()-[r:${type}]-() ON (${properties.map((p) => `r.${p}`).join(', ')})`;
  // trigram TEXT indexes: what CONTAINS and STARTS WITH seek with (names' search keys, event names)
  const textIndex = (name: string, label: string, property: string): string =>
    `CREATE TEXT INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`;

  return [
    uniqueId(GRAPH_LABELS.Entity),
    ...ENTITY_TYPE_NAMES.map((t) => uniqueId(t)),
    uniqueId(GRAPH_LABELS.Event),
    uniqueId(GRAPH_LABELS.Article),
    uniqueId(GRAPH_LABELS.Figure),
    uniqueId(GRAPH_LABELS.MergedId),
    uniqueId(GRAPH_LABELS.NameKey, 'key'),
    uniqueId(GRAPH_LABELS.BlockingKey, 'key'),
    uniqueId(GRAPH_LABELS.Judgement),
    index('judgement_a', GRAPH_LABELS.Judgement, 'a'),
    index('judgement_b', GRAPH_LABELS.Judgement, 'b'),
    index('judgement_kind', GRAPH_LABELS.Judgement, 'kind'),
    // the review queue: open duplicate candidates by score, of any type or of one
    relationshipIndex('candidate_score', GRAPH_RELATIONSHIPS.DUPLICATE_CANDIDATE, ['score']),
    relationshipIndex('candidate_type_score', GRAPH_RELATIONSHIPS.DUPLICATE_CANDIDATE, ['type', 'score']),
    index('entity_name', GRAPH_LABELS.Entity, 'name'),
    index('entity_type', GRAPH_LABELS.Entity, 'type'),
    index('entity_kind', GRAPH_LABELS.Entity, 'kind'),
    index('event_name', GRAPH_LABELS.Event, 'name'),
    index('event_type', GRAPH_LABELS.Event, 'type'),
    index('event_date_start', GRAPH_LABELS.Event, 'dateStart'),
    index('event_date_end', GRAPH_LABELS.Event, 'dateEnd'),
    index('figure_metric', GRAPH_LABELS.Figure, 'metric'),
    index('figure_period', GRAPH_LABELS.Figure, 'period'),
    textIndex('entity_search_text', GRAPH_LABELS.Entity, 'searchText'),
    textIndex('event_name_text', GRAPH_LABELS.Event, 'name'),
    `CREATE FULLTEXT INDEX ${PASSAGES_INDEX} IF NOT EXISTS FOR (n:${GRAPH_LABELS.Article}|${GRAPH_LABELS.Event}) ` +
      "ON EACH [n.text, n.evidence] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }",
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${GRAPH_LABELS.Entity}|${GRAPH_LABELS.Event}) ` +
      "ON EACH [n.name, n.aliasText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }",
  ];
}

export const FULLTEXT_INDEX = 'names_fulltext';
/** article text and event evidence, for passage search */
export const PASSAGES_INDEX = 'passages_fulltext';

/** The text of `cypher/schema.cypher`. */
export function schemaCypherFile(): string {
  return (
    '// Generated from src/graph/schemaStatements.ts (which derives it from src/model). Do not edit:\n' +
    '// run `npm run emit` after changing the model; a test fails while this file is stale.\n' +
    schemaStatements().map((s) => `${s};\n`).join('')
  );
}
