/**
 * Text a document gives is stored exactly as given or rejected by JSON path, never silently altered, and the
 * CLI (a file) and `ingestArticle` (over HTTP, the document as a JSON object in the variables or as a string
 * holding its text) agree on each case.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphDump } from './support/graphDump';
import { testDatabase, testDriver, useTestDatabase } from './support/db';
import { articleDoc } from './support/documents';
import { runKg } from './support/runKg';
import { EDITOR_KEY, startTestServer, testConfig, type TestServer } from './server.helpers';

jest.setTimeout(240_000);

const INGEST = 'mutation Load($doc: JSON!) { ingestArticle(document: $doc) { status articleId problems { path message } } }';
const dir = mkdtempSync(join(tmpdir(), 'kg-text-'));

/** The JSON text of a small good document, with `edit` applied to its text (to say what JSON.stringify cannot). */
const docText = (id: string, edit: (text: string) => string = (t) => t): string => edit(JSON.stringify(articleDoc(id)));
const JIN = '"name":"金锋"';

type Problems = Array<{ path: string; message: string }>;
/** the graph, but for the bookkeeping node a CLI run writes once (the name-key version) */
const dump = async (): Promise<string> =>
  (await graphDump(testDriver(), testDatabase()))
    .split('\n')
    .filter((line) => !line.includes('"GraphMeta"'))
    .join('\n');

async function viaCli(id: string, text: string): Promise<{ status: string; problems: Problems }> {
  const file = join(dir, `${id}.json`);
  writeFileSync(file, text, 'utf8');
  const { out } = await runKg('ingest', '--json', file);
  const report = JSON.parse(out).reports[0];
  return { status: report.status.toUpperCase(), problems: report.problems };
}

let t: TestServer;
/** the document as a JSON object: its text put into the request body as it is, duplicates and all */
async function viaHttpObject(text: string): Promise<{ http: number; status?: string; problems?: Problems; error?: string }> {
  const r = await t.post(`{"query":${JSON.stringify(INGEST)},"variables":{"doc":${text}}}`, { authorization: `Bearer ${EDITOR_KEY}` });
  const body = JSON.parse(r.text);
  if (body.data) {
    const { status, problems } = body.data.ingestArticle;
    return { http: r.status, status, problems };
  }
  return { http: r.status, error: `${body.errors[0].extensions.code}: ${body.errors[0].message}` };
}
/** the document as a string holding its text */
async function viaHttpString(text: string): Promise<{ status: string; problems: Problems }> {
  const r = await t.gql(INGEST, { variables: { doc: text }, key: EDITOR_KEY });
  const { status, problems } = r.body.data!.ingestArticle as { status: string; problems: Problems };
  return { status, problems };
}

