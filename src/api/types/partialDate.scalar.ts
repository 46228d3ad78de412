import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const NOT_A_STRING = 'a PartialDate is a string: "YYYY", "YYYY-MM" or "YYYY-MM-DD"';

/**
 * Dates as precise as the articles give them. The scalar takes any string; whether it is a real date is checked
 * where the argument is read (args/limits.ts `checkDate`, where/compile.ts), so that a bad one is BAD_USER_INPUT
 * naming the argument (`where.from`), given as a literal or a variable alike: a scalar that refused it itself would
 * make it GRAPHQL_VALIDATION_FAILED as a literal and a variable-coercion error as a variable.
 */
export const PartialDate = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description:
    'A date as precise as its source gives it: `YYYY` (a year), `YYYY-MM` (a month) or `YYYY-MM-DD` (a day), a real ' +
    'calendar date. In an argument it stands for the days it covers: `from: "2023-06"` is from 2023-06-01, ' +
    '`to: "2023-06"` up to 2023-06-30, `validAt: "2023"` the year\'s first day. Anything else is BAD_USER_INPUT naming ' +
    'the argument. Dates the graph holds (`Event.date`, `Article.publishedOn`) are `YYYY-MM-DD` or `YYYY-MM`, as written.',
  serialize: (value) => {
    if (typeof value !== 'string') throw new GraphQLError(NOT_A_STRING);
    return value;
  },
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError(NOT_A_STRING);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(NOT_A_STRING, { nodes: ast });
    return ast.value;
  },
});
