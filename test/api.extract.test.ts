/**
 * Review before load: `extractArticle` drafts a document from a text for an editor, linked to what the graph
 * knows, and writes nothing; `kg extract --ingest` loads a draft directly and says how many facts are unsure.
 */
import { main } from '../src/cli/main';
import { currentGazetteer, SURE } from '../src/extract';
import { closeTestDriver, testDatabase, testDriver, testNeo4jConfig } from './support/db';
import { codes, exec, ok, seed } from './api.harness';

beforeEach(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const TEXT =
  '7月12日，高邮经济开发区召开三季度项目推进会。开发区党工委副书记、管委会主任金锋主持会议，扬州大学副校长王建国出席会议。' +
  '今年上半年，开发区实现规模以上工业产值320亿元，同比增长8.5%。';

const EXTRACT = `mutation($text: String!, $article: ExtractArticleInput) {
  extractArticle(text: $text, article: $article) { document problems { path message } warnings notices { code message params } unsure }
}`;

async function graphCounts(): Promise<Record<string, number>> {
  const res = await testDriver().executeQuery(
    'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels',
    {},
    { database: testDatabase() },
  );
  return { nodes: res.records[0].get('nodes'), rels: res.records[0].get('rels') };
}

describe('extractArticle (review before load)', () => {
  test('when an editor sends a text, then the draft comes back linked to the seed zone and nothing is written', async () => {
    const before = await graphCounts();
    const data = await ok(EXTRACT, { text: TEXT, article: { id: 'review-1', publishedOn: '2023-07-31' } }, 'editor');
    const { document, problems, warnings, unsure } = data.extractArticle;
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(typeof unsure).toBe('number');
    const byName = new Map(document.entities.map((e: { name: string }) => [e.name, e]));
    expect(byName.get('高邮经济开发区')).toMatchObject({ id: 'org:gaoyou-edz', kind: 'DevelopmentZone' });
    expect(byName.get('金锋')).toMatchObject({ id: 'person:jin-feng' });
    expect(byName.get('王建国')).toBeDefined();
    const meeting = document.events.find((e: { type: string }) => e.type === 'Meeting');
    expect(meeting).toMatchObject({ date: '2023-07-12' });
    expect(document.figures).toEqual(expect.arrayContaining([expect.objectContaining({ value: 320, unit: '亿元', period: '2023-H1', change: 0.085 })]));
    expect(await graphCounts()).toEqual(before);
  });

  test('when a reader or an anonymous caller asks, then it is refused', async () => {
    const result = await exec(EXTRACT, { text: TEXT }, 'reader');
    expect(codes(result)[0].code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });

  test('when the text is empty or in another language, then the draft is empty and the warning says why', async () => {
    const data = await ok(EXTRACT, { text: 'Nothing to see here.' }, 'editor');
    expect(data.extractArticle.document.entities).toEqual([]);
    expect(data.extractArticle.warnings.join(' ')).toMatch(/no Chinese characters/);
    // the same, as a stable code for a client to say in its own language
    expect(data.extractArticle.notices).toEqual([{ code: 'text.noChinese', message: data.extractArticle.warnings[0], params: {} }]);
    const undated = await ok(EXTRACT, { text: '7月12日，开发区召开推进会。' }, 'editor');
    expect(undated.extractArticle.notices).toEqual([expect.objectContaining({ code: 'date.noYear', params: {} })]);
    expect(data.extractArticle.problems).toEqual([]);
  });

  test('when the article date is not a date, then it is a bad argument', async () => {
    const result = await exec(EXTRACT, { text: TEXT, article: { publishedOn: 'July' } }, 'editor');
    expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'article' }]);
  });
});

