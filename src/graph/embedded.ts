/**
 * Embedded Neo4j for tests and local development, without Docker.
 *
 * Why it is built this way:
 * - Neo4j is a JVM database and has no npm-installable server; the machines this project runs
 *   on (developers' and CI's) have no Docker engine, but they do reach Maven Central. So
 *   `neo4j-launcher/` is a ~100-line Java program that starts Neo4j Community *embedded*
 *   (`DatabaseManagementServiceBuilder`, same engine and Cypher as the server) with only a Bolt
 *   connector on 127.0.0.1 and auth disabled. The Node side talks to it with the ordinary
 *   `neo4j-driver`, exactly as it would to a real server, so nothing in the app knows the
 *   difference and `NEO4J_URI` can point at a real server instead.
 * - The launcher is compiled by Maven on first use (`ensureLauncherBuilt`) and run from
 *   `target/classes` + `target/lib/*.jar` rather than a shaded jar, because Neo4j relies on many
 *   `META-INF/services` files that shading would have to merge by hand.
 * - Readiness is a single stdout line `NEO4J_BOLT_READY bolt://127.0.0.1:<port>` printed once Bolt
 *   accepts connections; port 0 lets the JVM pick a free port, so parallel instances (several
 *   checkouts, or a test that starts a second database) never collide.
 * - It runs in a process group of its own, so that a Ctrl-C at the terminal is ours to handle: we stop it
 *   once what is in flight has finished.
 * - The child can never outlive us: SIGTERM on `stop()`, SIGTERM from a process 'exit' hook, and,
 *   for a parent killed with SIGKILL, the launcher exits by itself when its stdin pipe (whose other
 *   end only this process holds) closes.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ensureLauncherBuilt, LauncherBuildOptions } from './launcherBuild';

export {
  checkJava,
  ensureLauncherBuilt,
  findExecutable,
  findRepoRoot,
  launcherPaths,
  launcherUpToDate,
  LauncherPrerequisiteError,
  MIN_JAVA_MAJOR,
  parseJavaMajor,
} from './launcherBuild';
export type { JavaInfo, LauncherBuildOptions, LauncherBuildResult, LauncherPaths } from './launcherBuild';

export const READY_MARKER = 'NEO4J_BOLT_READY';
export const DEFAULT_READY_TIMEOUT_MS = 120_000;
export const DEFAULT_STOP_TIMEOUT_MS = 20_000;

export interface EmbeddedNeo4jOptions {
  /** Directory for the store and logs; created if missing. One running instance per directory. */
  homeDir: string;
  /** Bolt port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** JVM heap, `-Xmx` syntax. Default '512m'. */
  heap?: string;
  /** Neo4j page cache, e.g. '128m' (default). */
  pageCache?: string;
  /** Receives progress lines and the launcher's own output (stderr/stdout), one line per call. */
  log?: (line: string) => void;
  /** Environment for finding/running java and mvn. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Repository root holding `neo4j-launcher/`. Default: found upwards from this module. */
  repoRoot?: string;
  /** How long to wait for the ready line. Default 120 s. */
  readyTimeoutMs?: number;
  /** Extra JVM options placed before the class name. */
  jvmArgs?: string[];
}

/** How the launcher ended: its exit code or signal, and the last lines it printed (stderr, else stdout). */
export interface EmbeddedExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

export interface EmbeddedNeo4j {
  /** `bolt://127.0.0.1:<port>` */
  uri: string;
  pid: number;
  /** resolves once the process has ended and its output is read, however it ended (stop, crash, kill -9) */
  exited: Promise<EmbeddedExit>;
  /** SIGTERM, then SIGKILL after 20 s; resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
}

// ---- cleanup of children on parent exit --------------------------------------------------------

const liveChildren = new Set<ChildProcessWithoutNullStreams>();
let exitHookInstalled = false;

function track(child: ChildProcessWithoutNullStreams): void {
  liveChildren.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // 'exit' handlers must be synchronous: sending a signal is. SIGTERM lets Neo4j close its
    // store cleanly; the closing stdin pipe is the backstop if the signal is somehow lost.
    process.on('exit', () => {
      for (const c of liveChildren) {
        try {
          c.kill('SIGTERM');
        } catch {
          // already gone
        }
      }
    });
  }
}

// ---- start ---------------------------------------------------------------------------------

function jvmOptions(heap: string): string[] {
  return [
    `-Xmx${heap}`,
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
  ];
}

/** Keeps the last `maxLines` lines of a stream, for error messages. */
class LineTail {
  private lines: string[] = [];
  private partial = '';
  constructor(
    private readonly maxLines: number,
    private readonly onLine?: (line: string) => void,
  ) {}
  push(chunk: string): string[] {
    const parts = (this.partial + chunk).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      this.lines.push(line);
      if (this.lines.length > this.maxLines) this.lines.shift();
      this.onLine?.(line);
    }
    return parts;
  }
  text(): string {
    const all = this.partial ? [...this.lines, this.partial] : this.lines;
    return all.join('\n').trim();
  }
}

