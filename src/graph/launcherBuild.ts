/**
 * Locating, checking and (re)building the Java launcher of the embedded Neo4j
 * (`neo4j-launcher/`, a small Maven project). See `embedded.ts` for why it exists.
 *
 * Every function takes an optional `env` (default `process.env`) used both to find
 * `java`/`mvn` on its PATH and as the environment of the commands it runs, so that the
 * "Java is missing" path can be exercised by passing a PATH without Java.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { findRepoRoot } from '../config';

/** A required tool (Java 17+ or Maven) is missing or too old. */
export class LauncherPrerequisiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LauncherPrerequisiteError';
  }
}

export interface LauncherPaths {
  repoRoot: string;
  launcherDir: string;
  pom: string;
  source: string;
  classesDir: string;
  classFile: string;
  libDir: string;
  /** Written after each successful build; its mtime marks the build. */
  stampFile: string;
}

export interface LauncherBuildOptions {
  /** Environment used to find `java`/`mvn` and to run them. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Repository root holding `neo4j-launcher/`. Default: found upwards from this module. */
  repoRoot?: string;
  /** Where progress lines go. Default: `process.stderr`. */
  log?: (line: string) => void;
  /** Build even if the output looks up to date. */
  force?: boolean;
}

export interface LauncherBuildResult {
  /** Whether Maven ran. */
  built: boolean;
  paths: LauncherPaths;
  java: JavaInfo;
}

export interface JavaInfo {
  /** Absolute path of the `java` executable that will run the launcher. */
  path: string;
  major: number;
  versionLine: string;
}

export const MIN_JAVA_MAJOR = 17;

const NEO4J_URI_HINT = 'or set NEO4J_URI to an existing Neo4j 5 server';

export { findRepoRoot };

export function launcherPaths(repoRoot: string = findRepoRoot()): LauncherPaths {
  const launcherDir = path.join(repoRoot, 'neo4j-launcher');
  const target = path.join(launcherDir, 'target');
  return {
    repoRoot,
    launcherDir,
    pom: path.join(launcherDir, 'pom.xml'),
    source: path.join(launcherDir, 'src', 'main', 'java', 'kg', 'launcher', 'Launcher.java'),
    classesDir: path.join(target, 'classes'),
    classFile: path.join(target, 'classes', 'kg', 'launcher', 'Launcher.class'),
    libDir: path.join(target, 'lib'),
    stampFile: path.join(target, '.kg-launcher-built'),
  };
}

/** Finds an executable by name on `env.PATH` (like `which`); undefined if absent. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      if (fs.statSync(candidate).isFile()) {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      }
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Parses the major version out of `java -version` output (`"17.0.15"`, `"1.8.0_292"`, `"21"`). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

/**
 * Finds `java` on the PATH of `env` (JAVA_HOME is not consulted: the PATH decides, as it does
 * for Maven's own `mvn` script when JAVA_HOME is unset) and checks it is 17 or newer.
 * Throws {@link LauncherPrerequisiteError} with one sentence saying what to install.
 */
export function checkJava(env: NodeJS.ProcessEnv = process.env): JavaInfo {
  const javaPath = findExecutable('java', env);
  if (!javaPath) {
    throw new LauncherPrerequisiteError(
      `The embedded Neo4j needs Java ${MIN_JAVA_MAJOR}+ but no \`java\` is on the PATH: install a JDK ${MIN_JAVA_MAJOR} or newer ` +
        `(e.g. \`apt-get install openjdk-17-jdk-headless\`) ${NEO4J_URI_HINT}.`,
    );
  }
  const res = spawnSync(javaPath, ['-version'], { env, encoding: 'utf8', timeout: 30_000 });
  const output = `${res.stderr ?? ''}\n${res.stdout ?? ''}`;
  const major = parseJavaMajor(output);
  const versionLine = output.split('\n').find((l) => l.includes('version')) ?? output.trim();
  if (res.error || major === undefined) {
    throw new LauncherPrerequisiteError(
      `The embedded Neo4j needs Java ${MIN_JAVA_MAJOR}+ but \`${javaPath} -version\` did not report a version ` +
        `(${res.error ? res.error.message : versionLine.trim() || 'no output'}): install a JDK ${MIN_JAVA_MAJOR} or newer ${NEO4J_URI_HINT}.`,
    );
  }
  if (major < MIN_JAVA_MAJOR) {
    throw new LauncherPrerequisiteError(
      `The embedded Neo4j needs Java ${MIN_JAVA_MAJOR}+ but ${javaPath} is Java ${major}: install a JDK ${MIN_JAVA_MAJOR} or newer ` +
        `and put it first on the PATH ${NEO4J_URI_HINT}.`,
    );
  }
  return { path: javaPath, major, versionLine: versionLine.trim() };
}

