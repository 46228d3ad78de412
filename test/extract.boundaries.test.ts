/**
 * Rules of the genre, each from an invented sentence (not from the eval articles): where a name starts, and the
 * shapes of organisations, events and projects that newsletters write.
 */
import { extractArticle, Gazetteer } from '../src/extract';
import { validateDocument } from '../src/ingest';

const meta = { publishedOn: '2025-04-30', publisher: '清河经济开发区' };
const draftOf = (text: string) => extractArticle(text, meta).document;
const orgs = (text: string) => draftOf(text).entities.filter((e) => e.type === 'Organization').map((e) => e.name);

describe('kg extract: a name starts after the words of the story', () => {
  test('when companies are listed after 参观了 (a particle glued to the first name), then no name starts with the particle', () => {
    const text = '4月9日，考察团一行参观了华锐光电、宏泰精密、新越纺织等企业，了解生产情况。';
    const names = orgs(text);
    expect(names).toEqual(expect.arrayContaining(['华锐光电', '宏泰精密', '新越纺织']));
    expect(names.filter((n) => /^[了的与和在对将]/u.test(n))).toEqual([]);
  });

  test('when the list follows a preposition or a conjunction (与, 对, 将), then the first name starts after it', () => {
    for (const lead of ['开发区将与', '开发区对', '工作组走访']) {
      const names = orgs(`4月10日，${lead}恒丰机电、立信化工等企业开展对接。`);
      expect(names).toEqual(expect.arrayContaining(['恒丰机电', '立信化工']));
      expect(names.filter((n) => n.endsWith('恒丰机电') && n !== '恒丰机电')).toEqual([]);
    }
  });

  test('when a name found by its suffix follows a particle, then the draft still validates and every name is a span of its sentence', () => {
    const text = '4月12日，开发区领导考察了清河宏远精工有限公司和江苏明德新材料股份有限公司。';
    const doc = draftOf(text);
    expect(validateDocument(doc)).toMatchObject({ ok: true });
    const names = doc.entities.filter((e) => e.type === 'Organization').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['清河宏远精工有限公司', '江苏明德新材料股份有限公司']));
    expect(names.filter((n) => /^[了的与和在对将]/u.test(n))).toEqual([]);
  });
});

describe('kg extract: projects as newsletters name them', () => {
  const projects = (text: string) => draftOf(text).entities.filter((e) => e.type === 'Project').map((e) => e.name);

  test('when a project is named by its owner, its output or its phase, then it is a project', () => {
    const names = projects('5月6日，开发区举行集中开工仪式，江苏远帆新材料有限公司年产3万吨特种纤维项目、清河智慧物流产业园二期项目同时开工。');
    expect(names).toEqual(expect.arrayContaining(['江苏远帆新材料有限公司年产3万吨特种纤维项目', '清河智慧物流产业园二期项目']));
  });

  test('when a sector is followed by 项目 (新能源材料项目), then it is a kind of project, not one', () => {
    expect(projects('5月7日，招商小分队与客商就新能源材料项目落地进行洽谈。')).toEqual([]);
  });

  test('when a demonstration park or a pilot base is visited or to be built, then it is a project (a village before it is not its name)', () => {
    const names = projects('5月8日，调研组察看了白塔村生态农业示范园。双方将共建新型储能中试基地。');
    expect(names).toEqual(expect.arrayContaining(['生态农业示范园', '新型储能中试基地']));
  });

  test('when a zone says what it wants to become (打造…产业基地), then that is not a project', () => {
    expect(projects('开发区将全力打造长三角重要的新能源产业基地。')).toEqual([]);
  });
});

describe('kg extract: companies named inside project names and by their trade names', () => {
  test('when a project’s name starts with a trade name before its output (华宇新材年产2万吨…项目), then that company is drafted too', () => {
    const doc = draftOf('5月9日，调研组察看了华宇新材年产2万吨碳纤维项目建设现场。');
    expect(doc.entities.filter((e) => e.type === 'Project').map((e) => e.name)).toEqual(['华宇新材年产2万吨碳纤维项目']);
    expect(doc.entities.find((e) => e.name === '华宇新材')).toMatchObject({ type: 'Organization', kind: 'Company' });
  });

  test('when a company is named in full and then by its trade name, then it is one company with the trade name as an alias', () => {
    const doc = draftOf('5月10日，江苏恒越光能科技有限公司董事长周启明一行来开发区考察。恒越光能12GW电池片项目进展顺利。');
    const companies = doc.entities.filter((e) => e.type === 'Organization' && e.kind === 'Company');
    expect(companies).toEqual([expect.objectContaining({ name: '江苏恒越光能科技有限公司', aliases: ['恒越光能'] })]);
    expect(validateDocument(doc)).toMatchObject({ ok: true });
  });
});

