import * as fs from 'fs';

export interface ServerLog {
  /** lines by pino level (and `unparsable`) */
  levels: Record<string, number>;
  /** the server's own time per request (its request log) by GraphQL operation, between `from` and `to` */
  serverMsByOperation: Record<string, number[]>;
  /** error and fatal lines */
  serverErrorLines: number;
}

/**
 * Reads the server's JSON log: its lines by level, and its own time per request during the soak (`from`-`to`, ms
 * since the epoch): with the latency seen by the load generator, it tells the time spent handling a request apart
 * from the time spent waiting to be handled.
 */
export function readServerLog(file: string, from: number, to: number): ServerLog {
  const levels: Record<string, number> = {};
  const serverMsByOperation: Record<string, number[]> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { level: number; time?: string | number; path?: string; operationName?: string; durationMs?: number };
      const level = String(entry.level);
      levels[level] = (levels[level] ?? 0) + 1;
      const time = typeof entry.time === 'string' ? Date.parse(entry.time) : entry.time; // ISO text (src/server/logger.ts)
      if (entry.path === '/graphql' && entry.operationName && entry.durationMs !== undefined && time !== undefined && time >= from && time <= to) {
        (serverMsByOperation[entry.operationName] ??= []).push(entry.durationMs);
      }
    } catch {
      levels.unparsable = (levels.unparsable ?? 0) + 1;
    }
  }
  return { levels, serverMsByOperation, serverErrorLines: (levels['50'] ?? 0) + (levels['60'] ?? 0) };
}
