/**
 * Graph views over the seeded graph: neighbourhoods (bounded, filterable, truncated at their limit) and
 * shortest paths. Expected neighbourhoods are recomputed independently from the seed document.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { closeTestDriver } from './support/db';
import { ARTICLE, ev, exec, ok, seed, SEED_DIR, sorted } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

interface SeedDoc {
  entities: Array<{ key: string; id: string; type: string }>;
  events: Array<{ key: string; type: string; location?: string; participants?: Array<{ entity: string; role: string }> }>;
  relations: Array<{ type: string; from: string; to: string; attributes?: Record<string, unknown> }>;
}
const doc = JSON.parse(readFileSync(path.join(SEED_DIR, `${ARTICLE}.json`), 'utf8')) as SeedDoc;
const idOf = new Map(doc.entities.map((e) => [e.key, e.id]));

/** Every graph edge of the seed as the API identifies it: source|type|role-or-title|target. */
const seedEdges: Array<{ id: string; source: string; target: string }> = [
  ...doc.relations.map((r) => {
    const [source, target] = [idOf.get(r.from)!, idOf.get(r.to)!];
    const title = r.type === 'HOLDS_POSITION' ? String(r.attributes?.title) : '';
    return { id: `${source}|${r.type}|${title}|${target}`, source, target };
  }),
  ...doc.events.flatMap((e) => [
    ...(e.participants ?? []).map((p) => {
      const source = idOf.get(p.entity)!;
      return { id: `${source}|PARTICIPATED_IN|${p.role}|${ev(e.key)}`, source, target: ev(e.key) };
    }),
    ...(e.location ? [{ id: `${ev(e.key)}|OCCURRED_AT||${idOf.get(e.location)}`, source: ev(e.key), target: idOf.get(e.location)! }] : []),
  ]),
];
const uniqueEdges = [...new Map(seedEdges.map((e) => [e.id, e])).values()];

function seedNeighborhood(start: string, depth: number): { nodes: Set<string>; edges: string[] } {
  const nodes = new Set([start]);
  let frontier = [start];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const e of uniqueEdges) {
      for (const [a, b] of [[e.source, e.target], [e.target, e.source]]) {
        if (frontier.includes(a) && !nodes.has(b)) {
          nodes.add(b);
          next.push(b);
        }
      }
    }
    frontier = next;
  }
  return { nodes, edges: uniqueEdges.filter((e) => nodes.has(e.source) && nodes.has(e.target)).map((e) => e.id).sort() };
}

const SUBGRAPH = `nodes { id: nodeId label type kind date } edges { id source target type role title } truncated`;

describe('neighborhood', () => {
  it.each([
    ['org:gaoyou-edz', 1],
    ['person:jin-feng', 1],
    ['person:jin-feng', 2],
    [ev('ev-0626-signing-yzpc'), 1],
  ])('of %s at depth %d is every node within reach and every edge among them', async (id, depth) => {
    const data = await ok(`query($id: ID!, $depth: Int!) { neighborhood(id: $id, depth: $depth, limit: 500) { ${SUBGRAPH} } }`, { id, depth });
    const expected = seedNeighborhood(id, depth);
    expect(data.neighborhood.truncated).toBe(false);
    expect(data.neighborhood.nodes[0].id).toBe(id);
    expect(new Set(data.neighborhood.nodes.map((n: any) => n.id))).toEqual(expected.nodes);
    expect(data.neighborhood.nodes).toHaveLength(expected.nodes.size);
    expect(data.neighborhood.edges.map((e: any) => e.id).sort()).toEqual(expected.edges);
  });

  it('draws nodes and edges with their types, kinds, roles and titles', async () => {
    const data = await ok(`{ neighborhood(id: "person:jin-feng") { ${SUBGRAPH} } }`);
    const byId = Object.fromEntries(data.neighborhood.nodes.map((n: any) => [n.id, n]));
    expect(byId['person:jin-feng']).toEqual({ id: 'person:jin-feng', label: '金锋', type: 'Person', kind: null, date: null });
    expect(byId['org:gaoyou-edz-management-committee']).toEqual({
      id: 'org:gaoyou-edz-management-committee',
      label: '高邮经济开发区管委会',
      type: 'Organization',
      kind: 'GovernmentAgency',
      date: null,
    });
    expect(byId[ev('ev-0626-meeting')]).toMatchObject({ type: 'Event', kind: 'Meeting', date: '2023-06-26' });
    expect(data.neighborhood.edges).toContainEqual({
      id: 'person:jin-feng|HOLDS_POSITION|管委会主任|org:gaoyou-edz-management-committee',
      source: 'person:jin-feng',
      target: 'org:gaoyou-edz-management-committee',
      type: 'HOLDS_POSITION',
      role: null,
      title: '管委会主任',
    });
    expect(data.neighborhood.edges).toContainEqual({
      id: `person:jin-feng|PARTICIPATED_IN|host|${ev('ev-0626-meeting')}`,
      source: 'person:jin-feng',
      target: ev('ev-0626-meeting'),
      type: 'PARTICIPATED_IN',
      role: 'host',
      title: null,
    });
  });

  it('of a hub stops at its limit and says it was truncated', async () => {
    const reachable = seedNeighborhood('org:gaoyou-edz', 1).nodes;
    expect(reachable.size).toBeGreaterThan(50);
    const data = await ok(`{ neighborhood(id: "org:gaoyou-edz", limit: 5) { ${SUBGRAPH} } }`);
    const ids: string[] = data.neighborhood.nodes.map((n: any) => n.id);
    expect(data.neighborhood.truncated).toBe(true);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(ids[0]).toBe('org:gaoyou-edz');
    for (const id of ids) expect(reachable.has(id)).toBe(true);
    for (const e of data.neighborhood.edges) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
    }
    // deeper, with the same limit: still 5
    const deep = await ok(`{ neighborhood(id: "org:gaoyou-edz", depth: 3, limit: 5) { nodes { id: nodeId } truncated } }`);
    expect(deep.neighborhood.nodes).toHaveLength(5);
    expect(deep.neighborhood.truncated).toBe(true);
    // exactly as many as there are: not truncated
    const exact = await ok(`query($n: Int!) { neighborhood(id: "org:gaoyou-edz", limit: $n) { nodes { id: nodeId } truncated } }`, { n: reachable.size });
    expect(exact.neighborhood.nodes).toHaveLength(reachable.size);
    expect(exact.neighborhood.truncated).toBe(false);
  });

  it('keeps only the entity and event types asked for ([] means none)', async () => {
    const data = await ok(`{
      orgs: neighborhood(id: "person:jin-feng", entityTypes: [ORGANIZATION], eventTypes: []) { nodes { id: nodeId } edges { type } }
      meetings: neighborhood(id: "person:jin-feng", entityTypes: [], eventTypes: [MEETING, SIGNING]) { nodes { id: nodeId } }
    }`);
    expect(data.orgs.nodes[0].id).toBe('person:jin-feng');
    expect(sorted(data.orgs.nodes.map((n: any) => n.id))).toEqual(
      sorted(['person:jin-feng', 'org:gaoyou-edz-party-working-committee', 'org:gaoyou-edz-management-committee']),
    );
    expect(data.orgs.edges).toEqual([{ type: 'HOLDS_POSITION' }, { type: 'HOLDS_POSITION' }]);
    expect(sorted(data.meetings.nodes.map((n: any) => n.id))).toEqual(
      sorted(['person:jin-feng', ev('ev-0621-signing'), ev('ev-0626-meeting')]),
    );
  });

  it('gives each node its full object on request, and null for an unknown id', async () => {
    const data = await ok(`{
      n: neighborhood(id: "${ev('ev-0626-signing-yzpc')}") { nodes { node { __typename ... on Organization { kind } ... on Event { type } } } }
      none: neighborhood(id: "org:nobody") { truncated }
    }`);
    expect(data.n.nodes[0].node).toEqual({ __typename: 'Event', type: 'SIGNING' });
    expect(data.n.nodes.slice(1).map((n: any) => n.node.__typename)).toEqual(Array(2).fill('Organization'));
    expect(data.none).toBeNull();
  });
});

