import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, Gazetteer } from '../src/extract';
import { validateDocument } from '../src/ingest';

// the seed keeps the article's text as published (shared/articles/gaoyou-edz-newsletter-2023-06.txt)
const ARTICLE: string = JSON.parse(readFileSync(join(__dirname, '..', 'seed', 'gaoyou-edz-newsletter-2023-06.json'), 'utf8')).article.text;
const meta = { id: 'gaoyou-draft', publishedOn: '2023-06-30', publisher: '高邮经济开发区' };

function names(doc: ReturnType<typeof extractArticle>['document']): Map<string, string> {
  return new Map(doc.entities.map((e) => [e.key, e.name]));
}

describe('kg extract: a newsletter becomes a kg-article/1 draft', () => {
  const draft = extractArticle(ARTICLE, meta);
  const doc = draft.document;
  const name = names(doc);

  test('when the Gaoyou newsletter is extracted, then the draft passes the validator kg validate uses', () => {
    const v = validateDocument(JSON.parse(JSON.stringify(doc)));
    expect(v.ok ? [] : v.problems).toEqual([]);
    expect(doc.article).toMatchObject({ id: 'gaoyou-draft', publishedOn: '2023-06-30', publisher: '高邮经济开发区' });
  });

  test('when a title chain precedes a name, then each title becomes a HOLDS_POSITION with its organisation', () => {
    const held = doc.relations
      .filter((r) => r.type === 'HOLDS_POSITION')
      .map((r) => `${name.get(r.from)}|${r.attributes?.title}|${name.get(r.to)}`);
    expect(held).toEqual(expect.arrayContaining([
      '金锋|党工委副书记|高邮经济开发区党工委',
      '金锋|主任|高邮经济开发区管委会',
      '史志洪|党委书记|江南大学生命科学与健康工程学院',
      '尹健|院长|江南大学生命科学与健康工程学院',
      '许辉|组织部部长|中共高邮市委组织部',
      '袁刚|产业规划处处长|扬州市职业大学',
      '孙学平|副主席|扬州市科协',
    ]));
  });

  test('when an event is reported with a date and a trigger word, then it has the type, the year of the article and roles from the verbs', () => {
    const meeting = doc.events.find((e) => e.date === '2023-06-26' && e.type === 'Meeting');
    expect(meeting?.name).toContain('用工要素对接会');
    const roles = (meeting?.participants ?? []).map((p) => `${name.get(p.entity)}:${p.role}`);
    expect(roles).toEqual(expect.arrayContaining(['金锋:host', '李深红:attendee', '高日平:attendee']));
    const month = doc.events.find((e) => e.name.includes('美丽庭院'));
    expect(month).toMatchObject({ type: 'Meeting', date: '2023-06' });
  });

  test('when figures are listed with year-on-year changes, then value, unit, period and change are read', () => {
    const output = doc.figures.find((f) => f.metric === '规模以上工业产值');
    expect(output).toMatchObject({ value: 295, unit: '亿元', period: '2023-H1', change: 0.132 });
    const fdi = doc.figures.find((f) => f.metric === '实际利用外资');
    expect(fdi).toMatchObject({ value: 1950.5, unit: '万美元', change: 18 });
  });

  test('every fact quotes its evidence verbatim from the text', () => {
    const quoted = [...doc.entities, ...doc.events, ...doc.relations, ...doc.figures].map((x) => x.evidence);
    expect(quoted.every((q) => typeof q === 'string' && ARTICLE.includes(q))).toBe(true);
  });

  test('when a fact is unsure, then it is kept and marked with a confidence', () => {
    const unsure = doc.entities.filter((e) => typeof e.attributes?.confidence === 'number');
    expect(unsure.length).toBeGreaterThan(0);
    expect(draft.unsure).toBeGreaterThanOrEqual(unsure.length);
  });

  test('when the graph already knows the zone, then the draft links its mentions to the known id', () => {
    const gazetteer = new Gazetteer([
      { id: 'org:gaoyou-edz', type: 'Organization', name: '高邮经济开发区', kind: 'DevelopmentZone', aliases: ['开发区'] },
      { id: 'person:jin-feng', type: 'Person', name: '金锋', aliases: [] },
    ]);
    const linked = extractArticle(ARTICLE, { ...meta, publisher: undefined }, { gazetteer }).document;
    expect(linked.entities.find((e) => e.name === '高邮经济开发区')?.id).toBe('org:gaoyou-edz');
    expect(linked.entities.find((e) => e.name === '金锋')?.id).toBe('person:jin-feng');
  });
});

