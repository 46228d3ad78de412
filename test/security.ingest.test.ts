/**
 * Hostile input to the ingest pipeline (files, NDJSON streams, and documents handed to ingestDocument as
 * the `ingestArticle` mutation does): each is rejected with a clear problem, nothing crashes (no stack
 * overflow on 100 000 levels of nesting), and the graph is unchanged, compared as a canonical dump.
 *
 * The rules of shared/spec/article-format.md one at a time are in test/ingest.validation.test.ts; the
 * rules it does not break are broken here. Hostile names stored verbatim: test/ingest.reload.test.ts
 * (ingest level) and test/security.graphql.test.ts (through the API, and read back).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applySchema } from '../src/graph';
import { ingestAll, ingestDocument, readDocuments, validateDocument, LIMITS } from '../src/ingest';
import { testDatabase, useTestDatabase, wipe } from './support/db';
import { articleDoc } from './support/documents';
import { graphDump } from './support/graphDump';

const DEEP = 100_000;
/** `[[[…]]]` nested DEEP levels, as text (JSON.parse of it is fine; JSON.stringify or String() of the value overflows). */
const deepArrayText = (levels = DEEP): string => '['.repeat(levels) + ']'.repeat(levels);
const deepObjectText = (levels = DEEP): string => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const deepArray = (): unknown => JSON.parse(deepArrayText());
const deepObject = (): unknown => JSON.parse(deepObjectText());

const driver = useTestDatabase({ wipeBeforeEach: false });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-sec-ingest-'));
let before: string;

const ingest = (doc: unknown) => ingestDocument(driver(), doc, 'request', { database: testDatabase() });
const dump = () => graphDump(driver(), testDatabase());