function mtimeMs(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Whether `target/` holds a usable build newer than pom.xml and Launcher.java. The build time is
 * the stamp file's mtime when present (Maven leaves an unchanged lib/ untouched, so its mtime alone
 * would say "stale" forever after a `touch pom.xml`), else the older of the class file and lib/.
 */
export function launcherUpToDate(paths: LauncherPaths): boolean {
  const classTime = mtimeMs(paths.classFile);
  if (classTime === undefined) return false;
  let jars: string[];
  try {
    jars = fs.readdirSync(paths.libDir).filter((f) => f.endsWith('.jar'));
  } catch {
    return false;
  }
  if (jars.length === 0) return false;
  const builtAt = mtimeMs(paths.stampFile) ?? Math.min(classTime, mtimeMs(paths.libDir) ?? 0);
  const sourcesAt = Math.max(mtimeMs(paths.pom) ?? Infinity, mtimeMs(paths.source) ?? 0);
  return builtAt >= sourcesAt;
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

const inFlight = new Map<string, Promise<LauncherBuildResult>>();

/**
 * Makes sure Java 17+ is available and the launcher is compiled, running
 * `mvn -q -B -f <pom> package -DskipTests` when `target/` is missing or older than its sources.
 * Concurrent calls in one process share one build.
 */
export function ensureLauncherBuilt(opts: LauncherBuildOptions = {}): Promise<LauncherBuildResult> {
  const paths = launcherPaths(opts.repoRoot ?? findRepoRoot());
  if (!fs.existsSync(paths.pom)) {
    throw new Error(
      `Cannot find neo4j-launcher/pom.xml in ${paths.repoRoot}, so the embedded Neo4j is unavailable here: run from a ` +
        `checkout of the repository ${NEO4J_URI_HINT}.`,
    );
  }
  const key = `${paths.repoRoot}\0${opts.env?.PATH ?? process.env.PATH}\0${opts.force ? 1 : 0}`;
  const running = inFlight.get(key);
  if (running) return running;
  const p = doEnsure(paths, opts).finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}

async function doEnsure(paths: LauncherPaths, opts: LauncherBuildOptions): Promise<LauncherBuildResult> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const java = checkJava(env);
  if (!opts.force && launcherUpToDate(paths)) return { built: false, paths, java };

  const mvn = findExecutable('mvn', env);
  if (!mvn) {
    throw new LauncherPrerequisiteError(
      `The embedded Neo4j launcher (neo4j-launcher/) must be built once but Apache Maven (\`mvn\`) is not on the PATH: ` +
        `install Apache Maven 3.6+ (e.g. \`apt-get install maven\`) ${NEO4J_URI_HINT}.`,
    );
  }
  log(
    `[embedded-neo4j] building ${path.relative(process.cwd(), paths.launcherDir) || paths.launcherDir} with Maven ` +
      `(the first run downloads about 160 MB of Neo4j jars into ~/.m2) ...`,
  );
  const started = Date.now();
  const args = ['-q', '-B', '-f', paths.pom, 'package', '-DskipTests'];
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(mvn, args, { env, cwd: paths.launcherDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const collect = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.length > 200_000) out = out.slice(-100_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, output: out }));
  });
  if (code !== 0 || !fs.existsSync(paths.classFile)) {
    throw new Error(
      `Building the embedded Neo4j launcher failed (\`mvn ${args.join(' ')}\` exited with ${code}); Maven's output ends with:\n` +
        tail(output),
    );
  }
  fs.writeFileSync(paths.stampFile, `${new Date().toISOString()}\n`);
  log(`[embedded-neo4j] launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { built: true, paths, java };
}
