/**
 * The optional LLM extractor, against a local HTTP server of this test's own that replays a recorded answer
 * (test/fixtures/llm-answer.json): no model is reachable here, and none is called.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { parseExtractArgs } from '../src/cli/extractCommand';
import { extractWithLlm, LlmError } from '../src/extract';
import { validateDocument } from '../src/ingest';

const TEXT =
  '7月12日，高邮经济开发区召开三季度项目推进会。开发区党工委副书记、管委会主任金锋主持会议，扬州大学副校长王建国出席会议。' +
  '今年上半年，开发区实现规模以上工业产值320亿元，同比增长8.5%。';
const ANSWER = readFileSync(join(__dirname, 'fixtures', 'llm-answer.json'), 'utf8');

let server: Server;
let base: string;
const requests: Array<{ url: string; auth?: string; body: Record<string, unknown> }> = [];

async function body(req: IncomingMessage): Promise<string> {
  let data = '';
  for await (const chunk of req) data += chunk;
  return data;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    requests.push({ url: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(await body(req)) });
    // a model that never answers, and one that sends the headers and part of the answer and then stalls
    if (req.url === '/stall/v1/chat/completions') return;
    if (req.url === '/stall-body/v1/chat/completions') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(ANSWER.slice(0, 40));
      return;
    }
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(ANSWER);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('kg extract --llm: an OpenAI-compatible endpoint behind the same interface', () => {
  test('when the model answers, then facts with verbatim evidence are kept and the others dropped with a warning', async () => {
    const draft = await extractWithLlm(TEXT, { id: 'llm-1', publishedOn: '2023-07-31' }, { url: base, model: 'recorded', apiKey: 'test-key-0123456789' });
    const doc = draft.document;
    expect(validateDocument(doc).ok).toBe(true);
    expect(doc.entities.map((e) => e.name).sort()).toEqual(['金锋', '高邮经济开发区', '高邮经济开发区管委会'].sort());
    expect(doc.events[0].participants).toEqual([{ entity: 'jin', role: 'host' }]);
    expect(doc.relations.map((r) => r.type)).toEqual(['HOLDS_POSITION']);
    expect(doc.figures.map((f) => f.value)).toEqual([320]);
    const warnings = draft.warnings.join('\n');
    expect(warnings).toMatch(/entities\[3\] 李四: dropped, its evidence is not in the text verbatim/);
    expect(warnings).toMatch(/relations\[1\]: dropped, it names "ghost"/);
    expect(warnings).toMatch(/figures\[1\] 税收: dropped/);
  });

  test('the request names the model, asks for the JSON Schema, sends the text and the key from the caller', () => {
    const last = requests[requests.length - 1];
    expect(last.url).toBe('/v1/chat/completions');
    expect(last.auth).toBe('Bearer test-key-0123456789');
    expect(last.body.model).toBe('recorded');
    const format = last.body.response_format as { type: string; json_schema: { schema: { properties: Record<string, unknown> } } };
    expect(format.type).toBe('json_schema');
    expect(Object.keys(format.json_schema.schema.properties)).toEqual(['entities', 'events', 'relations', 'figures']);
    expect(JSON.stringify(last.body.messages)).toContain('高邮经济开发区召开三季度项目推进会');
  });

  test('when the endpoint fails, then the error names it and the status', async () => {
    await expect(extractWithLlm(TEXT, {}, { url: `${base}/wrong`, model: 'recorded' })).rejects.toThrow(/answered 404/);
  });

  test('when the model never answers, then the request ends at the limit with an error that says so', async () => {
    const url = base.replace('/v1', '/stall/v1');
    const error = await extractWithLlm(TEXT, {}, { url, model: 'recorded', timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ reason: 'timeout' });
    expect((error as Error).message).toBe(
      `the model at ${url} did not answer within 0.3 s (the whole request: connecting, waiting, reading the answer); kg extract --llm-timeout SECONDS gives it longer`,
    );
  });

  test('when the model sends its headers and then stalls in the middle of the answer, then the same limit ends it', async () => {
    const url = base.replace('/v1', '/stall-body/v1');
    await expect(extractWithLlm(TEXT, {}, { url, model: 'recorded', timeoutMs: 300 })).rejects.toMatchObject({ reason: 'timeout', message: expect.stringContaining('did not answer within 0.3 s') });
  });

  test('when nothing listens at the URL, then the error says the model could not be reached, and why', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(extractWithLlm(TEXT, {}, { url: `http://127.0.0.1:${port}/v1`, model: 'recorded' }))
      .rejects.toMatchObject({ reason: 'unreachable', message: `could not reach the model at http://127.0.0.1:${port}/v1: ECONNREFUSED` });
  });
});

describe('kg extract --llm-timeout', () => {
  test('when the limit is given in seconds, then the request gets it in milliseconds; a bad or lone limit is a usage error', () => {
    expect(parseExtractArgs(['a.txt', '--llm', 'http://x/v1', '--model', 'm', '--llm-timeout', '2.5']).llm).toEqual({ url: 'http://x/v1', model: 'm', timeoutMs: 2500 });
    expect(parseExtractArgs(['a.txt', '--llm', 'http://x/v1', '--model', 'm']).llm).toEqual({ url: 'http://x/v1', model: 'm' });
    expect(() => parseExtractArgs(['a.txt', '--llm', 'http://x/v1', '--model', 'm', '--llm-timeout', '0'])).toThrow(/--llm-timeout must be a number of seconds above 0/);
    expect(() => parseExtractArgs(['a.txt', '--llm', 'http://x/v1', '--model', 'm', '--llm-timeout=soon'])).toThrow(/not "soon"/);
    expect(() => parseExtractArgs(['a.txt', '--llm-timeout', '5'])).toThrow(/--llm-timeout bounds a request to --llm URL/);
  });

  test('when the model stalls past the limit, then kg extract says so for the file, writes no draft and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-llm-'));
    const file = join(dir, 'article.txt');
    writeFileSync(file, TEXT);
    let out = '';
    let err = '';
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    const spyErr = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
    let status: number;
    try {
      status = await main(['extract', file, '--llm', base.replace('/v1', '/stall/v1'), '--model', 'recorded', '--llm-timeout', '0.3'], { PATH: process.env.PATH });
    } finally {
      spy.mockRestore();
      spyErr.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(status).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`kg extract: ${file}: the model at ${base.replace('/v1', '/stall/v1')} did not answer within 0.3 s`);
  });
});
