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
    expect(sorted(data.partners.map((p: any) => p.organization.name))).toEqual(
      sorted(['江南大学生命科学与健康工程学院', '扬州市职业大学', '扬州工业职业技术学院', '高邮中等专业学校']),
    );
  });

  it('who-attended-each-signing covers both signings', async () => {
    const data = await run('who-attended-each-signing.graphql');
    expect(data.events.edges.map((e: any) => e.node.id)).toEqual([ev('ev-0621-signing'), ev('ev-0626-signing')]);
  });

  it('official-positions-and-events shows 金锋 with two positions and four events', async () => {
    const data = await run('official-positions-and-events.graphql');
    const jin = data.entities.edges[0].node;
    expect(jin.name).toBe('金锋');
    expect(jin.positions).toHaveLength(2);
    expect(jin.events).toHaveLength(4);
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
});
