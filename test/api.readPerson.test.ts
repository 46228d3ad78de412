/**
 * One official read through the schema: 金锋's positions, events with his roles (filtered by type, role and date),
 * relations, sources and mentions, with their provenance. Expected values are the seed article's
 * (seed/gaoyou-edz-newsletter-2023-06.json).
 */
import { closeTestDriver } from './support/db';
import { ARTICLE, ev, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

describe('金锋', () => {
  it('holds exactly two positions, each with its source', async () => {
    const data = await ok(`{ entity(id: "person:jin-feng") { ... on Person { positions { totalCount edges {
      title since until node { id name } sources { edges { evidence article: node { id } } } } } } } }`);
    const positions = data.entity.positions.edges;
    expect(data.entity.positions.totalCount).toBe(2);
    expect(positions.map((p: any) => [p.title, p.node.name])).toEqual([
      ['党工委副书记', '高邮经济开发区党工委'],
      ['管委会主任', '高邮经济开发区管委会'],
    ]);
    for (const p of positions) {
      expect(p.sources.edges).toHaveLength(1);
      expect(p.sources.edges[0].article.id).toBe(ARTICLE);
      expect(p.sources.edges[0].evidence).toContain('管委会主任金锋');
    }
  });

  it('took part in exactly four events, with these roles', async () => {
    const data = await ok(`{ entity(id: "person:jin-feng") { events { totalCount edges { roles node { id date } sources { edges { article: node { id } } } } } } }`);
    expect(data.entity.events.totalCount).toBe(4);
    expect(data.entity.events.edges.map((e: any) => [e.node.id, e.roles])).toEqual([
      [ev('ev-0621-cast-inspection'), ['ATTENDEE', 'SPEAKER']],
      [ev('ev-0621-signing'), ['ATTENDEE', 'SPEAKER']],
      [ev('ev-0625-observation'), ['SPEAKER', 'INSPECTOR']], // in the model's role order
      [ev('ev-0626-meeting'), ['HOST']],
    ]);
    expect(data.entity.events.edges[0].sources).toEqual({ edges: [{ article: { id: ARTICLE } }] });
  });

  it('events filter by type, role and date, and stop at first', async () => {
    const data = await ok(`{ entity(id: "person:jin-feng") {
      inspections: events(types: [INSPECTION]) { totalCount edges { node { id } } }
      hosted: events(roles: [HOST, INSPECTOR]) { totalCount edges { node { id } } }
      late: events(from: "2023-06-25") { totalCount edges { node { id } } }
      one: events(first: 1) { totalCount pageInfo { hasNextPage } edges { node { id } } }
    } }`);
    const ids = (c: any) => c.edges.map((e: any) => e.node.id);
    expect(ids(data.entity.inspections)).toEqual([ev('ev-0621-cast-inspection'), ev('ev-0625-observation')]);
    expect(ids(data.entity.hosted)).toEqual([ev('ev-0625-observation'), ev('ev-0626-meeting')]);
    expect(ids(data.entity.late)).toEqual([ev('ev-0625-observation'), ev('ev-0626-meeting')]);
    expect([data.entity.inspections.totalCount, data.entity.hosted.totalCount, data.entity.late.totalCount]).toEqual([2, 2, 2]);
    expect(ids(data.entity.one)).toEqual([ev('ev-0621-cast-inspection')]);
    expect(data.entity.one.totalCount).toBe(4); // the whole list is counted, the page stops at first
    expect(data.entity.one.pageInfo.hasNextPage).toBe(true);
  });

  it('has generic relations, sources and mentions', async () => {
    const data = await ok(`{ entity(id: "person:jin-feng") {
      relations { totalCount edges { type direction node { id } attributes sources { edges { article: node { id } } } } }
      incoming: relations(direction: INCOMING) { totalCount edges { type } }
      sources { totalCount edges { evidence node { id title } } }
      mentionedIn { totalCount edges { node { id } } }
    } }`);
    expect(data.entity.relations).toEqual({ totalCount: 2, edges: [
      { type: 'HOLDS_POSITION', direction: 'OUTGOING', node: { id: 'org:gaoyou-edz-party-working-committee' }, attributes: { title: '党工委副书记' }, sources: { edges: [{ article: { id: ARTICLE } }] } },
      { type: 'HOLDS_POSITION', direction: 'OUTGOING', node: { id: 'org:gaoyou-edz-management-committee' }, attributes: { title: '管委会主任' }, sources: { edges: [{ article: { id: ARTICLE } }] } },
    ] });
    expect(data.entity.incoming).toEqual({ totalCount: 0, edges: [] });
    expect(data.entity.sources).toEqual({ totalCount: 1, edges: [
      { evidence: expect.stringContaining('金锋'), node: { id: ARTICLE, title: '瞄准目标审时度势 自我加压奋力拼抢' } },
    ] });
    expect(data.entity.mentionedIn).toEqual({ totalCount: 1, edges: [{ node: { id: ARTICLE } }] });
  });
});
