/** loadConfig: defaults, and one clear message per bad value, all collected into one error. */
import * as path from 'path';
import { ConfigError, loadConfig, parseByteSize } from '../src/config';

const REPO_ROOT = path.resolve(__dirname, '..');

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('loadConfig did not throw');
}

describe('loadConfig', () => {
  it('has safe defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.production).toBe(false);
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.embedded).toEqual({ dataDir: path.join(REPO_ROOT, 'data', 'neo4j'), heap: '1g', pageCache: '256m', port: 7687, maxRestarts: 5 });
    expect(c.auth).toEqual({ editorKeys: [], readerKeys: [], readsRequireKey: false });
    expect(c.limits).toEqual({
      transactionTimeoutMs: 15000,
      maxDepth: 12,
      maxCost: 50_000,
      maxAliases: 50,
      bodyLimit: '2mb',
      bodyLimitBytes: 2 * 1024 * 1024,
    });
    expect(c.corsOrigins).toEqual([]);
    expect(c.logLevel).toBe('info');
    expect(c.seed).toBe(true);
    expect(c.paths.repoRoot).toBe(REPO_ROOT);
    expect(c.paths.seedDir).toBe(path.join(REPO_ROOT, 'seed'));
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      NODE_ENV: 'production',
      NEO4J_URI: 'neo4j+s://db.example.org',
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: 'pw with spaces',
      NEO4J_DATABASE: 'kg',
      KG_DATA_DIR: '/tmp/kg-data',
      KG_EMBEDDED_HEAP: '2g',
      KG_EMBEDDED_PAGECACHE: '512m',
      KG_EMBEDDED_PORT: '7999',
      KG_EDITOR_KEYS: 'e'.repeat(16) + ', ' + 'f'.repeat(20),
      KG_READER_KEYS: 'r'.repeat(32),
      KG_READS_REQUIRE_KEY: 'true',
      KG_TX_TIMEOUT_MS: '3000',
      KG_MAX_QUERY_DEPTH: '8',
      KG_MAX_QUERY_COST: '100',
      KG_MAX_ALIASES: '5',
      KG_BODY_LIMIT: '512kb',
      KG_CORS_ORIGINS: 'https://app.example.org, http://localhost:5173/',
      LOG_LEVEL: 'DEBUG',
      KG_SEED: 'false',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      production: true,
      neo4j: { uri: 'neo4j+s://db.example.org', username: 'neo4j', password: 'pw with spaces', database: 'kg' },
      embedded: { dataDir: '/tmp/kg-data', heap: '2g', pageCache: '512m', port: 7999, maxRestarts: 5 },
      auth: { editorKeys: ['e'.repeat(16), 'f'.repeat(20)], readerKeys: ['r'.repeat(32)], readsRequireKey: true },
      limits: { transactionTimeoutMs: 3000, maxDepth: 8, maxCost: 100, maxAliases: 5, bodyLimit: '512kb', bodyLimitBytes: 512 * 1024 },
      corsOrigins: ['https://app.example.org', 'http://localhost:5173'],
      logLevel: 'debug',
      seed: false,
    });
  });

  it('names every bad value in one error, without echoing API keys', () => {
    const secretShortKey = 'short-secret';
    const problems = problemsOf({
      PORT: 'eighty',
      NEO4J_URI: 'http://db:7474',
      NEO4J_PASSWORD: 'x',
      KG_EMBEDDED_HEAP: 'lots',
      KG_EMBEDDED_PAGECACHE: '1 TB',
      KG_EMBEDDED_PORT: '70000',
      KG_EDITOR_KEYS: secretShortKey,
      KG_READS_REQUIRE_KEY: 'maybe',
      KG_TX_TIMEOUT_MS: '-5',
      KG_MAX_QUERY_DEPTH: '0',
      KG_MAX_QUERY_COST: '1.5',
      KG_MAX_ALIASES: 'many',
      KG_BODY_LIMIT: 'huge',
      KG_CORS_ORIGINS: '*,https://ok.example.org/path',
      LOG_LEVEL: 'loud',
      KG_SEED: 'perhaps',
    });
    const named = [
      'PORT',
      'NEO4J_URI',
      'NEO4J_PASSWORD',
      'KG_EMBEDDED_HEAP',
      'KG_EMBEDDED_PAGECACHE',
      'KG_EMBEDDED_PORT',
      'KG_EDITOR_KEYS',
      'KG_READS_REQUIRE_KEY',
      'KG_TX_TIMEOUT_MS',
      'KG_MAX_QUERY_DEPTH',
      'KG_MAX_QUERY_COST',
      'KG_MAX_ALIASES',
      'KG_BODY_LIMIT',
      'KG_CORS_ORIGINS',
      'LOG_LEVEL',
      'KG_SEED',
    ];
    for (const name of named) expect(problems.some((p) => p.startsWith(name))).toBe(true);
    expect(problems.filter((p) => p.startsWith('KG_CORS_ORIGINS'))).toHaveLength(2);
    expect(problems.join('\n')).not.toContain(secretShortKey);
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', KG_MAX_ALIASES: 'many' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/Invalid configuration \(2 problems\)/);
    expect(message).toMatch(/PORT must be a whole number/);
    expect(message).toMatch(/KG_MAX_ALIASES must be a whole number/);
  });

  it('when only one of NEO4J_USERNAME and NEO4J_PASSWORD is set, start-up stops with an error naming both', () => {
    const uri = 'bolt://db:7687';
    for (const env of [{ NEO4J_URI: uri, NEO4J_USERNAME: 'neo4j' }, { NEO4J_URI: uri, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: '' }, { NEO4J_URI: uri, NEO4J_PASSWORD: 'secret-pw' }]) {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^NEO4J_(USERNAME|PASSWORD) is set but NEO4J_(USERNAME|PASSWORD) is not; set both NEO4J_USERNAME and NEO4J_PASSWORD/);
      expect(problems[0]).not.toContain('secret-pw');
    }
    // both, or neither, start
    expect(loadConfig({ NEO4J_URI: uri, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: 'secret-pw' }).neo4j).toMatchObject({ username: 'neo4j', password: 'secret-pw' });
    expect(loadConfig({ NEO4J_URI: uri }).neo4j.username).toBeUndefined();
  });

  it('refuses a key listed for two roles, duplicates, and reads-require-key without keys', () => {
    const k = 'k'.repeat(20);
    expect(problemsOf({ KG_EDITOR_KEYS: k, KG_READER_KEYS: k })).toEqual([
      'KG_READER_KEYS: key #1 is also listed in KG_EDITOR_KEYS; a key has one role',
    ]);
    expect(problemsOf({ KG_EDITOR_KEYS: `${k},${k}` })).toEqual(['KG_EDITOR_KEYS lists the same key more than once']);
    expect(problemsOf({ KG_READS_REQUIRE_KEY: '1' })[0]).toMatch(/^KG_READS_REQUIRE_KEY is true but no key is configured/);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '  ', KG_SEED: '' })).toMatchObject({ port: 4000, neo4j: { uri: undefined }, seed: true });
  });

  it('parses body sizes like express does', () => {
    expect(parseByteSize('2mb')).toBe(2 * 1024 * 1024);
    expect(parseByteSize('100KB')).toBe(100 * 1024);
    expect(parseByteSize('4096')).toBe(4096);
    expect(parseByteSize('2 megabytes')).toBeUndefined();
  });
});
