/**
 * Scenarios for src/graph/embedded.ts (the embedded Neo4j launcher) and for the shared test
 * database helpers in test/support/db.ts.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import neo4j from 'neo4j-driver';
import * as os from 'os';
import * as path from 'path';
import {
  EmbeddedNeo4j,
  ensureLauncherBuilt,
  findExecutable,
  LauncherPrerequisiteError,
  parseJavaMajor,
  startEmbeddedNeo4j,
} from '../src/graph/embedded';
import { compileShare, cpuBetween, readJvmCpu } from '../bench/lib/jvmCpu';
import { closeTestDriver, testDatabase, testDriver, testNeo4jConfig, wipe } from './support/db';

const START_TIMEOUT = 180_000;
const REPO_ROOT = path.resolve(__dirname, '..');

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A Neo4j integer as a JS number, whether or not the driver was made with disableLosslessIntegers. */
function num(v: unknown): number {
  return typeof v === 'number' ? v : (v as { toNumber(): number }).toNumber();
}

async function returnOne(uri: string): Promise<number> {
  const driver = neo4j.driver(uri);
  try {
    const { records } = await driver.executeQuery('RETURN 1 AS one');
    return num(records[0].get('one'));
  } finally {
    await driver.close();
  }
}

function portOf(uri: string): number {
  return Number(new URL(uri.replace(/^bolt:/, 'http:')).port);
}

/** Resolves with the error code of a TCP connect to 127.0.0.1:port, or 'CONNECTED'. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const sock = net.createConnection({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve('CONNECTED');
    });
    sock.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

/** Alive = exists and is not a zombie (a reparented zombie may linger if PID 1 does not reap). */
function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

async function waitUntilDead(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return !isAlive(pid);
}

/** A directory holding only an executable `java` shell script with the given body. */
function fakeJavaDir(body: string): string {
  const dir = tempDir('kg-fake-java-');
  const file = path.join(dir, 'java');
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return dir;
}