describe('kg extract: the graph as a gazetteer', () => {
  test('when the text names one known entity in two ways (扬州, 扬州市), then the draft has it once, with its id, and validates', () => {
    const seed = JSON.parse(readFileSync(join(__dirname, '..', 'seed', 'gaoyou-edz-newsletter-2023-06.json'), 'utf8'));
    const gazetteer = new Gazetteer(
      seed.entities.filter((e: { id?: string }) => e.id).map((e: { id: string; type: never; name: string; kind?: string; aliases?: string[] }) => ({ id: e.id, type: e.type, name: e.name, kind: e.kind, aliases: e.aliases ?? [] })),
    );
    const draft = extractArticle(ARTICLE, { ...meta, id: 'gaoyou-again' }, { gazetteer });
    const ids = draft.document.entities.map((e) => e.id).filter(Boolean);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    expect(draft.warnings).toEqual([]);
    expect(validateDocument(draft.document)).toMatchObject({ ok: true });
    // a known college's name as one word does not pull the party before 与 into it
    expect(draft.document.entities.filter((e) => /开发区与/u.test(e.name))).toEqual([]);
  });
});

describe('kg extract: sentence shapes of other zones and of universities', () => {
  const positions = (doc: ReturnType<typeof extractArticle>['document']) => {
    const n = names(doc);
    return (doc.relations ?? []).filter((r) => r.type === 'HOLDS_POSITION').map((r) => `${n.get(r.from)} ${String(r.attributes?.title)} @${n.get(r.to)}`);
  };

  test('when a county officials are named (县委副书记、县长, 在…县委书记…的见证下, 党工委委员、副主任), then their county bodies and the zone’s 管委会 hold the positions', () => {
    const text = '10月16日，灌南经济开发区召开推进会。灌南县委副书记、县长杨光明，县委常委、开发区党工委书记徐立伟出席。' +
      '在灌南县委书记陈国华的见证下，双方签订协议。开发区党工委委员、副主任赵明亮主持会议。';
    const doc = extractArticle(text, { publishedOn: '2024-10-31', publisher: '灌南经济开发区' }).document;
    expect(positions(doc)).toEqual(expect.arrayContaining([
      '杨光明 县委副书记 @中共灌南县委', '杨光明 县长 @灌南县人民政府', '徐立伟 县委常委 @中共灌南县委',
      '徐立伟 党工委书记 @灌南经济开发区党工委', '陈国华 县委书记 @中共灌南县委', '赵明亮 党工委委员 @灌南经济开发区党工委',
      '赵明亮 副主任 @灌南经济开发区管委会',
    ]));
  });

  test('when a university publishes the news, then 校长, 校党委书记 and its units named without it are the university’s, and 学校 is it', () => {
    const text = '11月12日，江苏科技大学与江苏远洋船舶重工有限公司签约仪式在学校举行。公司董事长朱建国，校党委书记张庆华、校长刘永明出席。' +
      '仪式由科学技术研究院院长徐东主持。2023年，学校横向科研到账经费4.12亿元，较上年增长18.5%。';
    const doc = extractArticle(text, { publishedOn: '2024-11-20', publisher: '江苏科技大学' }).document;
    expect(positions(doc)).toEqual(expect.arrayContaining(['张庆华 党委书记 @江苏科技大学', '刘永明 校长 @江苏科技大学', '徐东 院长 @江苏科技大学科学技术研究院']));
    expect(positions(doc)).not.toContain('刘永明 校长 @江苏远洋船舶重工有限公司');
    const unit = doc.entities.find((e) => e.name === '江苏科技大学科学技术研究院');
    expect(unit).toMatchObject({ kind: 'University', aliases: ['科学技术研究院'] });
    const figure = doc.figures?.find((f) => f.value === 4.12);
    expect(names(doc).get(figure!.subject)).toBe('江苏科技大学');
    expect(figure).toMatchObject({ unit: '亿元', change: 0.185 });
  });

  test('when a collective signing is followed by the agreement signed at it, then the signing is part of the ceremony, on its day', () => {
    const text = '10月16日，灌南经济开发区秋季重大项目集中签约活动在县行政中心举行。开发区管委会与山东鲁西化工集团股份有限公司签订投资协议。\n\n' +
      '10月20日，开发区召开推进会。签约仪式前，与会人员参观了招商局重工（江苏）有限公司和美的集团股份有限公司。';
    const doc = extractArticle(text, { publishedOn: '2024-10-31', publisher: '灌南经济开发区' }).document;
    const ceremony = doc.events?.find((e) => e.type === 'Ceremony');
    const signing = doc.events?.find((e) => e.type === 'Signing');
    expect(ceremony).toMatchObject({ date: '2024-10-16' });
    expect(signing).toMatchObject({ date: '2024-10-16', partOf: ceremony?.key });
    const orgs = doc.entities.filter((e) => e.type === 'Organization').map((e) => e.name);
    expect(orgs).toEqual(expect.arrayContaining(['招商局重工（江苏）有限公司', '美的集团股份有限公司']));
  });
});