describe('text a document gives is kept exactly or rejected by path, by the CLI and ingestArticle alike', () => {
  useTestDatabase();
  beforeAll(async () => {
    t = await startTestServer(testConfig(), { driver: testDriver(), schemaApplied: true });
  });
  afterAll(async () => t?.stop());

  it.each([
    ['a name holding a lone surrogate', (s: string) => s.replace(JIN, '"name":"金\\ud800锋"'), 'entities[1].name', /lone surrogate \(U\+D800 at character 2\)/],
    ['an attribute named __proto__', (s: string) => s.replace(JIN, `${JIN},"attributes":{"__proto__":"x"}`), 'entities[1].attributes.__proto__', /"__proto__" is not allowed/],
    ['attribute names " a" and "a"', (s: string) => s.replace(JIN, `${JIN},"attributes":{" a":1,"a":2}`), 'entities[1].attributes.a', /"a" is "a" once trimmed and NFC-normalised, as is " a": one value would be lost/],
    ['a name made only of a zero-width space', (s: string) => s.replace(JIN, '"name":"\\u200b"'), 'entities[1].name', /no visible character/],
    ['a member named twice', (s: string) => s.replace(JIN, `${JIN},"name":"金峰"`), 'entities[1].name', /duplicate member "name"/],
  ])('when a document has %s, then it is rejected at that path and nothing is written', async (_what, edit, path, message) => {
    const before = await dump();
    const cli = await viaCli('t-cli', docText('t-cli', edit));
    expect(cli.status).toBe('REJECTED');
    expect(cli.problems).toEqual([{ path, message: expect.stringMatching(message) }]);

    const asString = await viaHttpString(docText('t-cli', edit));
    expect(asString).toEqual(cli);

    const asObject = await viaHttpObject(docText('t-cli', edit));
    if (/duplicate/.test(String(message))) {
      // JSON.parse of the request body would keep the last value: the request is refused before that
      expect(asObject).toEqual({ http: 400, error: `BAD_REQUEST: the request body names a member twice, at variables.doc.${path}: each member of a JSON object must be named once` });
    } else {
      expect(asObject).toEqual({ http: 200, ...cli });
    }
    expect(await dump()).toBe(before);
  });

  it('when a file or a document string starts with a byte order mark, then it is read without it and loads as it would without', async () => {
    const cli = await viaCli('t-bom', `\ufeff${docText('t-bom')}`);
    expect(cli).toEqual({ status: 'CREATED', problems: [] });
    expect(await viaHttpString(`\ufeff${docText('t-bom')}`)).toMatchObject({ status: 'UNCHANGED', problems: [] });
    const { out } = await runKg('validate', join(dir, 't-bom.json'));
    expect(out).toBe(`valid    ${join(dir, 't-bom.json')}\n`);
  });

  /** a good document's bytes with the name 金锋's last byte replaced by 0xff: where that byte is, and the bytes */
  const badUtf8 = (id: string): { bytes: Buffer; at: number } => {
    const good = Buffer.from(docText(id), 'utf8');
    const at = good.indexOf(Buffer.from('金锋', 'utf8')) + 5; // 锋 is e9 94 8b: its third byte
    const bytes = Buffer.from(good);
    bytes[at] = 0xff;
    return { bytes, at };
  };

  it('when a file or an NDJSON line holds a byte that is not UTF-8, then the CLI rejects that document naming the byte offset, writes nothing of it, and loads the rest', async () => {
    const before = await dump();
    const { bytes, at } = badUtf8('t-utf8');
    const file = join(dir, 't-utf8.json');
    writeFileSync(file, bytes);
    // 锋's first two bytes are a sequence cut short by the 0xff: the bad sequence starts two bytes earlier
    const message = `not valid UTF-8 at byte offset ${at - 2} (e9 94): a document must be UTF-8 text`;
    const ingest = await runKg('ingest', '--json', file);
    expect(ingest.status).toBe(1);
    expect(JSON.parse(ingest.out).reports).toEqual([{ source: file, status: 'rejected', problems: [{ path: '', message }] }]);
    expect(await dump()).toBe(before);
    const validate = await runKg('validate', file);
    expect(validate.status).toBe(1);
    expect(validate.out).toBe(`invalid  ${file}\n    ${message}\n`);

    const ndjson = join(dir, 't-utf8.ndjson');
    const first = Buffer.from(`${docText('t-utf8-1')}\r\n\n`, 'utf8');
    writeFileSync(ndjson, Buffer.concat([first, badUtf8('t-utf8-3').bytes, Buffer.from(`\n${docText('t-utf8-4')}\n`)]));
    const lines = await runKg('ingest', '--json', ndjson);
    expect(lines.status).toBe(1);
    const reports = JSON.parse(lines.out).reports as Array<{ source: string; status: string; problems: Problems }>;
    const lineAt = badUtf8('t-utf8-3').at - 2;
    expect(reports.map((r) => [r.source, r.status, r.problems])).toEqual([
      [`${ndjson}:1`, 'created', []],
      [`${ndjson}:3`, 'rejected', [{ path: '', message: `not valid UTF-8 at byte offset ${lineAt} of the line, ${first.length + lineAt} of the file (e9 94): a document must be UTF-8 text` }]],
      [`${ndjson}:4`, 'created', []],
    ]);
  });

  it('when a request body holds a byte that is not UTF-8, then it is refused with 400 INVALID_UTF8 naming the byte offset, plain or compressed, and nothing is written', async () => {
    const before = await dump();
    const { bytes: doc, at } = badUtf8('t-utf8-http');
    const head = Buffer.from(`{"query":${JSON.stringify(INGEST)},"variables":{"doc":`, 'utf8');
    const body = Buffer.concat([head, doc, Buffer.from('}}')]);
    const expected = {
      errors: [{
        message: `the request body is not valid UTF-8 at byte offset ${head.length + at - 2} (e9 94): send JSON in UTF-8 (a bad byte is refused, not replaced by U+FFFD)`,
        extensions: { code: 'INVALID_UTF8' },
      }],
    };
    const send = async (payload: Buffer, headers: Record<string, string> = {}) => {
      const res = await fetch(`${t.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}`, ...headers },
        body: new Uint8Array(payload),
      });
      return { status: res.status, body: await res.json() };
    };
    // the lean path (plain UTF-8 JSON) and express's (a compressed body, inflated by body-parser)
    expect(await send(body)).toEqual({ status: 400, body: expected });
    expect(await send(gzipSync(body), { 'content-encoding': 'gzip' })).toEqual({ status: 400, body: expected });
    expect(await dump()).toBe(before);
  });

  it('when names hold a real U+FFFD, an astral character and inner white space, then they are stored exactly as given', async () => {
    const name = '金\ufffd锋 𠀀 x';
    expect(await viaCli('t-exact', docText('t-exact', (s) => s.replace(JIN, `"name":${JSON.stringify(name)}`)))).toEqual({ status: 'CREATED', problems: [] });
    const { records } = await testDriver().executeQuery(
      'MATCH (:Article {id: $id})-[m:MENTIONS]->(e) WHERE m.key = $key RETURN m.name AS said, e.name AS name',
      { id: 't-exact', key: 'jin' },
      { database: testDatabase() },
    );
    expect(records.map((r) => [r.get('said'), r.get('name')])).toEqual([[name, name]]);
  });
});