/**
 * Builds the launcher if needed (see `ensureLauncherBuilt`), starts Neo4j embedded in `homeDir`
 * and resolves once Bolt accepts connections.
 */
export async function startEmbeddedNeo4j(opts: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const { homeDir, port = 0, heap = '512m', pageCache = '128m', log, env = process.env } = opts;
  const readyTimeoutMs = opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const buildOpts: LauncherBuildOptions = { env, repoRoot: opts.repoRoot, log };
  const { paths, java } = await ensureLauncherBuilt(buildOpts);

  const home = path.resolve(homeDir);
  fs.mkdirSync(home, { recursive: true });
  const classpath = [paths.classesDir, path.join(paths.libDir, '*')].join(path.delimiter);
  const args = [
    ...jvmOptions(heap),
    ...(opts.jvmArgs ?? []),
    '-cp',
    classpath,
    'kg.launcher.Launcher',
    home,
    String(port),
    pageCache,
  ];

  const started = Date.now();
  // its own process group: a Ctrl-C at the terminal reaches only us, and we stop it after what is in flight
  // (`npm start` drains requests first, `kg ingest` lets its transaction finish)
  const child = spawn(java.path, args, { cwd: home, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  track(child);
  // Never write to stdin; just hold it open. Ignore EPIPE if the child dies first.
  child.stdin.on('error', () => undefined);

  const stderrTail = new LineTail(60, log && ((l) => log(`[neo4j] ${l}`)));
  const stdoutTail = new LineTail(20, log && ((l) => log(`[neo4j] ${l}`)));
  child.stderr.setEncoding('utf8');
  child.stdout.setEncoding('utf8');
  // Keep draining both pipes for the whole life of the child: a full pipe would block the JVM.
  child.stderr.on('data', (chunk: string) => stderrTail.push(chunk));

  const exited = new Promise<void>((resolve) => {
    const done = () => {
      liveChildren.delete(child);
      resolve();
    };
    child.once('exit', done);
    // A failed spawn (e.g. EACCES) emits 'error' and may never emit 'exit'.
    child.once('error', () => {
      if (child.pid === undefined) done();
    });
  });

  const uri = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const describe = (what: string) => {
      const tailText = stderrTail.text() || stdoutTail.text();
      return (
        `Embedded Neo4j (${java.path}, home ${home}) ${what}` +
        (tailText ? `; its output ends with:\n${tailText}` : '; it printed nothing.')
      );
    };
    const finish = (err: Error | undefined, value?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off('close', onExit);
      child.off('error', onError);
      if (err) reject(err);
      else resolve(value as string);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(new Error(describe(`exited before it was ready (code ${code}, signal ${signal})`)));
    const onError = (e: Error) => finish(new Error(describe(`could not be started: ${e.message}`)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new Error(describe(`was not ready after ${Math.round(readyTimeoutMs / 1000)} s and was killed`)));
    }, readyTimeoutMs);
    child.stdout.on('data', (chunk: string) => {
      for (const line of stdoutTail.push(chunk)) {
        const m = new RegExp(`^${READY_MARKER} (\\S+)`).exec(line.trim());
        if (m) finish(undefined, m[1]);
      }
    });
    // 'close', not 'exit': at 'exit' the pipes may still hold the JVM's last words (why it stopped), and the
    // report would say it printed nothing
    child.once('close', onExit);
    child.once('error', onError);
  }).catch(async (err: unknown) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    throw err;
  });

  const ended = new Promise<EmbeddedExit>((resolve) => {
    const report = (code: number | null, signal: NodeJS.Signals | null) =>
      resolve({ code, signal, output: stderrTail.text() || stdoutTail.text() });
    // 'close', not 'exit': the pipes may still hold the JVM's last words
    if (child.exitCode !== null || child.signalCode !== null) void exited.then(() => report(child.exitCode, child.signalCode));
    else child.once('close', report);
  });

  log?.(`[embedded-neo4j] ready at ${uri} (pid ${child.pid}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    if (stopping) return stopping;
    stopping = (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => {
        log?.(`[embedded-neo4j] pid ${child.pid} still running ${DEFAULT_STOP_TIMEOUT_MS / 1000} s after SIGTERM; sending SIGKILL`);
        child.kill('SIGKILL');
      }, DEFAULT_STOP_TIMEOUT_MS);
      try {
        await exited;
      } finally {
        clearTimeout(killTimer);
        child.stdin.destroy();
      }
    })();
    return stopping;
  };

  return { uri, pid: child.pid as number, exited: ended, stop };
}