describe('embedded Neo4j', () => {
  const started: EmbeddedNeo4j[] = [];
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
  }, 60_000);

  let first: EmbeddedNeo4j;

  it(
    'starts on a free port and answers RETURN 1 over Bolt',
    async () => {
      const t0 = Date.now();
      first = await startEmbeddedNeo4j({ homeDir: tempDir('kg-embedded-a-') });
      started.push(first);
      const seconds = (Date.now() - t0) / 1000;
      process.stderr.write(`[embedded.test] embedded Neo4j ready in ${seconds.toFixed(1)} s at ${first.uri}\n`);

      expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
      expect(portOf(first.uri)).toBeGreaterThan(0);
      expect(isAlive(first.pid)).toBe(true);
      expect(await returnOne(first.uri)).toBe(1);
    },
    START_TIMEOUT,
  );

  it('runs in a process group of its own, so that a Ctrl-C at the terminal (SIGINT to our group) reaches only us, who stop it after what is in flight', () => {
    const group = (pid: number) => {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
    };
    expect(group(first.pid)).toBe(first.pid);
    expect(group(first.pid)).not.toBe(group(process.pid));
  });

  it('shows its CPU and its JIT compiler threads\' in /proc, as the ingest benchmark\'s warm-up reads them', () => {
    // starting Neo4j JIT-compiles a great deal: HotSpot's compiler threads have used some of the JVM's CPU
    const cpu = readJvmCpu(first.pid)!;
    expect(cpu.compilerMs).toBeGreaterThan(0);
    expect(cpu.totalMs).toBeGreaterThan(cpu.compilerMs);
    const share = compileShare(cpuBetween({ totalMs: 0, compilerMs: 0 }, cpu))!;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    // a reading missing on either side gives no share, not a wrong one
    expect(compileShare(cpuBetween(undefined, cpu))).toBeUndefined();
    // a process that is not there: no reading, rather than a wrong one
    expect(readJvmCpu(2 ** 22 + 1)).toBeUndefined();
  });

  it(
    'runs a second instance on another directory concurrently, with its own data',
    async () => {
      const second = await startEmbeddedNeo4j({ homeDir: tempDir('kg-embedded-b-'), heap: '256m', pageCache: '32m' });
      started.push(second);
      expect(second.uri).not.toBe(first.uri);
      expect(second.pid).not.toBe(first.pid);

      const [a, b] = [neo4j.driver(first.uri), neo4j.driver(second.uri)];
      try {
        await a.executeQuery("CREATE (:Probe {name: 'only-in-first'})");
        const inA = await a.executeQuery('MATCH (p:Probe) RETURN count(p) AS c');
        const inB = await b.executeQuery('MATCH (p:Probe) RETURN count(p) AS c');
        expect(num(inA.records[0].get('c'))).toBe(1);
        expect(num(inB.records[0].get('c'))).toBe(0);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
      await second.stop();
      expect(isAlive(second.pid)).toBe(false);
      expect(await returnOne(first.uri)).toBe(1); // the first is unaffected
    },
    START_TIMEOUT,
  );

  it(
    'stop() makes the process exit and the port refuse connections; stop() again is a no-op',
    async () => {
      const port = portOf(first.uri);
      expect(await tryConnect(port)).toBe('CONNECTED');
      await first.stop();
      expect(isAlive(first.pid)).toBe(false);
      expect(await tryConnect(port)).toBe('ECONNREFUSED');
      await expect(first.stop()).resolves.toBeUndefined();
    },
    60_000,
  );

  it(
    'reports an early exit with the tail of the launcher output',
    async () => {
      const err = await startEmbeddedNeo4j({ homeDir: tempDir('kg-embedded-bad-'), heap: 'lots' }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(/exited before it was ready/);
      expect((err as Error).message).toMatch(/Invalid maximum heap size/);
    },
    60_000,
  );

  it.each([
    ['process.exit()', 'process.exit(0)'],
    ['SIGKILL', "process.kill(process.pid, 'SIGKILL')"],
  ])(
    'does not outlive a parent that ends by %s',
    async (_label, ending) => {
      // A child Node process loads src/graph/embedded.ts (transpiled on the fly with TypeScript),
      // starts Neo4j, prints the launcher pid and then ends abruptly.
      const script = `
        const fs = require('fs'), ts = require('typescript');
        require.extensions['.ts'] = (m, f) => m._compile(ts.transpileModule(fs.readFileSync(f, 'utf8'),
          { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText, f);
        require(${JSON.stringify(path.join(REPO_ROOT, 'src/graph/embedded.ts'))})
          .startEmbeddedNeo4j({ homeDir: ${JSON.stringify(tempDir('kg-embedded-orphan-'))}, heap: '256m', pageCache: '32m' })
          .then((s) => { process.stdout.write('PID ' + s.pid + '\\n', () => { ${ending}; }); },
                (e) => { console.error(e); process.exit(3); });
      `;
      const child = spawn(process.execPath, ['-e', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let errOut = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (errOut += c.toString()));
      const status = await new Promise<string>((resolve) => child.on('exit', (code, sig) => resolve(`${code}/${sig}`)));
      const m = /PID (\d+)/.exec(out);
      if (!m) throw new Error(`child ended ${status} without a pid; stderr:\n${errOut}`);
      const pid = Number(m[1]);
      expect(await waitUntilDead(pid, 30_000)).toBe(true);
    },
    START_TIMEOUT,
  );
});

describe('launcher prerequisites', () => {
  it('parses java -version output', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_292"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('openjdk version "22-ea" 2024-03-19')).toBe(22);
    expect(parseJavaMajor('nonsense')).toBeUndefined();
  });

  it('says in one sentence to install Java 17+ or set NEO4J_URI when java is not on the PATH', async () => {
    const env = { PATH: tempDir('kg-empty-path-') };
    const err = await ensureLauncherBuilt({ env }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(LauncherPrerequisiteError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/Java 17\+/);
    expect(msg).toMatch(/install a JDK 17 or newer/);
    expect(msg).toMatch(/NEO4J_URI/);
    expect(msg).not.toMatch(/\.\s+[A-Z]/); // one sentence
    expect(msg).not.toMatch(/\n/);

    // startEmbeddedNeo4j fails the same way, before spawning anything
    await expect(startEmbeddedNeo4j({ homeDir: tempDir('kg-embedded-nojava-'), env })).rejects.toThrow(/Java 17\+/);
  });

  it('rejects a Java older than 17', async () => {
    const env = { PATH: fakeJavaDir(`echo 'java version "1.8.0_292"' >&2`) };
    await expect(ensureLauncherBuilt({ env })).rejects.toThrow(/is Java 8: install a JDK 17 or newer.*NEO4J_URI/);
  });

  it('says to install Apache Maven when the launcher needs building and mvn is missing', async () => {
    // A copy of the launcher sources without target/, and a PATH with java but no mvn.
    const root = tempDir('kg-fake-repo-');
    fs.cpSync(path.join(REPO_ROOT, 'neo4j-launcher', 'pom.xml'), path.join(root, 'neo4j-launcher', 'pom.xml'));
    fs.cpSync(path.join(REPO_ROOT, 'neo4j-launcher', 'src'), path.join(root, 'neo4j-launcher', 'src'), { recursive: true });
    const realJava = findExecutable('java');
    expect(realJava).toBeDefined();
    const bin = tempDir('kg-java-only-');
    fs.symlinkSync(fs.realpathSync(realJava as string), path.join(bin, 'java'));

    const err = await ensureLauncherBuilt({ env: { PATH: bin }, repoRoot: root }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(LauncherPrerequisiteError);
    expect((err as Error).message).toMatch(/install Apache Maven.*or set NEO4J_URI/);
  });

  it('finds the checkout launcher up to date after globalSetup (no rebuild)', async () => {
    const logs: string[] = [];
    const res = await ensureLauncherBuilt({ log: (l) => logs.push(l) });
    expect(res.built).toBe(false);
    expect(res.java.major).toBeGreaterThanOrEqual(17);
    expect(logs).toEqual([]);
  });
});

describe('shared test database (test/support/db.ts)', () => {
  afterAll(() => closeTestDriver());

  it('is reachable through testDriver()', async () => {
    expect(testNeo4jConfig().uri).toMatch(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//);
    const { records } = await testDriver().executeQuery('RETURN 1 AS one', {}, { database: testDatabase() });
    expect(num(records[0].get('one'))).toBe(1);
  });

  it('wipe() removes all nodes and relationships in batches but keeps constraints and indexes', async () => {
    const driver = testDriver();
    const database = testDatabase();
    await driver.executeQuery(
      'CREATE CONSTRAINT kg_test_wipe_probe IF NOT EXISTS FOR (p:WipeProbe) REQUIRE p.id IS UNIQUE',
      {},
      { database },
    );
    try {
      await driver.executeQuery(
        'UNWIND range(1, 25000) AS i CREATE (p:WipeProbe {id: i}) WITH p, i WHERE i % 2 = 0 CREATE (p)-[:NEXT]->(:Other)',
        {},
        { database },
      );
      await wipe();
      const nodes = await driver.executeQuery('MATCH (n) RETURN count(n) AS c', {}, { database });
      const rels = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS c', {}, { database });
      expect(num(nodes.records[0].get('c'))).toBe(0);
      expect(num(rels.records[0].get('c'))).toBe(0);
      const constraints = await driver.executeQuery(
        "SHOW CONSTRAINTS YIELD name WHERE name = 'kg_test_wipe_probe' RETURN name",
        {},
        { database },
      );
      expect(constraints.records).toHaveLength(1);
    } finally {
      await driver.executeQuery('DROP CONSTRAINT kg_test_wipe_probe IF EXISTS', {}, { database });
    }
  });
});
