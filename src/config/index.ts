/**
 * Every setting of the server, read from environment variables and validated once at start-up.
 *
 * `loadConfig` collects every problem and throws ONE `ConfigError` listing them all (one line per bad
 * variable, naming it), so a misconfigured deployment is fixed in one round trip. Values of secrets
 * (API keys, the Neo4j password) never appear in messages.
 */
import * as fs from 'fs';
import * as path from 'path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  /** HTTP port; 0 picks a free one */
  port: number;
  /** interface to listen on; 127.0.0.1 unless HOST says otherwise */
  host: string;
  nodeEnv: string;
  /** NODE_ENV === 'production': no introspection, no landing page, no schema hints in errors */
  production: boolean;
  neo4j: {
    /** absent: start the embedded Neo4j */
    uri?: string;
    username?: string;
    password?: string;
    database?: string;
  };
  embedded: {
    dataDir: string;
    heap: string;
    pageCache: string;
    /** Bolt port of the embedded server on 127.0.0.1; 0 picks a free one */
    port: number;
    /** restarts in a row of a crashed embedded Neo4j before /health fails */
    maxRestarts: number;
  };
  auth: {
    editorKeys: string[];
    readerKeys: string[];
    readsRequireKey: boolean;
  };
  limits: {
    transactionTimeoutMs: number;
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    /** as written in KG_BODY_LIMIT, e.g. '2mb' */
    bodyLimit: string;
    bodyLimitBytes: number;
  };
  /** exact origins allowed to call the API from a browser; empty = same-origin only */
  corsOrigins: string[];
  logLevel: LogLevel;
  /** load seed/ at start when the embedded database is used */
  seed: boolean;
  paths: {
    /** repository root (holds seed/ and neo4j-launcher/), found from this file's location */
    repoRoot: string;
    seedDir: string;
  };
  /** non-fatal remarks (e.g. settings that are ignored), logged at start-up */
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * THE repository root finder: the nearest directory at or above `start` holding package.json and seed/ or
 * neo4j-launcher/ (from src/... under ts-jest or tsx and from dist/src/... alike); the working directory
 * when there is none.
 */
export function findRepoRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    if (
      fs.existsSync(path.join(dir, 'package.json')) &&
      (fs.existsSync(path.join(dir, 'neo4j-launcher')) || fs.existsSync(path.join(dir, 'seed')))
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

const MIN_KEY_LENGTH = 16;
const NEO4J_URI_RE = /^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s/]+/;
const MEMORY_RE = /^\d+[kmgKMG]?$/;
const BODY_LIMIT_RE = /^(\d+)\s*(b|kb|mb|gb)?$/i;

class Reader {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** the trimmed value, or undefined when unset or blank */
  raw(name: string): string | undefined {
    const v = this.env[name];
    if (v === undefined) return undefined;
    const t = v.trim();
    return t === '' ? undefined : t;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^-?\d+$/.test(v)) {
      this.problems.push(`${name} must be a whole number between ${min} and ${max}; got ${JSON.stringify(v)}`);
      return fallback;
    }
    const n = Number(v);
    if (n < min || n > max) {
      this.problems.push(`${name} must be between ${min} and ${max}; got ${n}`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const l = v.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(l)) return true;
    if (['false', '0', 'no', 'off'].includes(l)) return false;
    this.problems.push(`${name} must be true or false; got ${JSON.stringify(v)}`);
    return fallback;
  }