beforeAll(async () => {
  await applySchema(driver(), testDatabase());
  await wipe();
  expect((await ingest(articleDoc('existing'))).status).toBe('created');
  before = await dump();
});
afterAll(async () => {
  await wipe();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('rules of kg-article/1 that test/ingest.validation.test.ts does not break', () => {
  const cases: Array<[string, (d: Record<string, any>) => void, string, RegExp]> = [
    ['an event has no key', (d) => delete d.events[0].key, 'events[0].key', /required field is missing/],
    ['an event has no name', (d) => delete d.events[0].name, 'events[0].name', /required field is missing/],
    ['two events share a key', (d) => d.events.push({ ...d.events[0], participants: [] }), 'events[1].key', /duplicate key "sign"/],
    ['a participant has no role', (d) => delete d.events[0].participants[0].role, 'events[0].participants[0].role', /required/],
    ['a participant is listed twice in one role', (d) => d.events[0].participants.push({ entity: 'zone', role: 'signatory' }), 'events[0].participants[3]', /listed twice as signatory/],
    ['an event attribute is a list', (d) => (d.events[0].attributes = { a: [1] }), 'events[0].attributes.a', /expected string or number or boolean, got array/],
    ['an endDate is not a real day', (d) => (d.events[0].endDate = '2023-06-31'), 'events[0].endDate', /not a real calendar date/],
    ['a relation has no from', (d) => delete d.relations[1].from, 'relations[1].from', /required field is missing/],
    ['a relation names an event', (d) => (d.relations[1].to = 'sign'), 'relations[1].to', /is an event; an entity key is needed/],
    ['since is not a real day', (d) => (d.relations[1].since = '2023-02-30'), 'relations[1].since', /not a real calendar date/],
    ['since is not a date at all', (d) => (d.relations[1].since = 'June 2023'), 'relations[1].since', /YYYY-MM-DD or YYYY-MM/],
    ['a relation attribute is null', (d) => (d.relations[1].attributes = { a: null }), 'relations[1].attributes.a', /got null/],
    ['a figure change is text', (d) => (d.figures[0].change = '13%'), 'figures[0].change', /expected number, got string/],
    ['a figure value is not finite (1e400)', (d) => (d.figures[0].value = Infinity), 'figures[0].value', /non-finite number/],
    ['a figure has no subject', (d) => delete d.figures[0].subject, 'figures[0].subject', /required/],
    ['an alias is a number', (d) => (d.entities[0].aliases = [42]), 'entities[0].aliases[0]', /expected string, got number/],
    ['an alias is blank', (d) => (d.entities[0].aliases = ['  ']), 'entities[0].aliases[0]', /must not be empty/],
    ['the title is blank', (d) => (d.article.title = ' '), 'article.title', /must not be empty/],
    ['the article has an unknown field', (d) => (d.article.author = 'x'), 'article.author', /unknown field/],
    ['the document has an unknown field', (d) => (d.comments = []), 'comments', /unknown field/],
    ['events is not a list', (d) => (d.events = {}), 'events', /expected array, got object/],
    ['figures is null', (d) => (d.figures = null), 'figures', /expected array, got null/],
    ['an explicit id is empty', (d) => (d.entities[0].id = ''), 'entities[0].id', /must not be empty/],
    ['a name is 5 MB', (d) => (d.entities[1].name = '名'.repeat(5 * 1024 * 1024)), 'entities[1].name', /at most 300/],
    ['the article text is 5 MB', (d) => (d.article.text = 'x'.repeat(5 * 1024 * 1024)), 'article.text', new RegExp(`at most ${LIMITS.articleText}`)],
  ];
  it.each(cases)('when %s, it is rejected at its path and the graph is unchanged', async (_name, breakIt, at, message) => {
    const doc = articleDoc('existing');
    doc.article.title = 'a new version that must not be written';
    breakIt(doc);
    const report = await ingest(doc);
    expect(report.status).toBe('rejected');
    expect(report.problems).toContainEqual({ path: at, message: expect.stringMatching(message) });
    expect(await dump()).toBe(before);
  });
});

describe('100 000 levels of nesting', () => {
  const spots: Array<[string, (d: Record<string, any>) => void, string, RegExp]> = [
    ['as the whole document', () => undefined, '', /expected object, got array/],
    ['as the format tag', (d) => (d.format = deepArray()), 'format', /must be "kg-article\/1", got an array of 1 item/],
    ['as the article', (d) => (d.article = deepObject()), 'article.a', /unknown field/],
    ['as an entity type', (d) => (d.entities[1].type = deepArray()), 'entities[1].type', /expected one of: Person/],
    ['as an entity', (d) => (d.entities[1] = deepArray()), 'entities[1]', /expected object, got array/],
    ['as an alias', (d) => (d.entities[0].aliases = deepArray()), 'entities[0].aliases[0]', /expected string, got array/],
    ['as an attribute value', (d) => (d.entities[0].attributes = { a: deepArray() }), 'entities[0].attributes.a', /got array/],
    ['as attributes', (d) => (d.entities[0].attributes = deepObject()), 'entities[0].attributes.a', /got object/],
    ['as a participant role', (d) => (d.events[0].participants[0].role = deepArray()), 'events[0].participants[0].role', /expected one of/],
    ['as a relation type', (d) => (d.relations[0].type = deepArray()), 'relations[0].type', /expected one of/],
    ['as a figure value', (d) => (d.figures[0].value = deepObject()), 'figures[0].value', /expected number, got object/],
  ];
  it.each(spots)('%s: rejected with a path, no stack overflow, graph unchanged', async (label, place, at, message) => {
    const doc = label === 'as the whole document' ? deepArray() : articleDoc('existing');
    if (label !== 'as the whole document') {
      (doc as Record<string, any>).article.title = 'must not be written';
      place(doc as Record<string, any>);
    }
    expect(validateDocument(doc).ok).toBe(false);
    const report = await ingest(doc);
    expect(report.status).toBe('rejected');
    expect(report.problems).toContainEqual({ path: at, message: expect.stringMatching(message) });
    // the report itself is plain data a client can be sent
    expect(() => JSON.stringify(report)).not.toThrow();
    expect(await dump()).toBe(before);
  });
});

describe('files and NDJSON streams', () => {
  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('reject a 50 MB file, a truncated file, an empty file, wrong format tags and deep nesting, each with a clear problem', async () => {
    const big = JSON.stringify(articleDoc('big', { article: { id: 'big', title: 'big', text: 'x'.repeat(50 * 1024 * 1024) } }));
    const truncatedDoc = JSON.stringify(articleDoc('truncated'));
    const files = {
      big: write('big.json', big),
      truncated: write('truncated.json', truncatedDoc.slice(0, truncatedDoc.length - 40)),
      empty: write('empty.json', ''),
      wrongTag: write('wrong-tag.json', JSON.stringify({ ...articleDoc('wrong-tag'), format: 'kg-article/2' })),
      notObject: write('not-object.json', '"kg-article/1"'),
      deep: write('deep.json', deepArrayText()),
      deepInside: write('deep-inside.json', JSON.stringify(articleDoc('deep-inside')).replace('"format":"kg-article/1"', `"format":${deepArrayText()}`)),
    };
    const summary = await ingestAll(driver(), readDocuments(Object.values(files)), { database: testDatabase() });
    const problemOf = (file: string) => {
      const r = summary.reports.find((x) => x.source === file)!;
      expect(r.status).toBe('rejected');
      return `${r.problems[0].path}: ${r.problems[0].message}`;
    };
    expect(problemOf(files.big)).toMatch(new RegExp(`^: file is ${Buffer.byteLength(big)} bytes; at most ${LIMITS.documentBytes} allowed$`));
    expect(problemOf(files.truncated)).toMatch(/^: not valid JSON: /);
    expect(problemOf(files.empty)).toMatch(/^: not valid JSON: Unexpected end of JSON input/);
    expect(problemOf(files.wrongTag)).toBe('format: must be "kg-article/1", got "kg-article/2"');
    expect(problemOf(files.notObject)).toBe(': expected object, got string');
    expect(problemOf(files.deep)).toBe(': expected object, got array');
    expect(problemOf(files.deepInside)).toBe('format: must be "kg-article/1", got an array of 1 item');
    expect(summary.totals).toEqual({ created: 0, updated: 0, unchanged: 0, rejected: 7 });
    expect(await dump()).toBe(before);
  }, 120_000);

  it('load the good lines of an NDJSON stream, name every bad line by number, and write nothing of the bad ones', async () => {
    const good = ['n1', 'n2', 'n3'].map((id) => JSON.stringify(articleDoc(id)));
    const lines = [
      good[0], //                                                     1 good
      good[1].slice(0, 100), //                                       2 truncated
      '[]', //                                                        3 not an object
      'null', //                                                      4
      deepArrayText(), //                                             5 100 000 levels
      JSON.stringify({ ...articleDoc('tag'), format: 'kg-article' }), // 6 wrong format tag
      JSON.stringify(articleDoc('long', { entities: [{ key: 'x', type: 'Person', name: 'x'.repeat(5 * 1024 * 1024) }], events: [], relations: [], figures: [] })), // 7 5 MB name
      `${good[2].slice(0, -1)}, "extra": 1}`, //                      8 unknown field
      '', //                                                          9 blank: skipped
      `${good[2]} trailing`, //                                      10 garbage after the document
      JSON.stringify(articleDoc('huge', { article: { id: 'huge', title: 'huge', text: 'x'.repeat(LIMITS.documentBytes) } })), // 11 over the size limit
      good[2], //                                                    12 good
    ];
    const file = write('batch.ndjson', lines.join('\n'));
    const summary = await ingestAll(driver(), readDocuments([file]), { database: testDatabase() });
    const byLine = Object.fromEntries(summary.reports.map((r) => [Number(r.source.slice(file.length + 1)), r]));
    expect(Object.keys(byLine).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12]);
    expect([1, 12].map((n) => byLine[n].status)).toEqual(['created', 'created']);
    const first = (n: number) => `${byLine[n].problems[0].path}: ${byLine[n].problems[0].message}`;
    expect(first(2)).toMatch(/^: not valid JSON: /);
    expect(first(3)).toBe(': expected object, got array');
    expect(first(4)).toBe(': expected object, got null');
    expect(first(5)).toBe(': expected object, got array');
    expect(first(6)).toBe('format: must be "kg-article/1", got "kg-article"');
    expect(first(7)).toMatch(/^entities\[0\]\.name: is 5242880 characters long; at most 300 allowed$/);
    expect(first(8)).toMatch(/^extra: unknown field/);
    expect(first(10)).toMatch(/^: not valid JSON: /);
    expect(first(11)).toMatch(new RegExp(`^: document is \\d+ bytes; at most ${LIMITS.documentBytes} allowed$`));
    expect(summary.totals).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 9 });

    // the graph is exactly the existing article plus the two good lines, loaded cleanly
    const after = await dump();
    await wipe();
    for (const id of ['existing', 'n1', 'n3']) expect((await ingest(articleDoc(id))).status).toBe('created');
    expect(after).toBe(await dump());
    // back to the state the other scenarios compare with
    await wipe();
    await ingest(articleDoc('existing'));
    expect(await dump()).toBe(before);
  }, 120_000);
});
