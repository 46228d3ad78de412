import { ObjectType as typeGraphqlObjectType, type ObjectTypeOptions } from 'type-graphql';

/**
 * type-graphql's `@ObjectType`, with graphql-js's default resolver on plain fields (`simpleResolvers`).
 * Our object types are rows: every field with logic is a `@FieldResolver` (which this leaves as it is), and no
 * plain field carries a role or a middleware. type-graphql's wrapper around each plain field (an object and two
 * calls per value: about 2 000 on a 50-event page with participants and positions) buys nothing here.
 */
export function ObjectType(name: string, options: ObjectTypeOptions = {}): ClassDecorator {
  return typeGraphqlObjectType(name, { ...options, simpleResolvers: true });
}