describe('paths', () => {
  it('connect 徐健 and 史志洪, who never met directly, through events and 金锋', async () => {
    const data = await ok(`{ paths(from: "person:xu-jian", to: "person:shi-zhihong") {
      length nodes { id: nodeId type } edges { source target type role } } }`);
    const paths = data.paths;
    expect(paths).toHaveLength(3);
    for (const p of paths) {
      expect(p.length).toBe(4);
      expect(p.nodes).toHaveLength(5);
      expect(p.edges).toHaveLength(4);
      expect(p.nodes[0].id).toBe('person:xu-jian');
      expect(p.nodes[4].id).toBe('person:shi-zhihong');
      expect(p.nodes.some((n: any) => n.type === 'Event')).toBe(true);
      p.edges.forEach((e: any, i: number) => {
        // each edge joins consecutive nodes, whichever way it points
        expect(sorted([e.source, e.target])).toEqual(sorted([p.nodes[i].id, p.nodes[i + 1].id]));
      });
    }
    expect(paths.map((p: any) => p.nodes.map((n: any) => n.id))).toContainEqual([
      'person:xu-jian',
      ev('ev-0621-cast-inspection'),
      'person:jin-feng',
      ev('ev-0621-signing'),
      'person:shi-zhihong',
    ]);
    // distinct routes only: parallel roles do not make another path
    expect(new Set(paths.map((p: any) => p.nodes.map((n: any) => n.id).join('>'))).size).toBe(3);
  });

  it('finds nothing shorter than the shortest connection, or for unknown or identical ends', async () => {
    const data = await ok(`{
      short: paths(from: "person:xu-jian", to: "person:shi-zhihong", maxLength: 3) { length }
      unknown: paths(from: "person:xu-jian", to: "person:nobody") { length }
      same: paths(from: "person:xu-jian", to: "person:xu-jian") { length }
      direct: paths(from: "person:jin-feng", to: "org:gaoyou-edz-management-committee", maxLength: 1) { length edges { type title } }
    }`);
    expect(data.short).toEqual([]);
    expect(data.unknown).toEqual([]);
    expect(data.same).toEqual([]);
    expect(data.direct).toEqual([{ length: 1, edges: [{ type: 'HOLDS_POSITION', title: '管委会主任' }] }]);
  });

  it('returns more routes when asked, all of the shortest length', async () => {
    const data = await ok(`{ paths(from: "person:xu-jian", to: "person:shi-zhihong", first: 100) { length nodes { id: nodeId } } }`);
    expect(data.paths.length).toBeGreaterThanOrEqual(3);
    expect(new Set(data.paths.map((p: any) => p.length))).toEqual(new Set([4]));
    const again = await exec(`{ paths(from: "person:xu-jian", to: "person:shi-zhihong", first: 100) { nodes { id: nodeId } } }`);
    expect(again.data.paths).toEqual(data.paths.map((p: any) => ({ nodes: p.nodes }))); // stable order
  });
});
