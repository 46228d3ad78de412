import 'reflect-metadata';

/**
 * The API layer: a GraphQL schema over the graph, for the server to mount.
 *
 *   const schema = await buildApiSchema();
 *   // per request: contextValue = createContext(deps, role)
 */
export { buildApiSchema, schemaSdl } from './buildApiSchema';
export { createCompiledExecutor, jitCompiles, type ExecuteOperationArgs, type OperationExecutor } from './compiledExecutor';
export { createContext, type ApiDeps, type Context, type Role } from './context';
export * from './errors';
export { ARG_LIMITS, BOUNDED_ARGUMENTS, overLimit } from './args/limits';
export { fieldArgumentsError, FIELD_CHECKS } from './args/fieldChecks';