describe('the gazetteer, kept between requests', () => {
  const NEW_NAME_TEXT = '8月3日，扬州大学副校长潘家林带队到开发区调研。';
  const INGEST = `mutation($doc: JSON!) { ingestArticle(document: $doc) { status } }`;
  const personIn = (doc: { entities: Array<{ name: string; id?: string }> }, name: string) => doc.entities.find((e) => e.name === name);

  test('when the graph has not changed, then a second request gets the gazetteer read for the first, not a new read', async () => {
    const first = await currentGazetteer(testDriver(), testDatabase());
    const second = await currentGazetteer(testDriver(), testDatabase());
    expect(second).toBe(first);
    expect(first.find('Organization', '高邮经济开发区')?.id).toBe('org:gaoyou-edz');
  });

  test('when an article naming a new person is loaded between two extractions, then the second links the new name', async () => {
    const before = await currentGazetteer(testDriver(), testDatabase());
    const first = await ok(EXTRACT, { text: NEW_NAME_TEXT, article: { id: 'aug-1', publishedOn: '2023-08-10' } }, 'editor');
    const unknown = personIn(first.extractArticle.document, '潘家林');
    expect(unknown).toBeDefined();
    expect(unknown?.id).toBeUndefined();

    const doc = {
      format: 'kg-article/1',
      article: { id: 'pan-appointed', title: '潘家林任开发区党工委书记', publishedOn: '2023-08-01' },
      entities: [{ key: 'pan', type: 'Person', name: '潘家林', id: 'person:pan-jialin' }],
    };
    expect((await ok(INGEST, { doc }, 'editor')).ingestArticle.status).toBe('CREATED');

    const second = await ok(EXTRACT, { text: NEW_NAME_TEXT, article: { id: 'aug-1', publishedOn: '2023-08-10' } }, 'editor');
    expect(personIn(second.extractArticle.document, '潘家林')).toMatchObject({ id: 'person:pan-jialin' });
    const after = await currentGazetteer(testDriver(), testDatabase());
    expect(after).not.toBe(before);
    expect(after.find('Person', '潘家林')?.id).toBe('person:pan-jialin');
  });
});

/** Runs the CLI with stdout and stderr captured. */
async function runCli(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const spyErr = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    const cfg = testNeo4jConfig();
    const env = { PATH: process.env.PATH, NEO4J_URI: cfg.uri, NEO4J_USERNAME: cfg.username, NEO4J_PASSWORD: cfg.password, NEO4J_DATABASE: cfg.database };
    return { status: await main(args, env), out, err };
  } finally {
    spy.mockRestore();
    spyErr.mockRestore();
  }
}

/** Facts of a draft whose confidence is below the sure level (src/extract's SURE), counted as the CLI should. */
function unsureFacts(doc: { entities: object[]; events?: object[]; relations?: object[]; figures?: object[] }): number {
  const all = [...doc.entities, ...(doc.events ?? []), ...(doc.relations ?? []), ...(doc.figures ?? [])] as { attributes?: { confidence?: unknown } }[];
  return all.filter((x) => typeof x.attributes?.confidence === 'number' && x.attributes.confidence < SURE).length;
}

describe('kg extract --ingest', () => {
  // a known official, a person the graph does not know and an organisation without a known suffix: some facts are unsure
  const UNSURE_TEXT = `${TEXT}7月20日，开发区党工委书记潘家林带队赴上海拜访了华东某新材料科技集团，洽谈合作事宜。`;

  test('when a text is extracted and loaded directly, then its facts are in the graph, linked, and it says how many were unsure: as many as the draft marks', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'kg-extract-ingest-')), 'july.txt');
    writeFileSync(file, UNSURE_TEXT);
    const args = [file, '--id', 'july-review', '--published-on', '2023-07-31'];

    // the same draft, printed instead of loaded: the graph is the same, so the draft is too
    const printed = await runCli(['extract', ...args]);
    expect(printed.status).toBe(0);
    const expected = unsureFacts(JSON.parse(printed.out));
    expect(expected).toBeGreaterThan(0);
    expect(printed.err).toContain(`${expected} facts marked unsure`);

    const loaded = await runCli(['extract', ...args, '--ingest']);
    expect(loaded.status).toBe(0);
    expect(loaded.out).toMatch(/created\s+july-review/);
    expect(loaded.out).toContain(`${expected} facts were marked unsure (attributes.confidence < 0.8)`);
    const res = await testDriver().executeQuery(
      'MATCH (:Article {id: $id})-[:MENTIONS]->(e:Entity) RETURN collect(e.id) AS ids',
      { id: 'july-review' },
      { database: testDatabase() },
    );
    expect(res.records[0].get('ids')).toEqual(expect.arrayContaining(['org:gaoyou-edz', 'person:jin-feng']));
  });
});
