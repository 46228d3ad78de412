import { Field, Float, InputType, Int } from 'type-graphql';

/**
 * The operators of the `where` language, declared once: each table gives an operator's GraphQL field (name,
 * description) and the Cypher it compiles to over an expression and a parameter. The input types below are made
 * from the tables, so an operator added here exists in the schema, the compiler and the cost count together.
 */

export interface StringOperator {
  description: string;
  list: boolean;
  /** The condition on the string expression `x` and the parameter `p`; `folded` is true when `p` is lower-cased. */
  cypher: (x: string, p: string) => string;
  folded: boolean;
}

export const STRING_OPERATORS = {
  eq: { description: 'Exactly this text.', list: false, folded: false, cypher: (x, p) => `${x} = ${p}` },
  in: { description: 'Exactly one of these texts (at most 100).', list: true, folded: false, cypher: (x, p) => `${x} IN ${p}` },
  contains: {
    description: 'Contains this text, ignoring Latin case.',
    list: false,
    folded: true,
    cypher: (x, p) => `toLower(${x}) CONTAINS ${p}`,
  },
  startsWith: {
    description: 'Starts with this text, ignoring Latin case.',
    list: false,
    folded: true,
    cypher: (x, p) => `toLower(${x}) STARTS WITH ${p}`,
  },
} as const satisfies Record<string, StringOperator>;
export type StringOperatorName = keyof typeof STRING_OPERATORS;

export const NUMBER_OPERATORS = {
  eq: { description: 'Equal to.', symbol: '=' },
  gt: { description: 'Greater than.', symbol: '>' },
  gte: { description: 'Greater than or equal to.', symbol: '>=' },
  lt: { description: 'Less than.', symbol: '<' },
  lte: { description: 'Less than or equal to.', symbol: '<=' },
} as const satisfies Record<string, { description: string; symbol: string }>;
export type NumberOperatorName = keyof typeof NUMBER_OPERATORS;

export type StringFilterValue = { [K in StringOperatorName]?: (typeof STRING_OPERATORS)[K]['list'] extends true ? string[] | null : string | null };
export type NumberFilterValue = { [K in NumberOperatorName]?: number | null };

@InputType('StringFilter', { description: 'Conditions on a text; every operator given must hold.' })
export class StringFilter {}
for (const [name, op] of Object.entries(STRING_OPERATORS)) {
  Field(() => (op.list ? [String] : String), { nullable: true, description: op.description })(StringFilter.prototype, name);
}

@InputType('FloatFilter', { description: 'Conditions on a number; every operator given must hold.' })
export class FloatFilter {}
for (const [name, op] of Object.entries(NUMBER_OPERATORS)) {
  Field(() => Float, { nullable: true, description: op.description })(FloatFilter.prototype, name);
}

@InputType('IntFilter', { description: 'Conditions on a count; every operator given must hold.' })
export class IntFilter {}
for (const [name, op] of Object.entries(NUMBER_OPERATORS)) {
  Field(() => Int, { nullable: true, description: op.description })(IntFilter.prototype, name);
}
