/**
 * The optional LLM extractor, against a local HTTP server of this test's own that replays a recorded answer
 * (test/fixtures/llm-answer.json): no model is reachable here, and none is called.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { extractWithLlm } from '../src/extract';
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
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(ANSWER);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
});
