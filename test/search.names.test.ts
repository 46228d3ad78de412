/**
 * Searching names as a Chinese-reading analyst would: simplified or traditional characters, pinyin with or
 * without spaces and tones, initials, one character, any contiguous part; ranked exact, prefix, contained,
 * pinyin, fuzzy; each hit saying which name matched and where. Against the seeded graph.
 */
import { ensureSearchKeys } from '../src/search';
import { closeTestDriver, testDatabase, testDriver } from './support/db';
import { NOTHING_STALE, staleDerivations } from './support/staleDerivations';
import { codes, exec, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const HITS = `totalCount edges { score match { text field kind ranges { start end } } node { ... on Entity { id name } ... on Event { id name } } }`;
const search = async (query: string, more = '', first = 5): Promise<any> =>
  (await ok(`query($q: String!) { search(query: $q, first: ${first} ${more}) { ${HITS} } }`, { q: query })).search;
const ids = (conn: any): string[] => conn.edges.map((e: any) => e.node.id);

describe('when an analyst types a name in any of its written forms', () => {
  it.each([
    ['traditional characters', '開發區', 'org:gaoyou-edz'],
    ['a traditional personal name', '金鋒', 'person:jin-feng'],
    ['a traditional place name', '高郵', 'place:gaoyou'],
    ['full pinyin', 'jinfeng', 'person:jin-feng'],
    ['pinyin with a space', 'jin feng', 'person:jin-feng'],
    ['pinyin with tones and capitals', 'Jīn Fēng', 'person:jin-feng'],
    ['place pinyin', 'gaoyou', 'place:gaoyou'],
    ['pinyin initials', 'jf', 'person:jin-feng'],
    ['the initials of a long name', 'gyjjkfq', 'org:gaoyou-edz'],
    ['one character', '金', 'person:jin-feng'],
    ['a prefix', '新瑞光', 'org:xinrui-optoelectronics'],
    ['a contiguous part inside the name', '光电科技', 'org:xinrui-optoelectronics'],
    ['the short form of a long name', '高邮经开区', 'org:gaoyou-edz'],
    ['the long form of a short name', '高邮经济开发区管理委员会', 'org:gaoyou-edz-management-committee'],
  ])('then %s (%s) finds the intended entity in the first five', async (_what, query, expected) => {
    expect(ids(await search(query)).slice(0, 5)).toContain(expected);
  });

  it('then the short form of a zone ranks the zone first, not the city (the ranking complained of)', async () => {
    expect(ids(await search('高邮经开区'))[0]).toBe('org:gaoyou-edz');
    expect(ids(await search('高邮经济开发区管理委员会'))[0]).toBe('org:gaoyou-edz-management-committee');
  });
});

describe('ranking', () => {
  it('when a name is equal to the query, then it comes before names starting with it, which come before names containing it', async () => {
    const hits = (await search('高邮', '', 100)).edges;
    const kinds = hits.map((e: any) => e.match.kind);
    expect(kinds[0]).toBe('EXACT');
    expect(hits[0].node.id).toBe('place:gaoyou');
    const order = ['EXACT', 'PREFIX', 'CONTAINS', 'PINYIN', 'INITIALS', 'FUZZY'];
    const rank = kinds.map((k: string) => order.indexOf(k));
    // PINYIN and INITIALS share tiers, so only the name tiers are checked for order here
    const nameRanks = rank.filter((r: number) => r <= 2);
    expect(nameRanks).toEqual([...nameRanks].sort((a, b) => a - b));
    expect(kinds).toContain('PREFIX');
    expect(kinds).toContain('CONTAINS');
  });

  it('when names match equally, then the better connected entity comes first', async () => {
    const prefix = (await search('高邮', '', 100)).edges.filter((e: any) => e.match.kind === 'PREFIX');
    const degree = async (id: string): Promise<number> => {
      const [r] = (await testDriver().executeQuery('MATCH (n {id: $id}) RETURN COUNT { (n)--() } AS d', { id }, { database: testDatabase() })).records;
      return Number(r.get('d'));
    };
    const degrees = await Promise.all(prefix.map((e: any) => degree(e.node.id)));
    expect(degrees.length).toBeGreaterThan(3);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
  });

  it('when pinyin and a Chinese name both match, then exact name matches come before pinyin ones', async () => {
    const hits = (await search('gaoyou', '', 100)).edges;
    expect(hits[0]).toMatchObject({ node: { id: 'place:gaoyou' }, match: { kind: 'PINYIN', text: '高邮', field: 'ALIAS' } });
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });
});

describe('each hit says which name matched, how and where', () => {
  it('when a traditional alias is typed, then the hit names the alias as stored and the part to highlight', async () => {
    const [hit] = (await search('開發區')).edges;
    expect(hit).toMatchObject({ node: { id: 'org:gaoyou-edz' }, match: { text: '开发区', field: 'ALIAS', kind: 'EXACT', ranges: [{ start: 0, end: 3 }] } });
  });

  it('when a part of the name is typed, then the range covers that part', async () => {
    const hit = (await search('光电科技')).edges.find((e: any) => e.node.id === 'org:xinrui-optoelectronics');
    expect(hit.match).toEqual({ text: '新瑞光电科技有限公司', field: 'NAME', kind: 'CONTAINS', ranges: [{ start: 2, end: 6 }] });
  });

  it('when pinyin or initials are typed, then the characters they spell are highlighted', async () => {
    expect((await search('jingji')).edges[0].match).toMatchObject({ kind: 'PINYIN', ranges: [{ start: 2, end: 4 }] });
    expect((await search('jf')).edges[0].match).toEqual({ text: '金锋', field: 'NAME', kind: 'INITIALS', ranges: [{ start: 0, end: 2 }] });
  });
});

describe('filters and pages', () => {
  it('when types are given, then only entities of those types come back, and totalCount counts them', async () => {
    const all = await search('高邮', '', 100);
    const orgs = await search('高邮', ', types: [ORGANIZATION]', 100);
    expect(orgs.totalCount).toBe(orgs.edges.length);
    expect(orgs.totalCount).toBeLessThan(all.totalCount);
    expect(orgs.edges.every((e: any) => e.node.id.startsWith('org:'))).toBe(true);
  });

  it('when a date window is given, then events outside it and entities no article in it names drop out', async () => {
    const june = await search('签约', ', from: "2023-06", to: "2023-06"', 100);
    expect(june.totalCount).toBeGreaterThan(0);
    expect((await search('签约', ', from: "2024-01-01"', 100)).totalCount).toBe(0);
    expect((await search('高邮', ', to: "2023-05-31"', 100)).totalCount).toBe(0);
    // the seed article is dated 2023-06: every entity it names is in a window that meets June
    const entities = (conn: any): string[] => ids(conn).filter((id) => !id.includes('#')).sort();
    const inWindow = entities(await search('高邮', ', from: "2023-06-15", to: "2023-07-31"', 100));
    expect(inWindow.length).toBeGreaterThan(5);
    expect(inWindow).toEqual(entities(await search('高邮', '', 100)));
  });

  it('when a search is read page by page, then the pages join up into the one-page ranking', async () => {
    const whole = ids(await search('开发区', '', 100));
    const paged: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const data: any = await ok(`query($after: String) { search(query: "开发区", first: 3, after: $after) { pageInfo { hasNextPage endCursor } ${HITS} } }`, { after });
      paged.push(...ids(data.search));
      if (!data.search.pageInfo.hasNextPage) break;
      after = data.search.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole);
  });
});

