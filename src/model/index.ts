export * from './domain';
export * from './normalize';
export * from './dates';
export * from './enumNames';
export * from './descriptions';
