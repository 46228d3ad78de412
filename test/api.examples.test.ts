/**
 * examples/*.graphql are meant to be copied into a client and run: each runs here, unchanged, over HTTP
 * against the running server and the seeded graph, and must answer without errors and with data.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { closeTestDriver, testDriver } from './support/db';
import { ev, seed, sorted } from './api.harness';
import { startTestServer, testConfig, waitFor, type TestServer } from './server.helpers';

const EXAMPLES = path.join(__dirname, '..', 'examples');
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.graphql')).sort();

let server: TestServer;
beforeAll(async () => {
  await seed();
  server = await startTestServer(testConfig(), { driver: testDriver(), schemaApplied: true });
  await waitFor(async () => (await fetch(`${server.base}/ready`)).status === 200);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await closeTestDriver();
});

async function run(file: string): Promise<any> {
  const { status, body } = await server.gql(readFileSync(path.join(EXAMPLES, file), 'utf8'));
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

/** Every list in the answer's top level is non-empty and every object non-null. */
function nonEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value as object).every(nonEmpty);
  return true;
}

describe('examples/', () => {
  it('holds the examples the API promises', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'partners-of-the-zone.graphql',
        'who-attended-each-signing.graphql',
        'official-positions-and-events.graphql',
        'what-happened-on-2023-06-21.graphql',
        'how-two-people-are-connected.graphql',
      ]),
    );
  });

  it.each(files)('%s runs and returns data', async (file) => {
    const data = await run(file);
    for (const [field, value] of Object.entries(data)) {
      expect([field, nonEmpty(value)]).toEqual([field, true]);
    }
  });

  it('partners-of-the-zone lists the four schools and universities', async () => {
    const data = await run('partners-of-the-zone.graphql');
    expect(data.partners.totalCount).toBe(4);
    expect(sorted(data.partners.edges.map((p: any) => p.node.name))).toEqual(
      sorted(['江南大学生命科学与健康工程学院', '扬州市职业大学', '扬州工业职业技术学院', '高邮中等专业学校']),
    );
  });

  it('who-attended-each-signing covers the five agreements: one on 6/21, four on 6/26 during the 对接会', async () => {
    const data = await run('who-attended-each-signing.graphql');
    const nodes = data.events.edges.map((e: any) => e.node);
    // by date, ties by id
    expect(nodes.map((n: any) => n.id)).toEqual([ev('ev-0621-signing'), ...['gyvs', 'jnu', 'yzpc', 'yzpi'].map((k) => ev(`ev-0626-signing-${k}`))]);
    expect(nodes[0].partOf).toBeNull();
    expect(nodes.slice(1).map((n: any) => n.partOf.id)).toEqual(Array(4).fill(ev('ev-0626-meeting')));
  });

  it('partners-of-a-university-through-its-colleges finds the zone through the college', async () => {
    const data = await run('partners-of-a-university-through-its-colleges.graphql');
    expect(data.partners.edges.map((p: any) => [p.node.name, p.via.map((v: any) => v.name)])).toEqual([
      ['高邮经济开发区', ['江南大学生命科学与健康工程学院']],
    ]);
  });

  it('hedged-figures-of-the-zone lists estimates and the approximate 近2亿元, as written', async () => {
    const data = await run('hedged-figures-of-the-zone.graphql');
    const figures = data.entity.figures.edges.map((e: any) => e.node);
    expect(data.entity.figures.totalCount).toBe(figures.length);
    expect(new Set(figures.map((f: any) => f.qualifier))).toEqual(new Set(['ESTIMATE', 'APPROX']));
    expect(figures.find((f: any) => f.qualifier === 'APPROX').stated).toBe('近2亿元');
  });

  it('official-positions-and-events shows 金锋 with two positions and four events', async () => {
    const data = await run('official-positions-and-events.graphql');
    const jin = data.entities.edges[0].node;
    expect(jin.name).toBe('金锋');
    expect(jin.positions.totalCount).toBe(2);
    expect(jin.positions.edges).toHaveLength(2);
    expect(jin.events.totalCount).toBe(4);
    expect(jin.events.edges.map((e: any) => e.roles)).toEqual([['ATTENDEE', 'SPEAKER'], ['ATTENDEE', 'SPEAKER'], ['SPEAKER', 'INSPECTOR'], ['HOST']]);
  });

  it('what-happened-on-2023-06-21 lists four events', async () => {
    const data = await run('what-happened-on-2023-06-21.graphql');
    expect(data.events.totalCount).toBe(4);
  });

  it('how-two-people-are-connected runs from 徐健 to 史志洪', async () => {
    const data = await run('how-two-people-are-connected.graphql');
    for (const p of data.paths) {
      expect(p.nodes[0].label).toBe('徐健');
      expect(p.nodes[p.nodes.length - 1].label).toBe('史志洪');
    }
  });

  it('investors-in-projects-within-gaoyou names the six investing companies', async () => {
    const data = await run('investors-in-projects-within-gaoyou.graphql');
    expect(data.entities.totalCount).toBe(6);
    expect(data.entities.edges.map((e: any) => e.node.name)).toContain('英联');
    // each investor's INVESTS_IN relations (a connection: the projects are the edges' nodes)
    for (const { node } of data.entities.edges) {
      expect(node.relations.totalCount).toBeGreaterThan(0);
      expect(node.relations.edges.length).toBe(Math.min(node.relations.totalCount, 20));
    }
  });

  it('largest-events lists only events of more than 7 distinct participants, the largest first', async () => {
    const data = await run('largest-events.graphql');
    const sizes = data.events.edges.map((e: any) => new Set(e.node.participants.edges.map((p: any) => p.node.name)).size);
    expect(sizes.every((n: number) => n > 7)).toBe(true);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('june-events-with-university-officials lists June events with a university official among the participants', async () => {
    const data = await run('june-events-with-university-officials.graphql');
    for (const { node } of data.events.edges) {
      expect(node.date.startsWith('2023-06')).toBe(true);
      const kinds = node.participants.edges.flatMap((p: any) => (p.node.positions?.edges ?? []).map((x: any) => x.node.kind));
      expect(kinds).toContain('UNIVERSITY');
    }
  });

  it('zone-figures-about-industry lists metrics containing 工业, the largest first', async () => {
    const data = await run('zone-figures-about-industry.graphql');
    expect(data.figures.every((f: any) => f.metric.includes('工业'))).toBe(true);
    expect(data.figures[0].metric).toBe('规模以上工业产值');
  });

  it('june-events-by-type counts every June event once', async () => {
    const data = await run('june-events-by-type.graphql');
    const june = data.byMonth.find((g: any) => g.key === '2023-06').count;
    expect(data.june.reduce((n: number, g: any) => n + g.count, 0)).toBe(june);
  });
});
