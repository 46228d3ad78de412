import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { extractArticle } from '../src/extract';
import { validateDocument } from '../src/ingest';

const dir = mkdtempSync(join(tmpdir(), 'kg-extract-'));

/** Runs `kg extract` in this process, offline (no NEO4J_URI), and returns its exit status and output. */
async function kgExtract(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    const status = await main(['extract', ...args], { PATH: process.env.PATH });
    return { status, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function expectValidDraft(json: string): ReturnType<typeof JSON.parse> {
  const doc = JSON.parse(json);
  const v = validateDocument(doc);
  expect(v.ok ? [] : v.problems).toEqual([]);
  return doc;
}

describe('kg extract: input that is not a newsletter', () => {
  test('when the file is empty, then it writes an empty draft that validates and says the text is empty', async () => {
    const { status, out, err } = await kgExtract(file('empty.txt', ''));
    expect(status).toBe(0);
    const doc = expectValidDraft(out);
    expect(doc.entities).toEqual([]);
    expect(err).toMatch(/empty\.txt: the text is empty/);
  });

  test('when the file is binary, then it says so, names the file, writes nothing and exits 1', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(2000, 0xff)]);
    const { status, out, err } = await kgExtract(file('picture.png', png));
    expect(status).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/picture\.png: not UTF-8 text/);
  });

  test('when the bytes are valid UTF-8 but full of control characters, then it is refused as binary', async () => {
    const { status, err } = await kgExtract(file('zeros.bin', Buffer.alloc(4096, 0)));
    expect(status).toBe(1);
    expect(err).toMatch(/zeros\.bin: looks like a binary file/);
  });

  test('when the text is GBK-encoded, then the message says how to convert it', async () => {
    // 开发区 in GBK
    const { status, err } = await kgExtract(file('gbk.txt', Buffer.from([0xbf, 0xaa, 0xb7, 0xa2, 0xc7, 0xf8])));
    expect(status).toBe(1);
    expect(err).toMatch(/iconv -f GBK -t UTF-8/);
  });

  test('when the file has 5 MB of text, then it is refused as more than one article without reading it', async () => {
    const big = file('big.txt', '6月21日，开发区召开推进会。'.repeat(5 * 1024 * 1024 / 42 + 1));
    const { status, out, err } = await kgExtract(big);
    expect(status).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/big\.txt: \d+ bytes is more than one article .*split it/);
  });

  test('when a caller passes more text than an article may hold, then the draft is empty, valid and says why', () => {
    const draft = extractArticle('开发区召开推进会。'.repeat(230_000), { id: 'too-long' });
    expect(draft.document.entities).toEqual([]);
    expect(draft.warnings.join('\n')).toMatch(/more than one article/);
    expect(validateDocument(draft.document).ok).toBe(true);
  });

  test('when the text is in another language, then the draft is empty, valid, and not tagged as Chinese', async () => {
    const { status, out, err } = await kgExtract(file('en.txt', 'On June 21 the zone signed an agreement with Jiangnan University.\n'));
    expect(status).toBe(0);
    const doc = expectValidDraft(out);
    expect(doc.entities).toEqual([]);
    expect(doc.article.language).toBeUndefined();
    expect(err).toMatch(/no Chinese characters/);
  });

  test('when the text has no dates, then events are drafted without dates and the draft still validates', async () => {
    const text = '开发区召开重点企业座谈会，开发区党工委书记张建国主持会议。会上，张建国要求各部门做好服务。';
    const { status, out } = await kgExtract(file('nodate.txt', text), '--id', 'no-dates');
    expect(status).toBe(0);
    const doc = expectValidDraft(out);
    const meeting = doc.events.find((e: { type: string }) => e.type === 'Meeting');
    expect(meeting).toBeDefined();
    expect(meeting.date).toBeUndefined();
    expect(doc.entities.map((e: { name: string }) => e.name)).toContain('张建国');
  });

  test('when a long text has no sentence ends at all, then evidence stays within the format limits and the draft validates', () => {
    const draft = extractArticle('开发区党工委书记张建国出席活动并讲话'.repeat(20_000), { id: 'no-stops', publishedOn: '2024-01-01' });
    expect(validateDocument(draft.document).ok).toBe(true);
    expect(draft.document.entities.some((e) => e.name === '张建国')).toBe(true);
  });

  test('when an option is wrong, then it says which and exits 2', async () => {
    const article = file('ok.txt', '开发区召开推进会。');
    expect((await kgExtract(article, '--published-on', 'June')).status).toBe(2);
    expect((await kgExtract(article, '--id', 'has space')).status).toBe(2);
    expect((await kgExtract(article, '--bogus')).status).toBe(2);
    const missing = await kgExtract(join(dir, 'missing.txt'));
    expect(missing.status).toBe(1);
    expect(missing.err).toMatch(/missing\.txt: no such file/);
  });
});
