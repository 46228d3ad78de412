export * from './domain';
export * from './normalize';
export * from './dates';
