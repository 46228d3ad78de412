import 'reflect-metadata';
import { type GraphQLFieldResolver, isInterfaceType, isObjectType, isUnionType, printSchema, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { authChecker } from './authChecker';
import { ArticleResolver } from './resolvers/article.resolver';
import { EntitiesResolver } from './resolvers/entities.resolver';
import { EntityResolver } from './resolvers/entity.resolver';
import { EventResolver } from './resolvers/event.resolver';
import { FiguresResolver } from './resolvers/figures.resolver';
import { GraphResolver } from './resolvers/graph.resolver';
import { MutationResolver } from './resolvers/mutation.resolver';
import { NodeResolver } from './resolvers/node.resolver';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import {
  EventParticipationSourcesResolver,
  FigureResolver,
  GraphNodeResolver,
  ParticipantSourcesResolver,
  PositionSourcesResolver,
  RelationSourcesResolver,
  SourceResolver,
} from './resolvers/provenance.resolver';
import { SearchResolver } from './resolvers/search.resolver';
import { Article } from './types/article.type';
import { Event } from './types/event.type';
import { Figure } from './types/figure.type';
import { Organization } from './types/organization.type';
import { Person } from './types/person.type';
import { Place } from './types/place.type';
import { Project } from './types/project.type';
import { Village } from './types/village.type';

export const RESOLVERS = [
  RelationSourcesResolver,
  PositionSourcesResolver,
  ParticipantSourcesResolver,
  EventParticipationSourcesResolver,
  NodeResolver,
  SearchResolver,
  EntitiesResolver,
  GraphResolver,
  FiguresResolver,
  EntityResolver,
  PersonResolver,
  OrganizationResolver,
  EventResolver,
  ArticleResolver,
  FigureResolver,
  SourceResolver,
  GraphNodeResolver,
  MutationResolver,
] as const;

/**
 * The GraphQL schema of the knowledge graph. Mutations need the `editor` role (see authChecker.ts); reads
 * are open here, and the server decides whether anonymous callers may read. Arguments are checked by the
 * resolvers themselves (args/limits.ts), so class-validator is off.
 */
export async function buildApiSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...RESOLVERS],
    // every implementation of an interface is reachable through `node`/`entity`, so list them explicitly
    orphanedTypes: [Person, Organization, Village, Place, Project, Event, Article, Figure],
    authChecker,
    validate: false,
  });
  useOwnTypeResolvers(schema);
  callFieldResolversDirectly(schema);
  return schema;
}

/**
 * type-graphql wraps every `resolveType` in an async function, which costs a promise and a microtask turn for
 * every abstract value (each participant of a 50-event page). Ours are synchronous and return type names,
 * which graphql-js takes as they are, so they replace the wrappers.
 */
function useOwnTypeResolvers(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const meta of [...storage.interfaceTypes, ...storage.unions]) {
    const type = schema.getType(meta.name);
    if ((isInterfaceType(type) || isUnionType(type)) && meta.resolveType) {
      type.resolveType = meta.resolveType as GraphQLTypeResolver<unknown, unknown>;
    }
  }
}

/** The parameters a field resolver called directly may take, in this order. */
const DIRECT_PARAMS = ['root', 'context', 'info'] as const;

/**
 * type-graphql calls each field resolver through a wrapper that, on every call, looks the resolver class up
 * in its container, runs the middleware chain and re-sorts the parameters' metadata to build the arguments:
 * per row of a list (each person of a 50-event page, for `positions`), that cost more than the resolver.
 * Where the wrapper has nothing to do (no middleware, no role check, and the parameters `(@Root() row,
 * @Ctx() ctx, @Info() info)` or a prefix of them, the root taken as it is), the field calls the method
 * directly. The resolver classes hold no state, so one instance each serves every request, as type-graphql's
 * default container does.
 */
function callFieldResolversDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const instances = new Map<Function, Record<string, (root: unknown, context: unknown, info: unknown) => unknown>>();
  for (const meta of storage.fieldResolvers) {
    if (meta.kind !== 'external' || meta.roles?.length || meta.middlewares?.length || !meta.getObjectType) continue;
    const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
    const direct = params.every(
      (p, i) =>
        p.index === i &&
        p.kind === DIRECT_PARAMS[i] &&
        (p.kind !== 'root' || (p.propertyName === undefined && (p.getType === undefined || p.getType() === Object))) &&
        (p.kind !== 'context' || p.propertyName === undefined),
    );
    if (!direct) continue;
    const objectType = meta.getObjectType();
    const typeName = storage.objectTypes.find((t) => t.target === objectType)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[meta.schemaName] : undefined;
    if (!field) continue;
    let instance = instances.get(meta.target);
    if (!instance) instances.set(meta.target, (instance = new (meta.target as new () => NonNullable<typeof instance>)()));
    const method = instance[meta.methodName];
    const target = instance;
    const callDirectly: GraphQLFieldResolver<unknown, unknown> = (root, _args, context, info) => method.call(target, root, context, info);
    field.resolve = callDirectly;
  }
}

/** The schema as committed in schema/schema.graphql (types in the order the code declares them). */
export function schemaSdl(schema: GraphQLSchema): string {
  return (
    '# Generated from src/api by `npm run emit`. Do not edit: a test fails while this file is stale.\n\n' +
    printSchema(schema) +
    '\n'
  );
}
