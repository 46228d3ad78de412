/**
 * `kg ingest` stopped by a signal: it reads and writes no more documents, lets the transaction in flight finish
 * (or roll back), then says exactly how many documents were committed, and the graph holds exactly those; a
 * second signal stops it at once. Counts are checked in the database, never taken from kg's word alone. (A Ctrl-C
 * at the terminal reaches only kg, not the embedded Neo4j it may have started, which runs in a process group of
 * its own: test/embedded.test.ts.)
 */
import { type ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { sharedDocs, writeDocsDir } from './reliability.helpers';
import { testDatabase, testDriver, testNeo4jConfig, useTestDatabase } from './support/db';

jest.setTimeout(300_000);

const REPO = path.resolve(__dirname, '..');
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');
const CLI = path.join(REPO, 'src', 'cli', 'main.ts');
const DOCS = 300;
/** for the batch scenarios: enough documents that the load is still running when the signal comes on a fast machine */
const MANY = 900;

async function articles(): Promise<number> {
  const { records } = await testDriver().executeQuery('MATCH (a:Article) RETURN count(a) AS n', {}, { database: testDatabase() });
  return Number(records[0].get('n'));
}

interface Kg {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});

/** `kg ingest` in a process of its own, as a user runs it. */
function kgIngest(args: string[], env: NodeJS.ProcessEnv): Kg {
  const child = spawn(TSX, [CLI, 'ingest', ...args], { cwd: REPO, env });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { child, out: () => out, err: () => err, exited };
}

function testDbEnv(): NodeJS.ProcessEnv {
  const cfg = testNeo4jConfig();
  return { ...process.env, NEO4J_URI: cfg.uri, NEO4J_USERNAME: cfg.username, NEO4J_PASSWORD: cfg.password, NEO4J_DATABASE: cfg.database };
}

async function until(kg: Kg, what: string, condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) {
    if (kg.child.exitCode !== null) throw new Error(`kg ended before ${what}: ${kg.err()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The count kg gives when it stops: "kg: SIGINT: 12 documents were committed before it stopped (12 created, …)". */
function committedSaid(err: string, signal: string): number {
  const said = new RegExp(`kg: ${signal}: (\\d+) documents? (?:was|were) committed before it stopped \\((\\d+) created, 0 updated, 0 unchanged; 0 rejected\\); nothing else was written`).exec(err);
  expect(said).not.toBeNull();
  expect(Number(said![1])).toBe(Number(said![2]));
  return Number(said![1]);
}

describe('kg ingest interrupted', () => {
  useTestDatabase();
  let dir: string;
  let many: string;
  beforeAll(() => {
    dir = writeDocsDir(sharedDocs(DOCS));
    many = writeDocsDir(sharedDocs(MANY));
  });
  afterAll(() => [dir, many].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('when kg ingest gets SIGINT mid-load (one document per transaction), then it exits 130 saying how many documents were committed, exactly what the graph holds', async () => {
    const kg = kgIngest(['--batch', '1', dir], testDbEnv());
    await until(kg, 'it was interrupted', async () => (await articles()) >= 5);
    kg.child.kill('SIGINT');
    expect(await kg.exited).toBe(130);
    const said = committedSaid(kg.err(), 'SIGINT');
    expect(said).toBeLessThan(DOCS);
    expect(await articles()).toBe(said);
  });

  it('when kg ingest gets SIGTERM while a 50-document transaction is in flight, then that transaction is committed first and counted: exit 143, the count is what the graph holds', async () => {
    const kg = kgIngest(['--batch', '50', many], testDbEnv());
    await until(kg, 'it was interrupted', async () => (await articles()) >= 50);
    kg.child.kill('SIGTERM');
    expect({ exit: await kg.exited, err: kg.err() }).toEqual({ exit: 143, err: expect.any(String) });
    const said = committedSaid(kg.err(), 'SIGTERM');
    expect(said).toBeGreaterThanOrEqual(50);
    expect(said).toBeLessThan(MANY);
    expect(said % 50).toBe(0); // whole batches: nothing of the batch after the signal was written
    expect(await articles()).toBe(said);
  });

  it('when a second SIGINT comes while the transaction in flight is still running, then kg stops at once (130), saying what was committed before it and that the one in flight may have committed too', async () => {
    // transactions of 300 documents: the second is in flight once the first is in the graph
    const kg = kgIngest(['--batch', '300', many], testDbEnv());
    await until(kg, 'the first transaction committed', async () => (await articles()) >= 300);
    kg.child.kill('SIGINT');
    await until(kg, 'it said it is stopping', () => kg.err().includes('kg: stopping'));
    kg.child.kill('SIGINT');
    expect(await kg.exited).toBe(130);
    if (/SIGINT again/.test(kg.err())) {
      const again = /kg: SIGINT again: stopped at once: (\d+) documents? (?:was|were) committed before it stopped \(\d+ created.*the transaction in flight may have committed too/.exec(kg.err());
      expect(again).not.toBeNull();
      // kg counts a transaction once Neo4j has confirmed it; one it had sent but not yet heard back from, and the
      // one in flight, either committed just before the exit or were rolled back when the connection closed
      const said = Number(again![1]);
      const held = await articles();
      expect({ said: said % 300, held: held % 300 }).toEqual({ said: 0, held: 0 });
      expect(held).toBeGreaterThanOrEqual(Math.max(said, 300));
      expect(held - said).toBeLessThanOrEqual(600);
    } else {
      // on a fast machine the transaction in flight can end before the second signal arrives: then the first
      // signal's exact count stands, and it must be what the graph holds
      expect(await articles()).toBe(committedSaid(kg.err(), 'SIGINT'));
    }
  });
});
