import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './authChecker';
import { callFieldResolversDirectly, useOwnTypeResolvers } from './typeGraphqlSeam';
import { ArticleResolver } from './resolvers/article.resolver';
import { CountsResolver } from './resolvers/counts.resolver';
import { EntitiesResolver } from './resolvers/entities.resolver';
import { EntityResolver } from './resolvers/entity.resolver';
import { EventResolver } from './resolvers/event.resolver';
import { FiguresResolver } from './resolvers/figures.resolver';
import { GraphResolver } from './resolvers/graph.resolver';
import { ExtractResolver } from './resolvers/extract.resolver';
import { MutationResolver } from './resolvers/mutation.resolver';
import { NodeResolver } from './resolvers/node.resolver';
import { OrganizationResolver, PartnerEdgeResolver } from './resolvers/organization.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import {
  EntityEventEdgeSourcesResolver,
  FigureResolver,
  GraphNodeResolver,
  OfficialEdgeSourcesResolver,
  ParticipantEdgeSourcesResolver,
  PositionEdgeSourcesResolver,
  RelationEdgeSourcesResolver,
  RelationSourcesResolver,
  SourceEdgeResolver,
  PathStepResolver,
} from './resolvers/provenance.resolver';
import { DuplicateConnectionResolver, DuplicateResolver } from './resolvers/duplicate.resolver';
import { JudgementResolver } from './resolvers/judgement.resolver';
import { PassageResolver } from './resolvers/passage.resolver';
import { SearchResolver } from './resolvers/search.resolver';
import { Article } from './types/article.type';
import { Event } from './types/event.type';
import { Figure } from './types/figure.type';
import { Organization } from './types/organization.type';
import { Person } from './types/person.type';
import { Place } from './types/place.type';
import { Project } from './types/project.type';
import { Village } from './types/village.type';

export { argsInstanceMaker } from './typeGraphqlSeam';

export const RESOLVERS = [
  RelationSourcesResolver,
  PositionEdgeSourcesResolver,
  OfficialEdgeSourcesResolver,
  ParticipantEdgeSourcesResolver,
  EntityEventEdgeSourcesResolver,
  RelationEdgeSourcesResolver,
  NodeResolver,
  SearchResolver,
  PassageResolver,
  DuplicateResolver,
  DuplicateConnectionResolver,
  JudgementResolver,
  EntitiesResolver,
  GraphResolver,
  PartnerEdgeResolver,
  FiguresResolver,
  CountsResolver,
  EntityResolver,
  PersonResolver,
  OrganizationResolver,
  EventResolver,
  ArticleResolver,
  FigureResolver,
  SourceEdgeResolver,
  PathStepResolver,
  GraphNodeResolver,
  MutationResolver,
  ExtractResolver,
] as const;

export interface ApiSchemaOptions {
  /**
   * Field resolvers called without type-graphql's per-call wrapper where it has nothing to do (default true;
   * false only to measure what that buys, bench/query/seams.ts).
   */
  directResolvers?: boolean;
}

/**
 * The GraphQL schema of the knowledge graph. Mutations need the `editor` role (see authChecker.ts); reads
 * are open here, and the server decides whether anonymous callers may read. Arguments are checked by the
 * resolvers themselves (args/limits.ts), so class-validator is off.
 */
export async function buildApiSchema(options: ApiSchemaOptions = {}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...RESOLVERS],
    // every implementation of an interface is reachable through `node`/`entity`, so list them explicitly
    orphanedTypes: [Person, Organization, Village, Place, Project, Event, Article, Figure],
    authChecker,
    validate: false,
  });
  describeRootTypes(schema);
  useOwnTypeResolvers(schema);
  if (options.directResolvers !== false) callFieldResolversDirectly(schema);
  return schema;
}

/** type-graphql has no option for the root types' descriptions: graphql-js's types carry them as plain fields. */
function describeRootTypes(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'What can be read: entities, events, figures and articles, filtered, counted and paged; graphs around them; search.';
  if (mutation) mutation.description = 'Loading, extracting, deleting and merging (the `editor` role only).';
}

/** The schema as committed in schema/schema.graphql (types in the order the code declares them). */
export function schemaSdl(schema: GraphQLSchema): string {
  return (
    '# Generated from src/api by `npm run emit`. Do not edit: a test fails while this file is stale.\n\n' +
    printSchema(schema) +
    '\n'
  );
}
