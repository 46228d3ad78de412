export * from './driver';
export * from './applySchema';
export * from './schemaStatements';
export * from './embedded';
export * from './openDatabase';
export * from './executeWrite';
export * from './portFree';
export * from './retry';
