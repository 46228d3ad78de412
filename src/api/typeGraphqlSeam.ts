/**
 * The one place that reads type-graphql's metadata (`getMetadataStorage`, in its package exports) to change the
 * schema it built: its resolver wrappers cost more than the resolvers on list pages (bench/README.md, "Seams":
 * without the direct calls the nested 50-event page took 57% more CPU per request). `test/api.schema.test.ts`
 * fails when type-graphql changes what this relies on.
 */
import { type GraphQLFieldResolver, type GraphQLSchema, type GraphQLTypeResolver, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql wraps every `resolveType` in an async function, which costs a promise and a microtask turn for
 * every abstract value (each participant of a 50-event page), and graphql-jit cannot complete an abstract type
 * from such a promise. Ours are synchronous and return type names, which graphql-js takes as they are, so they
 * replace the wrappers.
 */
export function useOwnTypeResolvers(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const meta of [...storage.interfaceTypes, ...storage.unions]) {
    const type = schema.getType(meta.name);
    if ((isInterfaceType(type) || isUnionType(type)) && meta.resolveType) {
      type.resolveType = meta.resolveType as GraphQLTypeResolver<unknown, unknown>;
    }
  }
}

/**
 * type-graphql calls each field resolver through a wrapper that, on every call, looks the resolver class up
 * in its container, runs the middleware chain and re-sorts the parameters' metadata to build the arguments;
 * and a resolver with `@Args` always answers a promise, as its arguments pass through an async validation
 * step even with validation off (`validate: false`). Per row of a list (each person of a 50-event page, for
 * `positions`; each event, for `participants`) that cost more than the resolver, and a promise keeps a
 * participant list primed by the page's statement from being completed synchronously.
 * Where the wrapper has nothing to do (no middleware, no role check, and the parameters `(@Root() row,
 * @Ctx() ctx, @Info() info)` or `(@Root() row, @Args() args, @Ctx() ctx, @Info() info)` or a prefix of either,
 * the root taken as it is), the field calls the method directly. The resolver classes hold no state, so one
 * instance each serves every request, as type-graphql's default container does.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const instances = new Map<Function, Record<string, Method>>();
  for (const meta of storage.fieldResolvers) {
    if (meta.kind !== 'external' || meta.roles?.length || meta.middlewares?.length || !meta.getObjectType) continue;
    const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
    const kinds = params.map((p, i) => (p.index === i ? p.kind : 'gap'));
    const shape = DIRECT_SHAPES.find((order) => kinds.every((kind, i) => kind === order[i]));
    const plain = params.every(
      (p) =>
        (p.kind !== 'root' || (p.propertyName === undefined && (p.getType === undefined || p.getType() === Object))) &&
        (p.kind !== 'context' || p.propertyName === undefined),
    );
    const argsParam = params.find((p) => p.kind === 'args');
    const toArgs = argsParam?.kind === 'args' ? argsInstanceMaker(argsParam.getType()) : null;
    if (!shape || !plain || (argsParam && !toArgs)) continue;
    const objectType = meta.getObjectType();
    const typeName = storage.objectTypes.find((t) => t.target === objectType)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[meta.schemaName] : undefined;
    if (!field) continue;
    let instance = instances.get(meta.target);
    if (!instance) instances.set(meta.target, (instance = new (meta.target as new () => NonNullable<typeof instance>)()));
    const method = instance[meta.methodName];
    const target = instance;
    field.resolve = toArgs ? callDirectlyWithArgs(method, target, toArgs) : callDirectly(method, target);
  }
}

type Method = (...params: unknown[]) => unknown;

// named `callDirectly`, so that a test can tell these from type-graphql's wrappers
function callDirectly(method: Method, target: object): GraphQLFieldResolver<unknown, unknown> {
  return function callDirectly(root, _args, context, info) {
    return method.call(target, root, context, info);
  };
}

function callDirectlyWithArgs(method: Method, target: object, toArgs: (args: Record<string, unknown>) => object): GraphQLFieldResolver<unknown, unknown> {
  return function callDirectly(root, args, context, info) {
    return method.call(target, root, toArgs(args), context, info);
  };
}

/** The parameters a field resolver called directly may take, in one of these orders (or a prefix of one). */
const DIRECT_SHAPES = [
  ['root', 'context', 'info'],
  ['root', 'args', 'context', 'info'],
] as const;

/**
 * What type-graphql hands an `@Args() args: Class` parameter (convertArgsToInstance, then convertToType): an
 * instance of the class holding the arguments given. Only for classes of their own (no superclass) whose
 * fields are scalars and enums, which type-graphql passes on as they are; input objects it converts into
 * instances, field by field, so their resolvers keep its wrapper (null here).
 */
export function argsInstanceMaker(ArgsClass: unknown): ((args: Record<string, unknown>) => object) | null {
  const storage = getMetadataStorage();
  const argsType = storage.argumentTypes.find((t) => t.target === ArgsClass);
  if (typeof ArgsClass !== 'function' || !argsType || Object.getPrototypeOf(ArgsClass) !== Function.prototype) return null;
  const isInput = (t: unknown): boolean => storage.inputTypes.some((i) => i.target === t);
  const fields = argsType.fields ?? [];
  if (fields.some((f) => isInput(f.getType()))) return null;
  const Class = ArgsClass as new () => Record<string, unknown>;
  const names = fields.map((f) => f.name);
  return (args) => {
    const instance = new Class();
    // as convertToType does: a field the class leaves undefined stays absent unless given
    for (const key of Object.keys(instance)) if (instance[key] === undefined && args[key] === undefined) delete instance[key];
    for (const name of names) if (args[name] !== undefined) instance[name] = args[name];
    return instance;
  };
}
