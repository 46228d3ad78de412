export { all, entityConditions, eventConditions, figureConditions, Scope, WITHIN_HOPS, type Compiled } from './compile';
export { entityAnchor } from './anchor';
export { checkWhereCost, measureWhere, WHERE_LIMITS } from './cost';
export { partialDateSpan, validAtCondition } from './dates';
export * from './inputs';
export { FloatFilter, IntFilter, NUMBER_OPERATORS, STRING_OPERATORS, StringFilter } from './operators';
