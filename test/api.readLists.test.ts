/**
 * Filtered lists of the seeded graph through the schema: entities by type, kind, name, alias and ids; events by
 * date window (within or overlapping), type, participant, location and article, in order. Expected values are the
 * seed article's (seed/gaoyou-edz-newsletter-2023-06.json).
 */
import { closeTestDriver } from './support/db';
import { ARTICLE, ev, ok, seed, sorted, ZONE } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

describe('entities and events', () => {
  it('filters entities by type, kind, exact name or alias, name fragment and ids', async () => {
    const data = await ok(`{
      schools: entities(where: { kinds: [SCHOOL, UNIVERSITY] }, first: 100) { totalCount edges { node { name } } }
      byAlias: entities(where: { name: "开发区" }) { edges { node { id } } }
      spaced: entities(where: { name: " 金 锋 " }) { edges { node { id } } }
      fragment: entities(where: { types: [ORGANIZATION], nameContains: "科协" }) { edges { node { name } } }
      ids: entities(where: { ids: ["person:jin-feng", "place:gaoyou", "person:nobody"] }) { totalCount edges { node { id } } }
      villages: entities(where: { types: [VILLAGE] }, orderBy: ID_ASC, first: 100) { totalCount edges { node { id } } }
    }`);
    expect(sorted(data.schools.edges.map((e: any) => e.node.name))).toEqual(
      sorted(['江南大学', '江南大学生命科学与健康工程学院', '扬州市职业大学', '扬州工业职业技术学院', '高邮中等专业学校']),
    );
    expect(data.byAlias.edges).toEqual([{ node: { id: ZONE } }]);
    expect(data.spaced.edges).toEqual([{ node: { id: 'person:jin-feng' } }]);
    expect(sorted(data.fragment.edges.map((e: any) => e.node.name))).toEqual(['扬州市科协', '高邮市科协']);
    expect(data.ids.totalCount).toBe(2);
    expect(data.villages.totalCount).toBe(7);
    expect(data.villages.edges.map((e: any) => e.node.id)).toEqual(
      ['village:changnong', 'village:guanhe', 'village:huawang', 'village:qianxia', 'village:shuangmiao', 'village:tayuan', 'village:yanggou'],
    );
  });

  it('lists the 4 events dated 2023-06-21 (WITHIN), and also the month-dated one that may overlap it (OVERLAPS)', async () => {
    const data = await ok(`{
      within: events(where: { from: "2023-06-21", to: "2023-06-21", dateMatch: WITHIN }) { totalCount edges { node { id date } } }
      overlaps: events(where: { from: "2023-06-21", to: "2023-06-21" }) { totalCount edges { node { id date } } }
    }`);
    expect(data.within.totalCount).toBe(4);
    expect(data.within.edges.map((e: any) => e.node.id)).toEqual([
      ev('ev-0621-cast-inspection'),
      ev('ev-0621-civility-launch'),
      ev('ev-0621-npc-inspection'),
      ev('ev-0621-signing'),
    ]);
    expect(data.within.edges.every((e: any) => e.node.date === '2023-06-21')).toBe(true);
    expect(data.overlaps.totalCount).toBe(5);
    expect(data.overlaps.edges.map((e: any) => e.node.id)).toContain(ev('ev-2306-courtyard-meeting'));
  });

  it('takes a multi-day or month-dated event into any window it overlaps, and into none it does not lie within', async () => {
    const data = await ok(`{
      overlaps: events(where: { from: "2023-06-09", to: "2023-06-12" }) { edges { node { id date endDate } } }
      within: events(where: { from: "2023-06-09", to: "2023-06-12", dateMatch: WITHIN }) { totalCount }
      month: events(where: { from: "2023-06", to: "2023-06", dateMatch: WITHIN }) { totalCount }
    }`);
    expect(data.overlaps.edges.map((e: any) => e.node)).toEqual([
      { id: ev('ev-2306-courtyard-meeting'), date: '2023-06', endDate: null },
      { id: ev('ev-0608-garment-visit'), date: '2023-06-08', endDate: '2023-06-09' },
    ]);
    expect(data.within.totalCount).toBe(0);
    expect(data.month.totalCount).toBe(18); // every dated event of the seed but the visits of late May is in June 2023
  });

  it('filters events by type, participant, location and article, and orders them', async () => {
    const data = await ok(`{
      signings: events(where: { types: [SIGNING] }) { totalCount }
      signingsOrFairs: events(where: { types: [SIGNING, FAIR] }) { totalCount }
      jin: events(where: { participant: "person:jin-feng" }, orderBy: DATE_DESC) { edges { node { id } } }
      atZone: events(where: { location: "${ZONE}" }) { edges { node { id } } }
      jinAtZone: events(where: { participant: "person:jin-feng", location: "${ZONE}" }) { totalCount }
      article: events(where: { article: "${ARTICLE}" }) { totalCount }
      nobody: events(where: { participant: "person:nobody" }) { totalCount }
    }`);
    expect(data.signings.totalCount).toBe(5); // one type is an equality, several a list (cypher/eventPage.ts)
    expect(data.signingsOrFairs.totalCount).toBe(8);
    expect(data.jin.edges.map((e: any) => e.node.id)).toEqual([
      ev('ev-0626-meeting'),
      ev('ev-0625-observation'),
      ev('ev-0621-cast-inspection'),
      ev('ev-0621-signing'),
    ]);
    expect(sorted(data.atZone.edges.map((e: any) => e.node.id))).toEqual([ev('ev-0621-cast-inspection'), ev('ev-0625-observation')]);
    expect(data.jinAtZone.totalCount).toBe(2);
    expect(data.article.totalCount).toBe(28);
    expect(data.nobody.totalCount).toBe(0);
  });
});
