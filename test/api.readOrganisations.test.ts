/**
 * Organisations, events, articles and figures read through the schema on the seed: an organisation's officials,
 * parent, units, projects and figures; an event's location, article and sources; what an article mentions and
 * reports; figures by subject, metric and period. Expected values are the seed article's
 * (seed/gaoyou-edz-newsletter-2023-06.json).
 */
import { closeTestDriver } from './support/db';
import { ARTICLE, ev, ok, seed, sorted, ZONE } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

describe('organisations, events, articles and figures', () => {
  it('an organisation has officials, parent, units, projects and figures', async () => {
    const data = await ok(`{
      cast: entity(id: "org:yangzhou-cast") { ... on Organization { officials { totalCount edges { node { name } title } } parent { id } } }
      college: entity(id: "org:jiangnan-university-life-sciences-college") { ... on Organization { parent { name } } }
      zone: entity(id: "${ZONE}") { ... on Organization { units(first: 100) { totalCount edges { node { id type } } }
        figures(period: "2023-H1", metric: "规模以上工业产值") { totalCount edges { node { value unit change sources { edges { article: node { id } } } } } } } }
      xinrui: entity(id: "org:xinrui-optoelectronics") { ... on Organization { projects { edges { node { id kind attributes } } } } }
    }`);
    // by name, then title, in code point order as Neo4j sorts strings
    expect(data.cast.officials.totalCount).toBe(5);
    expect(data.cast.officials.edges.map((o: any) => [o.node.name, o.title])).toEqual([
      ['孙学平', '副主席'],
      ['徐健', '主席'],
      ['徐健', '党组书记'],
      ['朱梅君', '学会(国际)部部长'],
      ['钱靖平', '副主席'],
    ]);
    expect(data.cast.parent).toEqual({ id: 'place:yangzhou' });
    expect(data.college.parent).toEqual({ name: '江南大学' });
    const units = data.zone.units.edges.map((e: any) => e.node);
    expect(data.zone.units.totalCount).toBe(20);
    expect(units).toHaveLength(20);
    expect(units.filter((u: any) => u.type === 'VILLAGE')).toHaveLength(7);
    expect(data.zone.figures).toEqual({ totalCount: 1, edges: [{ node: { value: 295, unit: '亿元', change: 0.132, sources: { edges: [{ article: { id: ARTICLE } }] } } }] });
    expect(data.xinrui.projects.edges.map((e: any) => e.node)).toEqual([
      { id: 'project:xinrui-pv-cells', kind: 'MANUFACTURING', attributes: expect.objectContaining({ capacity: '12GW', investmentCnyYi: 100 }) },
    ]);
  });

  it('an event has its location, article and sources', async () => {
    const data = await ok(`{ node(id: "${ev('ev-0621-cast-inspection')}") { ... on Event {
      type location { id } article { id } sources { edges { evidence article: node { id } } }
      inspectors: participants(roles: [INSPECTOR]) { edges { node { id } sources { edges { article: node { id } } } } }
    } } }`);
    expect(data.node.type).toBe('INSPECTION');
    expect(data.node.location).toEqual({ id: ZONE });
    expect(data.node.article).toEqual({ id: ARTICLE });
    expect(data.node.sources).toEqual({ edges: [{ evidence: expect.stringContaining('徐健'), article: { id: ARTICLE } }] });
    expect(sorted(data.node.inspectors.edges.map((p: any) => p.node.id))).toEqual(
      ['person:qian-jingping', 'person:sun-xueping', 'person:xu-jian', 'person:zhu-meijun'],
    );
  });

  it('an article lists what it mentions and reports', async () => {
    const data = await ok(`{ node(id: "${ARTICLE}") { ... on Article {
      entities(first: 3) { totalCount edges { node { id } } } all: entities(first: 100) { edges { node { id } } }
      events(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } text } } }`);
    expect(data.node.entities.edges).toHaveLength(3);
    expect(data.node.entities.totalCount).toBe(92);
    expect(data.node.all.edges).toHaveLength(92);
    expect(data.node.events.edges.map((e: any) => e.node.id)).toEqual([ev('ev-2305-ipd-visits'), ev('ev-2306-courtyard-meeting')]);
    expect(data.node.events.pageInfo.hasNextPage).toBe(true);
    expect(data.node.text).toContain('瞄准目标审时度势');
  });

  it('figures filter by subject, metric and period', async () => {
    const data = await ok(`{
      xinrui: figures(subject: "project:xinrui-pv-cells") { metric value unit period subject { id } }
      half: figures(subject: "${ZONE}", period: "2023-H1", first: 100) { id }
      year: figures(subject: "${ZONE}", period: "2023", first: 100) { id }
      investments: figures(metric: "总投资") { subject { id } value }
      nobody: figures(subject: "org:nobody") { id }
    }`);
    expect(data.xinrui).toEqual([
      { metric: '已完成总工程量', value: 80, unit: '%', period: '2023-H1', subject: { id: 'project:xinrui-pv-cells' } },
      { metric: '总投资', value: 100, unit: '亿元', period: null, subject: { id: 'project:xinrui-pv-cells' } },
    ]);
    expect(data.half).toHaveLength(34);
    expect(data.year).toHaveLength(10);
    expect(sorted(data.investments.map((f: any) => `${f.subject.id}=${f.value}`))).toEqual([
      'project:xinrui-pv-cells=100',
      'project:yinglian-composite-current-collectors=30',
    ]);
    expect(data.nobody).toEqual([]);
  });
});
