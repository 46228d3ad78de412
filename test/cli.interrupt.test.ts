/**
 * `kg ingest` stopped before the end says how many documents it committed, and that is what the graph holds.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import { sharedDocs, writeDocsDir } from './reliability.helpers';
import { testDatabase, testDriver, testNeo4jConfig, useTestDatabase } from './support/db';

jest.setTimeout(300_000);

const REPO = path.resolve(__dirname, '..');

async function articles(): Promise<number> {
  const { records } = await testDriver().executeQuery('MATCH (a:Article) RETURN count(a) AS n', {}, { database: testDatabase() });
  return Number(records[0].get('n'));
}

let afterFailure: (() => void) | undefined;
afterAll(() => afterFailure?.());

describe('kg ingest interrupted', () => {
  useTestDatabase();

  it('when kg ingest gets SIGINT mid-load, then it says how many documents were committed, and the graph holds that many or one more (the one in flight)', async () => {
    const dir = writeDocsDir(sharedDocs(300));
    const cfg = testNeo4jConfig();
    const env = { ...process.env, NEO4J_URI: cfg.uri, NEO4J_USERNAME: cfg.username, NEO4J_PASSWORD: cfg.password, NEO4J_DATABASE: cfg.database };
    const child = spawn(path.join(REPO, 'node_modules', '.bin', 'tsx'), [path.join(REPO, 'src', 'cli', 'main.ts'), 'ingest', '--batch', '1', dir], { cwd: REPO, env });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    afterFailure = () => child.exitCode === null && child.kill('SIGKILL');
    for (let n = 0; (n = await articles()) < 5; ) {
      if (child.exitCode !== null) throw new Error(`kg ended before it was interrupted: ${err}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const said = /kg: SIGINT: (\d+) documents were committed before it stopped \((\d+) created, 0 updated, 0 unchanged; 0 rejected\)/.exec(err);
    expect(said).not.toBeNull();
    expect(Number(said![1])).toBe(Number(said![2]));
    expect(Number(said![1])).toBeLessThan(300);
    // the one document in flight at the signal may have committed after the count was taken, never more
    expect(await articles()).toBeGreaterThanOrEqual(Number(said![1]));
    expect(await articles()).toBeLessThanOrEqual(Number(said![1]) + 1);
  });
});
