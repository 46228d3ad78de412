/**
 * The seed says what the article says: facts read straight from the article's text (which the seed carries,
 * and which is the shared article) are in the seed, with their hedges; every evidence and every number as
 * written is a verbatim part of the text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURE_QUALIFIERS } from '../src/model';
import { validateDocument } from '../src/ingest';

const seed = JSON.parse(readFileSync(join(__dirname, '..', 'seed', 'gaoyou-edz-newsletter-2023-06.json'), 'utf8'));
const text: string = seed.article.text;
const SHARED = join(__dirname, '..', '..', 'shared', 'articles', 'gaoyou-edz-newsletter-2023-06.txt');

type Fact = { evidence?: string; [k: string]: any };
const all: Fact[] = [...seed.entities, ...seed.events, ...seed.relations, ...seed.figures];
const nameOf = (key: string): string => seed.entities.find((e: Fact) => e.key === key)?.name;
const eventByKey = (key: string): Fact => seed.events.find((e: Fact) => e.key === key);

describe('the seed, against the article it was read from', () => {
  it('is a valid kg-article/1 document carrying the article as published', () => {
    expect(validateDocument(seed)).toMatchObject({ ok: true });
    if (existsSync(SHARED)) expect(text).toBe(readFileSync(SHARED, 'utf8'));
  });

  it('quotes the article verbatim in every evidence and every number as written', () => {
    const notInText = all.filter((f) => f.evidence !== undefined && !text.includes(f.evidence)).map((f) => f.evidence);
    expect(notInText).toEqual([]);
    const statedNotInEvidence = seed.figures.filter((f: Fact) => f.stated !== undefined && !(f.evidence ?? "").includes(f.stated));
    expect(statedNotInEvidence).toEqual([]);
  });

  it('has one Signing per agreement the zone signed "separately" on 6/26, each part of the 对接会', () => {
    const sentence = /开发\s*区分别与(.+?)进行合作签约/.exec(text);
    expect(sentence).not.toBeNull();
    const schools = sentence![1].split('、');
    expect(schools).toHaveLength(4);
    const meeting = seed.events.find((e: Fact) => e.name.includes('用工要素对接会'));
    const signings = seed.events.filter((e: Fact) => e.type === 'Signing' && e.partOf === meeting.key);
    const parties = signings.map((s: Fact) => s.participants.filter((p: Fact) => p.role === 'signatory').map((p: Fact) => nameOf(p.entity)));
    expect(parties.map((p: string[]) => p.length)).toEqual([2, 2, 2, 2]);
    expect(parties.map((p: string[]) => p.find((n) => n !== '高邮经济开发区')).sort()).toEqual([...schools].sort());
    for (const p of parties) expect(p).toContain('高邮经济开发区');
  });

  it('links what was held during another event with partOf, never a document-local attribute', () => {
    expect(seed.events.filter((e: Fact) => e.attributes && 'heldDuring' in e.attributes)).toEqual([]);
    const groundbreaking = seed.events.find((e: Fact) => e.name.includes('重大项目开工仪式'));
    expect(eventByKey(groundbreaking.partOf).name).toBe('扬州烟花三月国际经贸旅游节');
    const rules = seed.events.find((e: Fact) => e.name.includes('《企业HR及人力资源服务机构考核办法》'));
    expect(eventByKey(rules.partOf).name).toContain('用工要素对接会');
    expect(text).toContain('会上还宣读了《企业HR及人力资源服务机构考核办法》');
  });

  it('keeps the hedge of every hedged number the text states', () => {
    const hedged = (stated: string) => seed.figures.filter((f: Fact) => f.stated === stated).map((f: Fact) => [f.value, f.qualifier]);
    const near = /近(\d+)亿元/.exec(text)!;
    expect(hedged(near[0])).toEqual([[Number(near[1]), 'approx']]);
    const atLeast = /(\d+)%以上/.exec(text)!;
    expect(hedged(atLeast[0])).toEqual([[Number(atLeast[1]), 'atLeast']]);
    const more = /(\d+)余名/.exec(text)!;
    expect(hedged(`${more[1]}余名`)).toEqual([[Number(more[1]), 'atLeast']]);
    const forecast = /预计实现规模以上工业产值(\d+)亿元/.exec(text)!;
    const output = seed.figures.find((f: Fact) => f.metric === '规模以上工业产值');
    expect([output.value, output.qualifier, output.stated]).toEqual([Number(forecast[1]), 'estimate', `${forecast[1]}亿元`]);
    // a hedged figure's wording carries one of its qualifier's markers, or sits in the 预计 sentence
    for (const f of seed.figures.filter((x: Fact) => x.qualifier)) {
      const markers: readonly string[] = FIGURE_QUALIFIERS[f.qualifier as keyof typeof FIGURE_QUALIFIERS].markers;
      const marked = markers.some((m) => f.stated.includes(m) || f.evidence.includes(`${m}实现`)) || f.stated.includes('余');
      expect([f.metric, marked]).toEqual([f.metric, true]);
    }
  });

  it('has the facts a sentence-by-sentence reading finds', () => {
    expect(text).toMatch(/对20个村\(社区\)相关工作逐一进行了点评/);
    expect(eventByKey('ev-0625-observation').attributes.villagesAndCommunitiesReviewed).toBe(20);
    expect(text).toContain('5月中下旬先后外出拜访3次');
    const visits = seed.events.find((e: Fact) => e.attributes?.dateText === '5月中下旬');
    expect([visits.type, visits.date, visits.attributes.occurrences]).toEqual(['Visit', '2023-05', 3]);
    expect(seed.figures.find((f: Fact) => f.metric === '5月中下旬外出拜访')).toMatchObject({ value: 3, stated: '3次' });
    expect(seed.figures.find((f: Fact) => f.metric === '建区周年')).toMatchObject({ subject: 'edz', value: 30, stated: '三十' });
  });
});
