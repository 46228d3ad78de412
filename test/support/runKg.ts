import { main } from '../../src/cli/main';
import { testNeo4jConfig } from './db';

/** Runs the CLI in this process against the test database and captures what it prints. */
export async function runKg(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const cfg = testNeo4jConfig();
  const env = { NEO4J_URI: cfg.uri, NEO4J_USERNAME: cfg.username, NEO4J_PASSWORD: cfg.password, NEO4J_DATABASE: cfg.database };
  let out = '';
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += chunk.toString();
    return true;
  });
  try {
    return { status: await main(argv, env), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
