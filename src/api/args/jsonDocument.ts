import { GraphQLScalarType } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';

/** A value of the `JSON` scalar as a resolver receives it: boxed, see `JsonArgument`. */
export class BoxedJson {
  constructor(readonly value: unknown) {}
}

/**
 * graphql-scalars' `JSON` scalar (same name, description and specifiedBy, so the schema is unchanged) whose
 * parsed values arrive boxed in a `BoxedJson`. type-graphql copies an array argument recursively before the
 * resolver runs (`convertValuesToInstances`), so a document that was an array nested 100 000 levels deep
 * overflowed the stack there and became INTERNAL_SERVER_ERROR instead of reaching validation; an object
 * (the box) is passed through untouched, and validation rejects the document with its problems.
 */
export const JsonArgument = new GraphQLScalarType<BoxedJson, unknown>({
  ...GraphQLJSON.toConfig(),
  parseValue: (value) => new BoxedJson(GraphQLJSON.parseValue(value)),
  parseLiteral: (ast, variables) => new BoxedJson(GraphQLJSON.parseLiteral(ast, variables)),
});
