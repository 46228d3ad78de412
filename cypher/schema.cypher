// Generated from src/graph/schemaStatements.ts (which derives it from src/model). Do not edit:
// run `npm run emit` after changing the model; a test fails while this file is stale.
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id_unique IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id_unique IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT village_id_unique IF NOT EXISTS FOR (n:Village) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id_unique IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id_unique IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id_unique IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id_unique IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT figure_id_unique IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mergedid_id_unique IF NOT EXISTS FOR (n:MergedId) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT namekey_key_unique IF NOT EXISTS FOR (n:NameKey) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT blockingkey_key_unique IF NOT EXISTS FOR (n:BlockingKey) REQUIRE n.key IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX event_name IF NOT EXISTS FOR (n:Event) ON (n.name);
CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type);
CREATE INDEX event_date_start IF NOT EXISTS FOR (n:Event) ON (n.dateStart);
CREATE INDEX event_date_end IF NOT EXISTS FOR (n:Event) ON (n.dateEnd);
CREATE INDEX figure_metric IF NOT EXISTS FOR (n:Figure) ON (n.metric);
CREATE INDEX figure_period IF NOT EXISTS FOR (n:Figure) ON (n.period);
CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.searchText);
CREATE TEXT INDEX event_name_text IF NOT EXISTS FOR (n:Event) ON (n.name);
CREATE FULLTEXT INDEX passages_fulltext IF NOT EXISTS FOR (n:Article|Event) ON EACH [n.text, n.evidence] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
CREATE FULLTEXT INDEX names_fulltext IF NOT EXISTS FOR (n:Entity|Event) ON EACH [n.name, n.aliasText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
