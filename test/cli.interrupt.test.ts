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
import { applySchema } from '../src/graph';
import { sharedDocId, sharedDocs, writeDocsDir } from './reliability.helpers';
import { testDatabase, testDriver, testNeo4jConfig, useTestDatabase } from './support/db';

jest.setTimeout(300_000);

const REPO = path.resolve(__dirname, '..');
const CLI = path.join(REPO, 'src', 'cli', 'main.ts');
const DOCS = 300;
/** for the batch scenarios: more than the transactions the signals come in */
const MANY = 900;

/**
 * kg's transaction waits for the one `holdArticle` keeps open. kg sends a transaction only once it has heard that
 * the one before committed, so every document before the held one's transaction is then counted by kg too (the
 * graph alone can show them committed a moment before kg hears it).
 */
async function waitingOnHold(): Promise<boolean> {
  const { records } = await testDriver().executeQuery(
    "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n",
    {},
    { database: testDatabase() },
  );
  return Number(records[0].get('n')) > 0;
}

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
  // kg itself, in one process: tsx's command line runs it in a child and relays signals to it, which on a loaded
  // machine sometimes ended kg before its own handler ran
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', ...args], { cwd: REPO, env });
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

/**
 * An open transaction of the test's own that creates article `id` first: kg's transaction that writes that article
 * waits on the unique constraint until `release`, so the signal surely comes while that transaction is in flight,
 * however fast the machine (the kg load would otherwise end before the signal on a fast one).
 */
async function holdArticle(id: string): Promise<{ release: () => Promise<void> }> {
  const session = testDriver().session({ database: testDatabase() });
  const tx = session.beginTransaction();
  await tx.run('CREATE (:Article {id: $id})', { id });
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      await tx.rollback();
      await session.close();
    },
  };
}

describe('kg ingest interrupted', () => {
  useTestDatabase();
  let dir: string;
  let many: string;
  let held: { release: () => Promise<void> } | undefined;
  beforeAll(async () => {
    // a store in use has its schema: kg's start-up then creates none, which would wait for the held transaction
    await applySchema(testDriver(), testDatabase());
    dir = writeDocsDir(sharedDocs(DOCS));
    many = writeDocsDir(sharedDocs(MANY));
  });
  afterEach(async () => {
    await held?.release();
    held = undefined;
  });
  afterAll(() => [dir, many].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('when kg ingest gets SIGINT mid-load (one document per transaction), then it lets the document in flight commit and exits 130 saying how many documents were committed, exactly what the graph holds', async () => {
    held = await holdArticle(sharedDocId(10));
    const kg = kgIngest(['--batch', '1', dir], testDbEnv());
    await until(kg, 'it waits on the held document', waitingOnHold);
    expect(await articles()).toBe(10);
    kg.child.kill('SIGINT');
    await until(kg, 'it said it is stopping', () => kg.err().includes('kg: stopping'));
    await held.release();
    expect(await kg.exited).toBe(130);
    expect(committedSaid(kg.err(), 'SIGINT')).toBe(11);
    expect(await articles()).toBe(11);
  });

  it('when kg ingest gets SIGTERM while a 50-document transaction is in flight, then that transaction is committed first and counted: exit 143, the count is what the graph holds', async () => {
    held = await holdArticle(sharedDocId(60));
    const kg = kgIngest(['--batch', '50', many], testDbEnv());
    await until(kg, 'its second transaction waits on the held document', waitingOnHold);
    expect(await articles()).toBe(50);
    kg.child.kill('SIGTERM');
    await until(kg, 'it said it is stopping', () => kg.err().includes('kg: stopping'));
    await held.release();
    expect({ exit: await kg.exited, err: kg.err() }).toEqual({ exit: 143, err: expect.any(String) });
    // the second transaction, in flight at the signal, is whole; nothing of the third was written
    expect(committedSaid(kg.err(), 'SIGTERM')).toBe(100);
    expect(await articles()).toBe(100);
  });

  it('when a second SIGINT comes while the transaction in flight is still running, then kg stops at once (130), saying what was committed before it and that the one in flight may have committed too', async () => {
    held = await holdArticle(sharedDocId(310));
    const kg = kgIngest(['--batch', '300', many], testDbEnv());
    await until(kg, 'its second transaction waits on the held document', waitingOnHold);
    expect(await articles()).toBe(300);
    kg.child.kill('SIGINT');
    await until(kg, 'it said it is stopping', () => kg.err().includes('kg: stopping'));
    kg.child.kill('SIGINT');
    expect(await kg.exited).toBe(130);
    const again = /kg: SIGINT again: stopped at once: (\d+) documents? (?:was|were) committed before it stopped \(\d+ created.*the transaction in flight may have committed too/.exec(kg.err());
    expect(again).not.toBeNull();
    expect(Number(again![1])).toBe(300);
    // the transaction in flight was still waiting when kg exited: it never reached its commit
    await held.release();
    expect(await articles()).toBe(300);
  });
});
