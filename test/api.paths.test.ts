/**
 * Paths an analyst can steer: around a node (the zone, the hub of the seed), without some relation or event
 * types, and of more than the shortest length; each step with the articles and sentences behind it. What the
 * API answers is checked against the simple paths recomputed from the seed document (test/support/seedGraph.ts).
 */
import { closeTestDriver } from './support/db';
import { seedDoc, simplePaths } from './support/seedGraph';
import { codes, exec, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const ZONE = 'org:gaoyou-edz';
const VILLAGE = 'village:tayuan';
const UNIVERSITY = 'org:jiangnan-university';

const PATHS = `query P($from: ID!, $to: ID!, $maxLength: Int!, $first: Int!, $exclude: [ID!], $rel: [RelationType!], $ev: [EventType!], $all: Boolean) {
  paths(from: $from, to: $to, maxLength: $maxLength, first: $first, exclude: $exclude, excludeRelationTypes: $rel, excludeEventTypes: $ev, allLengths: $all) {
    length
    nodes { id: nodeId type kind }
    edges { id source target type }
    steps { edge { id source target type } sources { edges { evidence article: node { id } } } }
  }
}`;

interface ApiPath {
  length: number;
  nodes: { id: string; type: string; kind: string | null }[];
  edges: { id: string; source: string; target: string; type: string }[];
  steps: { edge: { id: string; source: string; target: string; type: string }; sources: { edges: { evidence: string | null; article: { id: string } }[] } }[];
}

const route = (p: ApiPath): string => p.nodes.map((n) => n.id).join(' > ');
const key = (r: string[]): string => r.join(' > ');

async function paths(vars: Record<string, unknown>): Promise<ApiPath[]> {
  return (await ok<{ paths: ApiPath[] }>(PATHS, { maxLength: 6, first: 10, ...vars })).paths;
}

/** Every step is the path's edge between consecutive nodes, and stated in the article in those very words. */
function expectEvidenced(p: ApiPath): void {
  expect(p.steps.map((s) => s.edge)).toEqual(p.edges);
  p.steps.forEach((s, i) => {
    expect([s.edge.source, s.edge.target].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort());
    expect(s.sources.edges.length).toBeGreaterThan(0);
    for (const src of s.sources.edges) {
      expect(src.article.id).toBe('gaoyou-edz-newsletter-2023-06');
      expect(seedDoc.article.text).toContain(src.evidence);
    }
  });
}

describe('paths between a village and a university', () => {
  it('when nothing is avoided, then the shortest ones pass through the zone (its hub)', async () => {
    const shortest = await paths({ from: VILLAGE, to: UNIVERSITY });
    const expected = simplePaths(VILLAGE, UNIVERSITY, 6);
    const min = Math.min(...expected.map((r) => r.length - 1));
    expect(shortest.length).toBeGreaterThan(0);
    for (const p of shortest) expect(p.length).toBe(min);
    expect(shortest.some((p) => p.nodes.some((n) => n.id === ZONE))).toBe(true);
  });

  it('when the zone is excluded, then every path avoids it, has the shortest length left, and each step carries its evidence', async () => {
    const avoiding = await paths({ from: VILLAGE, to: UNIVERSITY, exclude: [ZONE] });
    const expected = simplePaths(VILLAGE, UNIVERSITY, 6, { nodes: [ZONE] });
    const min = Math.min(...expected.map((r) => r.length - 1));
    expect(avoiding.length).toBeGreaterThan(0);
    const allowed = new Set(expected.filter((r) => r.length - 1 === min).map(key));
    for (const p of avoiding) {
      expect(p.nodes.map((n) => n.id)).not.toContain(ZONE);
      expect(p.length).toBe(min);
      expect(allowed.has(route(p))).toBe(true);
      expectEvidenced(p);
    }
    expect(new Set(avoiding.map(route)).size).toBe(avoiding.length);
  });

  it('when all lengths are asked for, then every path up to the length asked comes, shortest first, each a different route with no node twice', async () => {
    const several = await paths({ from: VILLAGE, to: UNIVERSITY, exclude: [ZONE], all: true, first: 12, maxLength: 6 });
    const expected = simplePaths(VILLAGE, UNIVERSITY, 6, { nodes: [ZONE] });
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.length).toBeLessThan(12);
    expect(several.map(route).sort()).toEqual(expected.map(key).sort());
    expect(several.map((p) => p.length)).toEqual(expected.map((r) => r.length - 1).sort((a, b) => a - b));
    expect(new Set(several.map((p) => p.length)).size).toBeGreaterThan(1);
    for (const p of several) {
      expect(new Set(p.nodes.map((n) => n.id)).size).toBe(p.nodes.length);
      expectEvidenced(p);
    }
  });

  it('when fewer are asked for than there are, then the shortest come first', async () => {
    const two = await paths({ from: VILLAGE, to: UNIVERSITY, exclude: [ZONE], all: true, first: 2, maxLength: 6 });
    const lengths = simplePaths(VILLAGE, UNIVERSITY, 6, { nodes: [ZONE] }).map((r) => r.length - 1).sort((a, b) => a - b);
    expect(two.map((p) => p.length)).toEqual(lengths.slice(0, 2));
  });

  it('when relation types and event types are excluded, then no step is of those types and no path passes such an event', async () => {
    const to = 'org:yangzhou-zhiye-daxue';
    const steered = await paths({ from: VILLAGE, to, exclude: [ZONE], rel: ['PART_OF'], ev: ['SIGNING'], all: true, first: 10 });
    const expected = simplePaths(VILLAGE, to, 6, { nodes: [ZONE], relationTypes: ['PART_OF'], eventTypes: ['Signing'] });
    expect(expected.length).toBeGreaterThan(0);
    expect(steered.map(route).sort()).toEqual(expected.map(key).sort());
    for (const p of steered) {
      expect(p.edges.map((e) => e.type)).not.toContain('PART_OF');
      expect(p.nodes.filter((n) => n.type === 'Event').map((n) => n.kind)).not.toContain('Signing');
    }
    // without the type exclusions there are more
    const unsteered = await paths({ from: VILLAGE, to, exclude: [ZONE], all: true, first: 10 });
    expect(unsteered.length).toBeGreaterThan(steered.length);
  });
});

describe('bad steering', () => {
  it('when an end is also excluded, or too many ids are, then the request fails on that argument before any database call', async () => {
    const withEnd = await exec(PATHS, { from: VILLAGE, to: UNIVERSITY, maxLength: 4, first: 3, exclude: [UNIVERSITY] });
    expect(codes(withEnd)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'exclude' }]);
    expect(withEnd.ctx.stats.roundTrips).toBe(0);
    const tooMany = await exec(PATHS, { from: VILLAGE, to: UNIVERSITY, maxLength: 4, first: 3, exclude: Array.from({ length: 101 }, (_, i) => `x${i}`) });
    expect(codes(tooMany)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'exclude' }]);
  });

  it('when an excluded id is unknown, then it is simply not on any path', async () => {
    const plain = await paths({ from: VILLAGE, to: UNIVERSITY });
    const unknown = await paths({ from: VILLAGE, to: UNIVERSITY, exclude: ['org:nobody'] });
    expect(unknown.map(route)).toEqual(plain.map(route));
  });
});
