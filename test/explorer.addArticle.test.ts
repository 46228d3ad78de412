/**
 * The Add article view's logic, without a browser: a reviewer's corrections to a real draft (the extractor run on
 * the seed article) give documents the ingester's validator accepts; what it would refuse is found before asking
 * the server, at the same JSON paths; the marks in the text; the view's operations are valid against the API.
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as path from 'path';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { buildApiSchema } from '../src/api';
import { extractArticle } from '../src/extract';
import { validateDocument } from '../src/ingest';
import * as D from '../src/explorer/web/addArticleDraft';
import { idFromFileName } from '../src/explorer/web/addArticleForm';
import { EXTRACT_ARTICLE, INGEST_ARTICLE, LINK_SEARCH } from '../src/explorer/web/addArticleQueries';
import { draftSpans, segments } from '../src/explorer/web/addArticleSpans';
import { noticeText, problemText } from '../src/explorer/web/addArticleText';
import { setLang } from '../src/explorer/web/i18n';

const seed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'seed', 'gaoyou-edz-newsletter-2023-06.json'), 'utf8'));
const TEXT: string = seed.article.text;
const draft = (): D.DraftDoc =>
  extractArticle(TEXT, { id: 'review-test', publishedOn: '2023-06-30', publisher: '高邮经济开发区' }).document as unknown as D.DraftDoc;

const entity = (d: D.DraftDoc, name: string) => {
  const e = d.entities.find((x) => x.name === name || x.aliases?.includes(name));
  if (!e) throw new Error(`the draft has no ${name}`);
  return e;
};
const refsTo = (d: D.DraftDoc, key: string) =>
  [
    ...(d.events ?? []).flatMap((ev) => [ev.location, ...(ev.participants ?? []).map((p) => p.entity)]),
    ...(d.relations ?? []).flatMap((r) => [r.from, r.to]),
    ...(d.figures ?? []).map((f) => f.subject),
  ].filter((k) => k === key).length;

function expectValid(d: D.DraftDoc): void {
  const v = validateDocument(d);
  expect(v.ok ? [] : v.problems).toEqual([]);
  expect(D.draftProblems(d)).toEqual([]);
}

describe('correcting a draft', () => {
  it('when nothing is corrected, then the draft is valid as it came', () => {
    expectValid(draft());
  });

  it('when a person mentioned twice under two names is merged, then one entity remains, named by everything that named either, and the document validates', () => {
    const d = draft();
    const jin = entity(d, '金锋');
    const zone = entity(d, '高邮经济开发区');
    // make a second mention the way an extractor splits one person: a copy with another name
    const twin: D.DraftEntity = { key: 'person-twin', type: 'Person', name: '金 锋', evidence: jin.evidence };
    d.entities.push(twin);
    const ev = d.events!.find((e) => e.participants?.some((p) => p.entity === jin.key))!;
    const role = ev.participants!.find((p) => p.entity === jin.key)!.role;
    ev.participants!.push({ entity: twin.key, role });
    d.relations!.push({ type: 'HOLDS_POSITION', from: twin.key, to: zone.key, attributes: { title: '主任' } });
    const before = refsTo(d, jin.key) + refsTo(d, twin.key);

    const merged = D.mergeEntities(d, jin.key, twin.key);
    expect(merged.entities.some((e) => e.key === twin.key)).toBe(false);
    expect(entity(merged, '金锋').aliases).toContain('金 锋');
    expect(refsTo(merged, twin.key)).toBe(0);
    // the duplicate participation collapsed into one
    expect(merged.events!.find((e) => e.key === ev.key)!.participants!.filter((p) => p.entity === jin.key && p.role === role)).toHaveLength(1);
    expect(refsTo(merged, jin.key)).toBe(before - 1);
    expectValid(merged);
    // the draft given is left as it was (the view keeps it for Undo)
    expect(d.entities.some((e) => e.key === twin.key)).toBe(true);
  });

  it('when two entities of different types or linked to two graph entities are merged, then it is refused with the reason', () => {
    const d = draft();
    const person = d.entities.find((e) => e.type === 'Person')!;
    const org = d.entities.find((e) => e.type === 'Organization')!;
    expect(() => D.mergeEntities(d, person.key, org.key)).toThrow(/is a Organization and .* a Person: change one type first/);
    const [a, b] = d.entities.filter((e) => e.type === 'Person');
    const linked = D.linkEntity(D.linkEntity(d, a.key, 'person:one'), b.key, 'person:two');
    expect(() => D.mergeEntities(linked, a.key, b.key)).toThrow(/two different graph entities \(person:one, person:two\)/);
    expect(() => D.mergeEntities(d, a.key, a.key)).toThrow(/itself/);
  });

  it('when a person holding a position is made an organisation, then the position is a problem at the path the ingester names too', () => {
    const d = draft();
    const i = d.relations!.findIndex((r) => r.type === 'HOLDS_POSITION');
    const holder = d.relations![i].from;
    const changed = D.changeEntityType(d, holder, 'Organization');
    const local = D.draftProblems(changed);
    expect(local).toEqual(expect.arrayContaining([{
      path: `relations[${i}].from`,
      message: expect.stringMatching(/HOLDS_POSITION cannot start at .*, a Organization/),
      code: 'cannotStart',
      params: expect.objectContaining({ relation: 'HOLDS_POSITION', type: 'Organization', allowed: 'Person' }),
    }]));
    const server = validateDocument(changed);
    expect(server.ok).toBe(false);
    const serverPaths = server.ok ? [] : server.problems.map((p) => p.path);
    for (const p of local) expect(serverPaths.some((s) => s.startsWith(p.path.replace(/\.(from|to)$/u, '')))).toBe(true);
    expect(D.problemTarget(local[0].path)).toEqual({ list: 'relations', index: expect.any(Number) });
  });

  it('when an organisation becomes a place, then a kind places do not have is cleared and the document validates', () => {
    const d = draft();
    const company = d.entities.find((e) => e.kind === 'Company' && refsTo(d, e.key) === 0) ?? d.entities.find((e) => e.kind === 'Company')!;
    const dropped = D.dropEntity(d, company.key).doc; // keep the relations out of it: this is about kinds
    const again = { ...dropped, entities: [...dropped.entities, { ...company, attributes: { confidence: 0.6 } }] };
    const place = D.changeEntityType(again, company.key, 'Place');
    const e = entity(place, company.name);
    expect(e.type).toBe('Place');
    expect(e.kind).toBeUndefined();
    // the reviewer's correction vouches for it: no longer unsure
    expect(D.isUnsure(e)).toBe(false);
    expectValid(place);
  });

  it('when an entity is dropped, then the facts naming it go with it and the count says how many', () => {
    const d = draft();
    const zone = entity(d, '高邮经济开发区');
    const naming = refsTo(d, zone.key);
    expect(naming).toBeGreaterThan(3);
    const { doc, alsoDropped } = D.dropEntity(d, zone.key);
    expect(doc.entities.some((e) => e.key === zone.key)).toBe(false);
    expect(refsTo(doc, zone.key)).toBe(0);
    expect(alsoDropped).toBeGreaterThan(0);
    expect(alsoDropped).toBeLessThanOrEqual(naming);
    expectValid(doc);
  });

  it('when an event, a relation, a figure or a participant is dropped, then only it goes', () => {
    const d = draft();
    const ev = d.events![0];
    const child = { ...d.events![1], key: 'child', partOf: ev.key };
    const withChild = { ...d, events: [...d.events!, child] };
    const noEvent = D.dropEvent(withChild, ev.key);
    expect(noEvent.events!.map((e) => e.key)).not.toContain(ev.key);
    expect(noEvent.events!.find((e) => e.key === 'child')!.partOf).toBeUndefined();
    expectValid(noEvent);
    expect(D.dropRelation(d, 0).relations).toHaveLength(d.relations!.length - 1);
    expect(D.dropFigure(d, 0).figures).toEqual(d.figures!.slice(1));
    const withPeople = d.events!.find((e) => (e.participants?.length ?? 0) > 1)!;
    const fewer = D.dropParticipant(d, withPeople.key, 0).events!.find((e) => e.key === withPeople.key)!;
    expect(fewer.participants).toEqual(withPeople.participants!.slice(1));
  });

  it('when a mention is linked to a graph entity, then it carries that id and loses its unsure mark; unlinking takes the id away', () => {
    const d = draft();
    const unsure = d.entities.find((e) => D.isUnsure(e))!;
    expect(unsure).toBeDefined();
    const linked = D.linkEntity(d, unsure.key, 'org:somewhere');
    expect(linked.entities.find((e) => e.key === unsure.key)).toMatchObject({ id: 'org:somewhere' });
    expect(D.unsureCount(linked)).toBe(D.unsureCount(d) - 1);
    expect(D.linkEntity(linked, unsure.key, null).entities.find((e) => e.key === unsure.key)!.id).toBeUndefined();
  });

  it('when two mentions are linked to one graph entity, then that is a problem where the ingester finds it too, until they are merged', () => {
    const d = draft();
    const [a, b] = d.entities.filter((e) => e.type === 'Person' && !e.id);
    const twice = D.linkEntity(D.linkEntity(d, a.key, 'person:same'), b.key, 'person:same');
    const local = D.draftProblems(twice);
    expect(local).toEqual([{
      path: `entities[${twice.entities.findIndex((e) => e.key === b.key)}].id`,
      message: expect.stringMatching(/both linked to person:same: merge them/),
      code: 'linkedTwice',
      params: expect.objectContaining({ id: 'person:same' }),
    }]);
    const server = validateDocument(twice);
    expect(server.ok ? [] : server.problems.map((p) => p.path)).toContain(local[0].path);
    expectValid(D.mergeEntities(twice, a.key, b.key));
  });
});

describe('problems and notices in the interface language', () => {
  afterEach(() => setLang('en'));

  it('when the extractor notices something, then the page says it from its code, in Chinese when Chinese is chosen', () => {
    const { notices } = extractArticle('6月21日，开发区召开项目推进会。', { id: 'no-year' });
    expect(notices).toEqual([{ code: 'date.noYear', message: expect.stringMatching(/^no year/), params: {} }]);
    const tooLong = extractArticle('字'.repeat(2_000_001), { id: 'too-long' }).notices;
    expect(tooLong).toEqual([expect.objectContaining({ code: 'text.tooLong', params: { length: 2_000_001, max: 2_000_000 } })]);
    setLang('zh');
    expect(noticeText(notices[0])).toBe('没有年份：请填写发布日期（YYYY-MM-DD），以便为“6月21日”这样的日期确定年份。');
    expect(noticeText(tooLong[0])).toContain('文本有 2000001 个字符');
    setLang('en');
    expect(noticeText(notices[0])).toMatch(/^No year: fill in the publication date/);
    // a code this page does not know yet is shown as the server says it
    expect(noticeText({ code: 'some.future', message: 'something new', params: {} })).toBe('something new');
  });

  it('when a correction makes a problem, then it is said in the chosen language, type names included', () => {
    const d = draft();
    const i = d.relations!.findIndex((r) => r.type === 'HOLDS_POSITION');
    const problem = D.draftProblems(D.changeEntityType(d, d.relations![i].from, 'Organization')).find((p) => p.code === 'cannotStart')!;
    setLang('zh');
    expect(problemText(problem)).toMatch(/^HOLDS_POSITION 不能从机构“.+”出发（允许：人物）$/u);
    setLang('en');
    expect(problemText(problem)).toBe(problem.message);
    // the server's problems have no code: they are shown as it says them
    expect(problemText({ path: 'article.id', message: 'must match' })).toBe('must match');
  });
});

describe('what is marked in the text', () => {
  it('marks every mention of an entity by its type, longer names over the short ones inside them, and figures in their sentence', () => {
    const d = draft();
    const spans = draftSpans(TEXT, d);
    for (let i = 1; i < spans.length; i += 1) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    const at = (s: { start: number; end: number }) => TEXT.slice(s.start, s.end);
    const jin = entity(d, '金锋');
    expect(spans.filter((s) => s.ref === jin.key).map(at).every((t) => t === '金锋')).toBe(true);
    expect(spans.filter((s) => s.ref === jin.key).length).toBe(TEXT.split('金锋').length - 1);
    // 开发区党工委 (an alias of the zone's party committee) is one mark, not the zone's 开发区 and 党工委
    const pwc = entity(d, '开发区党工委');
    expect(spans.filter((s) => s.ref === pwc.key && at(s) === '开发区党工委')).toHaveLength(TEXT.split('开发区党工委').length - 1);
    const figures = spans.filter((s) => s.type === 'Figure');
    expect(figures.length).toBe(d.figures!.length);
    for (const f of figures) {
      const fig = d.figures![Number(f.ref.split(':')[1])];
      expect(at(f)).toContain(String(fig.value));
      if (fig.evidence) expect(fig.evidence).toContain(at(f));
    }
    // the segments put the text back together unchanged
    expect(segments(TEXT, spans).map((s) => s.text).join('')).toBe(TEXT);
  });

  it('marks unsure entities as unsure', () => {
    const d = draft();
    const unsure = d.entities.find((e) => D.isUnsure(e) && TEXT.includes(e.name))!;
    expect(draftSpans(TEXT, d).filter((s) => s.ref === unsure.key).every((s) => s.unsure)).toBe(true);
  });

  it('suggests an article id from a file name', () => {
    expect(idFromFileName('高邮 newsletter 2024-10.txt')).toBe('newsletter-2024-10');
    expect(idFromFileName('a.b.txt')).toBe('a.b');
  });
});

describe('the view’s operations', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildApiSchema();
  });
  it.each([['extract', EXTRACT_ARTICLE], ['ingest', INGEST_ARTICLE], ['link search', LINK_SEARCH]])('%s is valid against the API schema', (_name, query) => {
    expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
  });
});
