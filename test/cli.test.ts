import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { testNeo4jConfig, useTestDatabase } from './support/db';
import { articleDoc } from './support/documents';

/** Runs the CLI in this process against the test database and captures what it prints. */
async function kg(...argv: string[]): Promise<{ status: number; out: string }> {
  const cfg = testNeo4jConfig();
  const env = { NEO4J_URI: cfg.uri, NEO4J_USERNAME: cfg.username, NEO4J_PASSWORD: cfg.password, NEO4J_DATABASE: cfg.database };
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  try {
    return { status: await main(argv, env), out };
  } finally {
    spy.mockRestore();
  }
}

describe('kg, the command-line loader', () => {
  useTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'kg-cli-'));
  const good = join(dir, 'good.json');
  const bad = join(dir, 'bad.json');
  const lines = join(dir, 'batch.ndjson');
  writeFileSync(good, JSON.stringify(articleDoc('good')));
  const broken = articleDoc('bad');
  broken.entities[1].type = 'Persn';
  writeFileSync(bad, JSON.stringify(broken));
  writeFileSync(lines, [JSON.stringify(articleDoc('n1')), '{"format": "kg-article/1", "article": {', '', JSON.stringify(articleDoc('n2'))].join('\n'));

  it('when a good document is ingested, then it prints its counts and exits 0', async () => {
    const { status, out } = await kg('ingest', good);
    expect(status).toBe(0);
    expect(out).toMatch(/created\s+good .*: 4 entities \(4 new\), 1 events, 3 participations, 3 relations, 1 figures/);
    expect(out).toMatch(/1 documents: 1 created, 0 updated, 0 unchanged, 0 rejected/);
  });

  it('when a bad document is ingested, then it prints the problem with its path and exits 1', async () => {
    const { status, out } = await kg('ingest', bad);
    expect(status).toBe(1);
    expect(out).toContain('rejected  bad');
    expect(out).toContain('entities[1].type: unknown type "Persn"');
  });

  it('when an NDJSON line is broken, then it names the line and still loads the others', async () => {
    const { status, out } = await kg('ingest', lines);
    expect(status).toBe(1);
    expect(out).toContain(`${lines}:2`);
    expect(out).toMatch(/not valid JSON/);
    expect(out).toMatch(/2 created, 0 updated, 0 unchanged, 1 rejected/);
  });

  it('when a folder is ingested twice, then the second run reports every document unchanged', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kg-cli-folder-'));
    writeFileSync(join(folder, 'a.json'), JSON.stringify(articleDoc('fa')));
    writeFileSync(join(folder, 'b.json'), JSON.stringify(articleDoc('fb')));
    expect((await kg('ingest', folder)).status).toBe(0);
    const again = await kg('ingest', '--json', folder);
    expect(JSON.parse(again.out).totals).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it('validates without a database and rejects a missing file clearly', async () => {
    const { status, out } = await kg('validate', good, bad, join(dir, 'missing.json'));
    expect(status).toBe(1);
    expect(out).toContain(`valid    ${good}`);
    expect(out).toContain(`invalid  ${join(dir, 'missing.json')}`);
    expect(out).toContain('no such file or folder');
  });

  it('when --batch is given, then it loads that many documents per transaction with the same reports', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kg-cli-batch-'));
    for (const id of ['b1', 'b2', 'b3']) writeFileSync(join(folder, `${id}.json`), JSON.stringify(articleDoc(id)));
    writeFileSync(join(folder, 'b4.json'), JSON.stringify(broken));
    const { status, out } = await kg('ingest', '--batch', '2', folder, lines);
    expect(status).toBe(1);
    expect(out).toMatch(/created\s+b1 .*: 4 entities \(4 new\)/);
    expect(out).toMatch(/created\s+b2 .*: 4 entities \(0 new\)/);
    expect(out).toContain('entities[1].type: unknown type "Persn"');
    expect(out).toMatch(/7 documents: 5 created, 0 updated, 0 unchanged, 2 rejected/);
    const again = await kg('ingest', '--json', '--batch=50', folder);
    expect(JSON.parse(again.out).totals).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 1 });
  });

  it.each([
    [['--batch', '0'], 'not "0"'],
    [['--batch', 'lots'], 'not "lots"'],
    [['--batch=2.5'], 'not "2.5"'],
    [['--batch', '1001'], 'from 1 to 1000'],
    [['--batch'], '--batch needs a value'],
  ])('when --batch is given %j, then it says what is wrong, loads nothing and exits 2', async (args, message) => {
    let err = '';
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += chunk.toString();
      return true;
    });
    try {
      const { status, out } = await kg('ingest', good, ...args);
      expect(status).toBe(2);
      expect(out).toBe('');
    } finally {
      stderr.mockRestore();
    }
    expect(err).toContain('kg: --batch');
    expect(err).toContain(message);
  });

  it('prints its usage and exits 2 when called wrongly', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect((await kg('ingest')).status).toBe(2);
      expect((await kg('frobnicate')).status).toBe(2);
    } finally {
      stderr.mockRestore();
    }
  });
});
