/** Jest globalTeardown: stops the embedded Neo4j started by globalSetup and deletes its temp dir. */
import * as fs from 'fs';
import { GLOBAL_HANDLE_KEY } from './env';
import type { TestNeo4jHandle } from './globalSetup';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const handle = g[GLOBAL_HANDLE_KEY] as TestNeo4jHandle | undefined;
  if (!handle) return; // external server, or setup failed (it cleans up after itself)
  delete g[GLOBAL_HANDLE_KEY];
  try {
    await handle.server.stop();
  } finally {
    fs.rmSync(handle.homeDir, { recursive: true, force: true });
  }
}
