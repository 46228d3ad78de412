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