  list(name: string): string[] {
    const v = this.raw(name);
    if (v === undefined) return [];
    return v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  /** API keys: never echoed, only their position and length are named */
  keys(name: string): string[] {
    const keys = this.list(name);
    keys.forEach((key, i) => {
      if (key.length < MIN_KEY_LENGTH) {
        this.problems.push(`${name}: key #${i + 1} is ${key.length} characters long; every key needs at least ${MIN_KEY_LENGTH}`);
      } else if (/\s/.test(key)) {
        this.problems.push(`${name}: key #${i + 1} contains whitespace`);
      }
    });
    if (new Set(keys).size !== keys.length) this.problems.push(`${name} lists the same key more than once`);
    return keys;
  }
}

/** Parses '2mb', '512kb', '1048576' (bytes) the way express.json's `limit` does (1kb = 1024 bytes). */
export function parseByteSize(text: string): number | undefined {
  const m = BODY_LIMIT_RE.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[unit as 'b' | 'kb' | 'mb' | 'gb'];
  return Number(m[1]) * factor;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = new Reader(env);
  const repoRoot = findRepoRoot();

  const port = r.int('PORT', 4000, 0, 65535);
  const host = r.string('HOST', '127.0.0.1');
  const nodeEnv = r.string('NODE_ENV', 'development');

  // ---- Neo4j
  const uri = r.raw('NEO4J_URI');
  if (uri !== undefined && !NEO4J_URI_RE.test(uri)) {
    r.problems.push(
      `NEO4J_URI must look like bolt://host:7687 or neo4j+s://host (schemes neo4j, neo4j+s, neo4j+ssc, bolt, bolt+s, bolt+ssc); got ${JSON.stringify(uri)}`,
    );
  }
  const username = r.raw('NEO4J_USERNAME');
  const password = env.NEO4J_PASSWORD; // not trimmed: a password may legitimately have spaces
  // both or neither: a username without a password would connect without auth (or fail at the first query)
  const hasPassword = password !== undefined && password !== '';
  if (hasPassword && username === undefined) {
    r.problems.push('NEO4J_PASSWORD is set but NEO4J_USERNAME is not; set both NEO4J_USERNAME and NEO4J_PASSWORD (or neither, for a server without auth)');
  } else if (username !== undefined && !hasPassword) {
    r.problems.push('NEO4J_USERNAME is set but NEO4J_PASSWORD is not; set both NEO4J_USERNAME and NEO4J_PASSWORD (or neither, for a server without auth)');
  }
  const database = r.raw('NEO4J_DATABASE');
  if (database !== undefined && !/^[A-Za-z0-9][A-Za-z0-9.\-_]{0,62}$/.test(database)) {
    r.problems.push(`NEO4J_DATABASE is not a valid Neo4j database name; got ${JSON.stringify(database)}`);
  }
  if (uri === undefined && (username !== undefined || database !== undefined)) {
    r.warnings.push('NEO4J_USERNAME / NEO4J_DATABASE are ignored because NEO4J_URI is not set (the embedded Neo4j is used)');
  }

  // ---- embedded Neo4j
  const dataDir = path.resolve(r.string('KG_DATA_DIR', path.join(repoRoot, 'data', 'neo4j')));
  const heap = r.string('KG_EMBEDDED_HEAP', '1g');
  if (!MEMORY_RE.test(heap)) r.problems.push(`KG_EMBEDDED_HEAP must be a size like 512m or 1g; got ${JSON.stringify(heap)}`);
  const pageCache = r.string('KG_EMBEDDED_PAGECACHE', '256m');
  if (!MEMORY_RE.test(pageCache)) {
    r.problems.push(`KG_EMBEDDED_PAGECACHE must be a size like 256m or 1g; got ${JSON.stringify(pageCache)}`);
  }
  const embeddedPort = r.int('KG_EMBEDDED_PORT', 7687, 0, 65535);
  const maxRestarts = r.int('KG_EMBEDDED_MAX_RESTARTS', 5, 0, 1000);

  // ---- auth
  const editorKeys = r.keys('KG_EDITOR_KEYS');
  const readerKeys = r.keys('KG_READER_KEYS');
  const editorSet = new Set(editorKeys);
  readerKeys.forEach((key, i) => {
    if (editorSet.has(key)) r.problems.push(`KG_READER_KEYS: key #${i + 1} is also listed in KG_EDITOR_KEYS; a key has one role`);
  });
  const readsRequireKey = r.bool('KG_READS_REQUIRE_KEY', false);
  if (readsRequireKey && editorKeys.length + readerKeys.length === 0) {
    r.problems.push('KG_READS_REQUIRE_KEY is true but no key is configured in KG_READER_KEYS or KG_EDITOR_KEYS: nobody could use the API');
  }

  // ---- limits
  const transactionTimeoutMs = r.int('KG_TX_TIMEOUT_MS', 15_000, 100, 600_000);
  const maxDepth = r.int('KG_MAX_QUERY_DEPTH', 12, 1, 1000);
  const maxCost = r.int('KG_MAX_QUERY_COST', 50_000, 1, 1_000_000_000);
  const maxAliases = r.int('KG_MAX_ALIASES', 50, 0, 100_000);
  const bodyLimit = r.string('KG_BODY_LIMIT', '2mb');
  let bodyLimitBytes = parseByteSize(bodyLimit);
  if (bodyLimitBytes === undefined || bodyLimitBytes < 1024 || bodyLimitBytes > 1024 ** 3) {
    r.problems.push(`KG_BODY_LIMIT must be a size between 1kb and 1gb like 512kb or 2mb; got ${JSON.stringify(bodyLimit)}`);
    bodyLimitBytes = 2 * 1024 ** 2;
  }

  // ---- CORS
  const corsOrigins: string[] = [];
  for (const origin of r.list('KG_CORS_ORIGINS')) {
    if (origin === '*') {
      r.problems.push('KG_CORS_ORIGINS must list exact origins (https://app.example.org); "*" is not allowed');
      continue;
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    const normalized = origin.replace(/\/$/, '');
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== normalized) {
      r.problems.push(
        `KG_CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin (scheme://host[:port], no path), e.g. https://app.example.org`,
      );
      continue;
    }
    corsOrigins.push(parsed.origin);
  }

  // ---- misc
  const logLevel = r.string('LOG_LEVEL', 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) r.problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(env.LOG_LEVEL)}`);
  const seed = r.bool('KG_SEED', true);
  if (uri !== undefined && r.raw('KG_SEED') !== undefined && seed) {
    r.warnings.push('KG_SEED only applies to the embedded Neo4j; with NEO4J_URI load data with `kg ingest` / `kg seed`');
  }

  if (r.problems.length > 0) throw new ConfigError(r.problems);

  return {
    port,
    host,
    nodeEnv,
    production: nodeEnv === 'production',
    neo4j: { uri, username, password: username !== undefined ? password ?? '' : undefined, database },
    embedded: { dataDir, heap, pageCache, port: embeddedPort, maxRestarts },
    auth: { editorKeys, readerKeys, readsRequireKey },
    limits: { transactionTimeoutMs, maxDepth, maxCost, maxAliases, bodyLimit, bodyLimitBytes },
    corsOrigins,
    logLevel,
    seed,
    paths: {
      repoRoot,
      seedDir: path.join(repoRoot, 'seed'),
    },
    warnings: r.warnings,
  };
}
