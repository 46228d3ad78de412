/**
 * Neighbourhoods that contain hubs (nodes with more graph relationships than the query expands from): edges
 * touching a hub are found from their other end, hub–hub edges by testing the pair. Whatever the path, the
 * edges returned must be exactly the graph's relationships among the returned nodes, compared here with a
 * brute-force Cypher count over the same ids.
 */
import { closeTestDriver, testDatabase, testDriver } from './support/db';
import { loadOnly, ok } from './api.harness';

const FILLER_EVENTS = 300; // more than the neighbourhood's hub threshold (256) for both hubs

function hubArticle(): Record<string, unknown> {
  return {
    format: 'kg-article/1',
    article: { id: 'hubs', title: 'Hubs', publishedOn: '2024-01-01', language: 'zh' },
    entities: [
      { key: 'org', type: 'Organization', kind: 'Company', name: '枢纽集团' },
      { key: 'boss', type: 'Person', name: '张枢' },
      { key: 'p1', type: 'Person', name: '李一' },
      { key: 'p2', type: 'Person', name: '王二' },
    ],
    events: [
      {
        key: 'e0', type: 'Meeting', name: '小会', date: '2024-01-02',
        participants: [
          { entity: 'org', role: 'organizer' },
          { entity: 'boss', role: 'host' },
          { entity: 'p1', role: 'attendee' },
          { entity: 'p1', role: 'speaker' },
          { entity: 'p2', role: 'attendee' },
        ],
      },
      ...Array.from({ length: FILLER_EVENTS }, (_, i) => ({
        key: `f${i}`, type: 'Meeting', name: `例会${i}`, date: '2024-02-01',
        participants: [{ entity: 'org', role: 'organizer' }, { entity: 'boss', role: 'host' }],
      })),
    ],
    relations: [
      { type: 'HOLDS_POSITION', from: 'boss', to: 'org', attributes: { title: '董事长' } },
      { type: 'HOLDS_POSITION', from: 'p1', to: 'org', attributes: { title: '经理' } },
      { type: 'RELATED_TO', from: 'p1', to: 'p2' },
    ],
    figures: [],
  };
}

async function bruteForceEdgeCount(ids: string[]): Promise<number> {
  const { records } = await testDriver().executeQuery(
    `MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids AND (a:Entity OR a:Event) AND (b:Entity OR b:Event)
       AND NOT type(r) IN ['MENTIONS', 'REPORTS']
     RETURN count(r) AS n`,
    { ids },
    { database: testDatabase() },
  );
  return records[0].get('n') as number;
}

beforeAll(() => loadOnly([{ source: 'hubs', document: hubArticle() }]), 120_000);
afterAll(() => closeTestDriver());

describe('a neighbourhood with hubs in it', () => {
  it('when it starts at a small event between two hubs, then it has every edge among its nodes: hub–hub, hub–small, small–small and parallel ones', async () => {
    const data = await ok(`{ neighborhood(id: "hubs#e0", depth: 1, limit: 10) { nodes { id: nodeId } edges { id source target type role title } truncated } }`);
    const ids: string[] = data.neighborhood.nodes.map((n: { id: string }) => n.id);
    expect(ids.sort()).toEqual(['hubs#e0', 'organization:枢纽集团', 'person:张枢', 'person:李一', 'person:王二'].sort());
    expect(data.neighborhood.truncated).toBe(false);
    const edges: string[] = data.neighborhood.edges.map((e: { id: string }) => e.id).sort();
    expect(edges).toEqual([
      'organization:枢纽集团|PARTICIPATED_IN|organizer|hubs#e0',
      'person:张枢|HOLDS_POSITION|董事长|organization:枢纽集团',
      'person:张枢|PARTICIPATED_IN|host|hubs#e0',
      'person:李一|HOLDS_POSITION|经理|organization:枢纽集团',
      'person:李一|PARTICIPATED_IN|attendee|hubs#e0',
      'person:李一|PARTICIPATED_IN|speaker|hubs#e0',
      'person:李一|RELATED_TO||person:王二',
      'person:王二|PARTICIPATED_IN|attendee|hubs#e0',
    ].sort());
    expect(edges).toHaveLength(await bruteForceEdgeCount(ids));
  });

  it('when it starts at a hub and stops at its limit, then its edges are exactly those the graph has among the nodes it returns', async () => {
    const data = await ok(`{ neighborhood(id: "organization:枢纽集团", depth: 2, limit: 60) { nodes { id: nodeId } edges { id source target } truncated } }`);
    const ids: string[] = data.neighborhood.nodes.map((n: { id: string }) => n.id);
    expect(ids).toHaveLength(60);
    expect(data.neighborhood.truncated).toBe(true);
    const edges = data.neighborhood.edges as Array<{ id: string; source: string; target: string }>;
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
    for (const e of edges) expect(ids.includes(e.source) && ids.includes(e.target)).toBe(true);
    expect(edges).toHaveLength(await bruteForceEdgeCount(ids));
  });
});
