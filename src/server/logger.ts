/**
 * Structured JSON logs (pino). Request lines carry operation name, duration, round trips and outcome;
 * they never carry headers, API keys or variables (GraphQL GET requests keep their query string out
 * of the logged path too). The redaction list is a second line of defence.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config';

export type { Logger };

export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'kg-graph' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'headers',
        '*.headers',
        'variables',
        '*.variables',
        'password',
        '*.password',
        'apiKey',
        '*.apiKey',
      ],
      censor: '[redacted]',
    },
  };
  // synchronous stdout by default: log lines stay in order with the plain lines main.ts prints, and
  // nothing is lost when the process exits right after logging
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}
