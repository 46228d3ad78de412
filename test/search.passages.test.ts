/**
 * Text search over article text and evidence: passages with their article, date, the matched part and the
 * entities and events each supports. Against the seeded graph.
 */
import { closeTestDriver } from './support/db';
import { ARTICLE, codes, ev, exec, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const PASSAGES = `totalCount pageInfo { hasNextPage endCursor }
  edges { node { text start date ranges { start end } article { id title }
    entities(first: 100) { edges { node { id name } } } events(first: 100) { edges { node { id name } } } } }`;
/** The passages found, each one's entities and events (connections) as their nodes. */
const passages = async (query: string, more = ''): Promise<any> => {
  const found = (await ok(`query($q: String!) { passages(query: $q ${more}) { ${PASSAGES} } }`, { q: query })).passages;
  const nodes = (c: any) => c.edges.map((e: any) => e.node);
  return { ...found, edges: found.edges.map((e: any) => ({ node: { ...e.node, entities: nodes(e.node.entities), events: nodes(e.node.events) } })) };
};
const articleText = async (): Promise<string> => (await ok(`{ node(id: "${ARTICLE}") { ... on Article { text } } }`)).node.text;

describe('when an analyst searches the articles for a phrase', () => {
  it('then 双过半 gives the sentence that holds it, with its article, date and the part to highlight', async () => {
    const found = await passages('双过半');
    expect(found.totalCount).toBe(1);
    const [{ node }] = found.edges;
    expect(node.text).toBe('这是开发区大干“双过半”的一个缩影。');
    expect(node.article.id).toBe(ARTICLE);
    expect(node.date).toBe('2023-06');
    expect(node.ranges.map((r: any) => node.text.slice(r.start, r.end))).toEqual(['双过半']);
    // start is the passage's place in the article's text
    expect((await articleText()).slice(node.start, node.start + node.text.length)).toBe(node.text);
  });

  it('then 乡村振兴 gives both sentences that hold it, and the one that is an event\'s evidence names the event and its entities', async () => {
    const found = await passages('乡村振兴');
    expect(found.totalCount).toBe(2);
    const texts = found.edges.map((e: any) => e.node.text);
    expect(texts[0]).toContain('做好乡村振兴的“带头人”');
    const visit = found.edges[1].node;
    expect(visit.text).toBe('6月20日,市老区开发建设促进会领导率“三会”负责人到开发区阳沟村座谈调研,促进阳沟村进一步发展集体经济,实现乡村振兴。');
    expect(visit.events.map((e: any) => e.id)).toEqual([ev('ev-0620-yanggou')]);
    const names = visit.entities.map((e: any) => e.name);
    expect(names).toEqual(expect.arrayContaining(['阳沟村', '高邮市老区开发建设促进会']));
    // the first sentence lies in the evidence of the observation meeting, not of the visit
    expect(found.edges[0].node.events.map((e: any) => e.id)).toEqual([ev('ev-0625-observation')]);
  });

  it('when the phrase is typed in traditional characters, then the simplified text is found', async () => {
    expect((await passages('雙過半')).edges.map((e: any) => e.node.text)).toEqual(['这是开发区大干“双过半”的一个缩影。']);
  });

  it('when the articles are outside the date window, then nothing is found; inside it, the passages are', async () => {
    expect((await passages('乡村振兴', ', from: "2024-01-01"')).totalCount).toBe(0);
    expect((await passages('乡村振兴', ', to: "2023-05"')).totalCount).toBe(0);
    expect((await passages('乡村振兴', ', from: "2023-06-10", to: "2023-06-20"')).totalCount).toBe(2);
  });

  it('when passages are read one page at a time, then the pages join up', async () => {
    const whole = (await passages('开发区', ', first: 100')).edges.map((e: any) => e.node.text);
    expect(whole.length).toBeGreaterThan(5);
    const paged: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page: any = (await ok(`query($after: String) { passages(query: "开发区", first: 4, after: $after) { ${PASSAGES} } }`, { after })).passages;
      paged.push(...page.edges.map((e: any) => e.node.text));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole);
  });

  it('when nothing holds the phrase, then there are no passages', async () => {
    expect((await passages('量子计算')).totalCount).toBe(0);
  });
});

describe('bad input to passages', () => {
  it.each([['*'], ['"双过半'], ['双过半 AND 乡村'], ['双过半~'], ['\\'], ['乡村\\振兴']])('when the query is %j, then results or BAD_USER_INPUT, never an internal error', async (q) => {
    const result = await exec(`query($q: String!) { passages(query: $q) { totalCount } }`, { q });
    if (result.errors) expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'query' }]);
    else expect(result.data.passages.totalCount).toBeGreaterThanOrEqual(0);
  });

  it.each([['empty', ''], ['10 000 characters', '乡'.repeat(10_000)], ['a lone surrogate', '乡\uD800']])('when the query is %s, then BAD_USER_INPUT', async (_w, q) => {
    const result = await exec(`query($q: String!) { passages(query: $q) { totalCount } }`, { q });
    expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'query' }]);
  });
});
