export { createServer, type KgServer, type ServerDeps } from './createServer';
export { KeyRing } from './auth';
export { DatabaseMonitor, isConnectivityError, type Availability } from './database';
export { createFormatError, INTERNAL_ERROR_MESSAGE } from './errors';
export { createLogger, type Logger } from './logger';
export { measureOperation, type OperationMeasure, type QueryLimits } from './plugins/queryLimits';