describe('bad input', () => {
  it.each([
    ['Lucene wildcard', '*'],
    ['Lucene fuzzy', '金锋~'],
    ['an operator word', '金锋 AND 高邮'],
    ['an unbalanced quote', '"高邮'],
    ['a backslash', '高邮\\'],
    ['Lucene field syntax', 'name:高邮'],
    ['brackets', '[高邮 TO 扬州]'],
  ])('when the query holds %s, then it gives results or BAD_USER_INPUT, never an internal error', async (_what, query) => {
    const result = await exec(`query($q: String!) { search(query: $q) { totalCount edges { match { kind } } } }`, { q: query });
    if (result.errors) expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'query' }]);
    else expect(result.data.search.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('when the query is Lucene syntax around a name, then it is matched literally and finds the name', async () => {
    expect(ids(await search('"高邮'))[0]).toBe('place:gaoyou');
    expect(ids(await search('金锋~'))).toContain('person:jin-feng');
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['10 000 characters', '高'.repeat(10_000)],
    ['only punctuation', '*~\\'],
    ['a lone high surrogate', '高\uD800邮'],
    ['a lone low surrogate', '\uDC00'],
  ])('when the query is %s, then BAD_USER_INPUT names the query argument', async (_what, query) => {
    const result = await exec(`query($q: String!) { search(query: $q) { totalCount } }`, { q: query });
    expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'query' }]);
  });
});

describe('a graph written before search keys existed', () => {
  it('when the server starts on it, then its entities get their keys and are found by pinyin; a second start changes nothing', async () => {
    const q = (cypher: string) => testDriver().executeQuery(cypher, {}, { database: testDatabase() });
    await q('MATCH (e:Entity) REMOVE e.searchNames, e.searchShort, e.searchPinyin, e.searchInitials, e.searchText, e.searchVersion');
    expect((await search('jinfeng')).totalCount).toBe(0);
    const updated = await ensureSearchKeys(testDriver(), testDatabase());
    expect(updated).toBeGreaterThan(50);
    expect(ids(await search('jinfeng'))).toEqual(['person:jin-feng']);
    expect(await ensureSearchKeys(testDriver(), testDatabase())).toBe(0);
    expect(await staleDerivations(testDriver(), testDatabase())).toEqual(NOTHING_STALE);
  });
});