describe('kg extract: the story an undated event belongs to', () => {
  const named = (doc: ReturnType<typeof draftOf>) => new Map(doc.entities.map((e) => [e.key, e.name]));

  test('when 会上 comes back to a meeting after another story, then the signing told there is on the meeting’s day, during it', () => {
    const doc = draftOf('5月12日上午，开发区召开重点企业用工对接会。市人社局局长张立华出席会议。\n\n5月15日，市科协主席王海涛一行到开发区调研。\n\n' +
      '会上，张立华表示，要做好企业用工保障。当日，开发区分别与清河职业技术学院、清河技师学院进行合作签约。');
    const meeting = doc.events?.find((e) => e.type === 'Meeting');
    expect(meeting).toMatchObject({ date: '2025-05-12' });
    const signings = (doc.events ?? []).filter((e) => e.type === 'Signing');
    expect(signings).toHaveLength(2);
    for (const s of signings) expect(s).toMatchObject({ date: '2025-05-12', partOf: meeting!.key });
    const n = named(doc);
    expect(meeting!.participants?.map((p) => `${n.get(p.entity)}:${p.role}`)).toEqual(expect.arrayContaining(['张立华:speaker']));
    expect(doc.events?.find((e) => e.type === 'Inspection')).toMatchObject({ date: '2025-05-15' });
  });

  test('when a sub-headline names an event told before, then the undated paragraph under it is of that event’s day', () => {
    const doc = draftOf('5月6日，开发区召开二季度招商工作推进会。\n\n5月8日，县长李明一行到开发区调研。\n\n开发区召开招商工作推进会\n\n' +
      '当日，开发区与江苏远帆新材料有限公司签订投资协议。');
    expect(doc.events?.find((e) => e.type === 'Signing')).toMatchObject({ date: '2025-05-06' });
  });
});

describe('kg extract: one body under two names, and the company of a branch', () => {
  test('when a city’s body is named with and without 市 (扬州市科协, 扬州科协), then it is one organisation', () => {
    const doc = draftOf('5月20日，扬州市科协党组书记徐明到开发区调研。扬州科协将与开发区共建服务站。');
    expect(doc.entities.filter((e) => e.type === 'Organization' && /科协$/u.test(e.name)).map((e) => e.name)).toEqual(['扬州市科协']);
  });

  test('when a branch is named (…有限公司高邮分公司), then its company is drafted too, and 母公司 is not a name', () => {
    const names = orgs('5月21日，苏州禾康医疗器械有限公司清河分公司揭牌。江苏远帆新材料有限公司母公司远帆集团出席。');
    expect(names).toEqual(expect.arrayContaining(['苏州禾康医疗器械有限公司清河分公司', '苏州禾康医疗器械有限公司', '远帆集团']));
    expect(names.filter((n) => n.endsWith('母公司'))).toEqual([]);
  });
});

describe('kg extract: the graph as a gazetteer, looked up by index', () => {
  test('when the graph knows a two-character trade name and a person named without a title, then the text links both and nothing else of the graph', () => {
    const gazetteer = new Gazetteer([
      { id: 'org:dongrun', type: 'Organization', name: '东润', kind: 'Company', aliases: [] },
      { id: 'person:zhou-qiming', type: 'Person', name: '周启明', aliases: [] },
      { id: 'person:not-named', type: 'Person', name: '钱多多', aliases: [] },
    ]);
    const doc = extractArticle('5月22日，周启明到开发区调研，察看了东润电池车间。', meta, { gazetteer }).document;
    expect(doc.entities.filter((e) => e.id).map((e) => e.id).sort()).toEqual(['org:dongrun', 'person:zhou-qiming']);
  });
});

describe('kg extract: an organisation right after a person and a verb', () => {
  test('when a city official leads the city’s bureaus (…副市长陆永群率市商务局、市科技局), then each bureau is the city’s, whatever the segmenter glued', () => {
    const names = orgs('5月23日，盐城市副市长陆永群率市商务局、市科技局相关负责同志到开发区调研。');
    expect(names).toEqual(expect.arrayContaining(['盐城市商务局', '盐城市科技局']));
  });
});
