/**
 * The analyst's `where` language on the seeded graph: each question is one request, filtered by the server in one
 * statement, and its answer is checked against the seed document itself (read here with plain JavaScript), so the
 * filters are compared with an independent reading of the same facts.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { closeTestDriver } from './support/db';
import { statementsOf } from './support/recordingDriver';
import { codes, ev, exec, ok, SEED_DIR, seed, sorted } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

interface SeedEntity { key: string; id?: string; type: string; kind?: string; name: string }
interface SeedEvent { key: string; type: string; date?: string; participants: Array<{ entity: string; role: string }> }
interface SeedRelation { type: string; from: string; to: string; attributes?: { title?: string } }
interface SeedFigure { subject: string; metric: string; value: number }
const doc = JSON.parse(readFileSync(path.join(SEED_DIR, 'gaoyou-edz-newsletter-2023-06.json'), 'utf8')) as {
  entities: SeedEntity[];
  events: SeedEvent[];
  relations: SeedRelation[];
  figures: SeedFigure[];
};
const byKey = new Map(doc.entities.map((e) => [e.key, e]));
const idOf = (key: string): string => byKey.get(key)!.id!;
const names = (conn: { edges: Array<{ node: { name: string } }> }): string[] => conn.edges.map((e) => e.node.name);

describe('relationship filters', () => {
  it('when asking for companies investing in projects within 高邮市 (a project in the zone, the zone in the city), then the six investors come back, in one statement', async () => {
    const query = `{ entities(first: 50, where: {
        kinds: [COMPANY],
        relation: { types: [INVESTS_IN], direction: OUTGOING, other: { types: [PROJECT], within: "place:gaoyou" } }
      }) { totalCount edges { node { name } } } }`;
    const data = await ok(query);
    const located = new Set(doc.relations.filter((r) => r.type === 'LOCATED_IN' && r.to === 'edz').map((r) => r.from));
    const expected = doc.relations.filter((r) => r.type === 'INVESTS_IN' && located.has(r.to)).map((r) => byKey.get(r.from)!.name);
    expect(expected).toHaveLength(6);
    expect(sorted(names(data.entities))).toEqual(sorted(expected));
    expect(data.entities.totalCount).toBe(6);
    expect(await statementsOf(query)).toHaveLength(1);
  });

  it('when the same question is asked two relations deep (invests in a project LOCATED_IN something named 开发区), then the answer is the same', async () => {
    const data = await ok(`{ entities(first: 50, where: { relation: { types: [INVESTS_IN], direction: OUTGOING, other: {
        relation: { types: [LOCATED_IN], direction: OUTGOING, other: { anyName: { eq: "开发区" } } } } } }) { edges { node { name } } } }`);
    expect(names(data.entities)).toEqual(['东润', '中科云网', '城市漫步', '新瑞光电科技有限公司', '英联', '鹏飞新能源'].sort());
  });

  it.each([
    ['a place (within)', '{ relation: { types: [INVESTS_IN], direction: OUTGOING, other: { within: "place:gaoyou" } } }'],
    ['an id two relations away', '{ relation: { direction: OUTGOING, other: { relation: { types: [LOCATED_IN], other: { ids: ["org:gaoyou-edz"] } } } } }'],
    ['a name', '{ name: "开发区" }'],
    ['an organisation of a position', '{ position: { at: { ids: ["org:jiangnan-university-life-sciences-college"] }, title: { contains: "院" } } }'],
  ])('when the list can start from %s, then it answers what the same filter answers when it cannot (inside OR)', async (_what, filter) => {
    const ids = async (where: string): Promise<string[]> =>
      (await ok(`{ entities(first: 100, where: ${where}) { totalCount edges { node { id } } } }`)).entities.edges.map((e: any) => e.node.id);
    const anchored = await ids(filter);
    expect(anchored.length).toBeGreaterThan(0);
    expect(anchored).toEqual(await ids(`{ OR: [${filter}] }`));
  });

  it('when the direction is reversed, then the projects (the invested-in side) come back instead', async () => {
    const data = await ok(`{ entities(first: 50, where: { relation: { types: [INVESTS_IN], direction: INCOMING, other: { ids: ["org:yinglian"] } } }) { edges { node { id } } } }`);
    expect(data.entities.edges.map((e: any) => e.node.id)).toEqual(['project:yinglian-composite-current-collectors']);
  });

  it('when a PARTNER_OF relation must be valid at a date, then one stated since 2023-06-21 is valid on 2023-06-22, those since 2023-06-26 only later', async () => {
    const partners = (day: string) =>
      ok(`{ entities(first: 50, where: { relation: { types: [PARTNER_OF], other: { ids: ["org:gaoyou-edz"] }, validAt: "${day}" } }) { edges { node { id } } } }`);
    expect((await partners('2023-06-01')).entities.edges).toEqual([]);
    expect((await partners('2023-06-22')).entities.edges.map((e: any) => e.node.id)).toEqual(['org:jiangnan-university-life-sciences-college']);
    expect((await partners('2023-07')).entities.edges).toHaveLength(4);
  });

  it('when asking for people holding a title containing 处长 at a university, then exactly those positions in the seed answer', async () => {
    const data = await ok(`{ entities(first: 50, where: { position: { title: { contains: "处长" }, at: { kinds: [UNIVERSITY] } } }) { edges { node { id } } } }`);
    const universities = new Set(doc.entities.filter((e) => e.kind === 'University').map((e) => e.key));
    const expected = doc.relations
      .filter((r) => r.type === 'HOLDS_POSITION' && universities.has(r.to) && r.attributes!.title!.includes('处长'))
      .map((r) => idOf(r.from));
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(data.entities.edges.map((e: any) => e.node.id))).toEqual(sorted(expected));
  });
});

describe('events', () => {
  const distinctParticipants = (e: SeedEvent): number => new Set(e.participants.map((p) => p.entity)).size;

  it('when asking for events with more than 7 participants, most first, then the server filters and sorts by distinct participants', async () => {
    const data = await ok(`{ events(first: 50, where: { participantCount: { gt: 7 } }, orderBy: PARTICIPANTS_DESC) { edges { node { id participants(first: 100) { edges { node { id } } } } } } }`);
    const expected = doc.events.filter((e) => distinctParticipants(e) > 7);
    const got = data.events.edges.map((e: any) => e.node);
    expect(sorted(got.map((n: any) => n.id))).toEqual(sorted(expected.map((e) => ev(e.key))));
    const counts = got.map((n: any) => new Set(n.participants.edges.map((p: any) => p.node.id)).size);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('when asking for June events at which an official of a university was present, then the events with such a participant come back', async () => {
    const data = await ok(`{ events(first: 50, where: { from: "2023-06", to: "2023-06",
        someParticipant: { entity: { position: { at: { kinds: [UNIVERSITY] } } } } }) { edges { node { id } } } }`);
    const universities = new Set(doc.entities.filter((e) => e.kind === 'University').map((e) => e.key));
    const officials = new Set(doc.relations.filter((r) => r.type === 'HOLDS_POSITION' && universities.has(r.to)).map((r) => r.from));
    const expected = doc.events
      .filter((e) => e.date?.startsWith('2023-06') && e.participants.some((p) => officials.has(p.entity)))
      .map((e) => ev(e.key));
    expect(expected.length).toBeGreaterThan(1);
    expect(sorted(data.events.edges.map((e: any) => e.node.id))).toEqual(sorted(expected));
  });

  it('when asking for events within 高邮市, then events at the zone, at a village of the zone and at the city itself count, and one in 扬州市 does not', async () => {
    const data = await ok(`{ events(first: 50, where: { within: "place:gaoyou" }) { edges { node { id } } } }`);
    expect(sorted(data.events.edges.map((e: any) => e.node.id))).toEqual(
      sorted(['ev-0625-observation', 'ev-0621-cast-inspection', 'ev-0620-yanggou', 'ev-duck-egg-fair'].map(ev)),
    );
  });

  it('when filters are combined with OR and NOT, then the answer is the set algebra of the parts', async () => {
    const ids = async (where: string): Promise<string[]> =>
      sorted((await ok(`{ events(first: 100, where: ${where}) { edges { node { id } } } }`)).events.edges.map((e: any) => e.node.id));
    const signings = await ids('{ types: [SIGNING] }');
    const meetings = await ids('{ types: [MEETING] }');
    const all = await ids('{}');
    expect(await ids('{ OR: [{ types: [SIGNING] }, { types: [MEETING] }] }')).toEqual(sorted([...signings, ...meetings]));
    expect(await ids('{ NOT: { types: [SIGNING] } }')).toEqual(all.filter((id) => !signings.includes(id)));
    expect(await ids('{ name: { startsWith: "开发区与" }, NOT: { name: { contains: "合作" } } }')).toEqual([ev('ev-0621-signing')]);
  });
});

describe('occasions and hedged figures', () => {
  it('when asking for signings that took place during a meeting with more than 5 participants, then the parts of such meetings come back', async () => {
    const data = await ok(`{ events(first: 50, where: { types: [SIGNING], partOf: { types: [MEETING], participantCount: { gt: 5 } } }) { edges { node { id } } } }`);
    const big = new Set(doc.events.filter((e) => e.type === 'Meeting' && new Set(e.participants.map((p) => p.entity)).size > 5).map((e) => e.key));
    const expected = (doc.events as Array<SeedEvent & { partOf?: string }>).filter((e) => e.type === 'Signing' && e.partOf && big.has(e.partOf));
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(data.events.edges.map((e: any) => e.node.id))).toEqual(sorted(expected.map((e) => ev(e.key))));
  });

  it('when asking for hedged figures, then exactly the seed\'s figures with a qualifier come back', async () => {
    const data = await ok(`{ figures(where: { hedged: true, subject: { ids: ["org:gaoyou-edz"] } }) { metric } }`);
    const expected = (doc.figures as Array<SeedFigure & { qualifier?: string }>).filter((f) => f.subject === 'edz' && f.qualifier);
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(data.figures.map((f: any) => f.metric))).toEqual(sorted(expected.map((f) => f.metric)));
  });
});

describe('figures', () => {
  it("when asking for the zone's figures whose metric mentions 工业, then every such figure and no other, largest first", async () => {
    const data = await ok(`{ figures(where: { metric: { contains: "工业" }, subject: { ids: ["org:gaoyou-edz"] } }, orderBy: VALUE_DESC) { metric value } }`);
    const expected = doc.figures.filter((f) => f.subject === 'edz' && f.metric.includes('工业'));
    expect(sorted(data.figures.map((f: any) => f.metric))).toEqual(sorted(expected.map((f) => f.metric)));
    const values = data.figures.map((f: any) => f.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('when asking for figures within 高邮市 over 1000, then the zone\'s (its subject is in the city) come back', async () => {
    const data = await ok(`{ figures(where: { within: "place:gaoyou", value: { gt: 1000 } }) { metric } }`);
    expect(sorted(data.figures.map((f: any) => f.metric))).toEqual(sorted(doc.figures.filter((f) => f.value > 1000).map((f) => f.metric)));
  });
});

describe('grouped counts', () => {
  it('when asking how many events of each type there were in June, then the counts equal the seed\'s, in one request', async () => {
    const data = await ok(`{
      byType: eventCounts(by: TYPE, where: { from: "2023-06", to: "2023-06" }) { key count }
      byMonth: eventCounts(by: MONTH) { key count }
      entities: entityCounts(by: KIND, where: { types: [ORGANIZATION] }) { key label count }
      figures: figureCounts(by: PERIOD) { key count }
    }`);
    const june = doc.events.filter((e) => e.date?.startsWith('2023-06'));
    const expected = new Map<string, number>();
    for (const e of june) expected.set(e.type, (expected.get(e.type) ?? 0) + 1);
    expect(Object.fromEntries(data.byType.map((g: any) => [g.key, g.count]))).toEqual(Object.fromEntries(expected));
    const may = doc.events.filter((e) => e.date?.startsWith('2023-05'));
    expect(data.byMonth).toEqual([
      { key: '2023-05', count: may.length },
      { key: '2023-06', count: june.length },
      { key: null, count: doc.events.length - june.length - may.length },
    ]);
    const universities = doc.entities.filter((e) => e.kind === 'University').length;
    expect(data.entities).toContainEqual({ key: 'Organization:University', label: 'University', count: universities });
    expect(data.figures.reduce((n: number, g: any) => n + g.count, 0)).toBe(doc.figures.length);
  });
});

describe('grouped counts, two levels', () => {
  it('when events are counted by type and then by month, then each type\'s months add up to it, in one statement', async () => {
    const query = `{ eventCounts(by: TYPE, then: MONTH) { key count subgroups { key count } } }`;
    const data = await ok(query);
    const expected = new Map<string, Map<string | null, number>>();
    for (const e of doc.events) {
      const months = expected.get(e.type) ?? new Map<string | null, number>();
      const month = e.date ? e.date.slice(0, 7) : null;
      months.set(month, (months.get(month) ?? 0) + 1);
      expected.set(e.type, months);
    }
    expect(data.eventCounts).toHaveLength(expected.size);
    for (const g of data.eventCounts) {
      expect(g.count).toBe(g.subgroups.reduce((n: number, x: any) => n + x.count, 0));
      expect(Object.fromEntries(g.subgroups.map((x: any) => [String(x.key), x.count]))).toEqual(
        Object.fromEntries([...expected.get(g.key)!].map(([k, n]) => [String(k), n])),
      );
    }
    expect(await statementsOf(query)).toHaveLength(1);
  });

  it('when a grouping that puts one event in several groups is asked to subdivide, then it is BAD_USER_INPUT', async () => {
    expect(codes(await exec('{ eventCounts(by: TYPE, then: PARTICIPANT) { count } }'))).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'then' }]);
  });
});

describe('cursors', () => {
  it('when a cursor from events is given to entities (or the other way), then it is BAD_USER_INPUT, not an offset', async () => {
    const events = await ok('{ events(first: 2) { pageInfo { endCursor } } }');
    const entities = await ok('{ entities(first: 2) { pageInfo { endCursor } } }');
    const cursorOfEvents = events.events.pageInfo.endCursor;
    expect(codes(await exec('query($a: String) { entities(after: $a) { totalCount } }', { a: cursorOfEvents }))).toEqual([
      { code: 'BAD_USER_INPUT', argumentName: 'after' },
    ]);
    expect(codes(await exec('query($a: String) { events(after: $a) { totalCount } }', { a: entities.entities.pageInfo.endCursor }))).toEqual([
      { code: 'BAD_USER_INPUT', argumentName: 'after' },
    ]);
    const next = await ok('query($a: String) { events(first: 2, after: $a) { edges { node { id } } } }', { a: cursorOfEvents });
    const all = await ok('{ events(first: 4) { edges { node { id } } } }');
    expect(next.events.edges).toEqual(all.events.edges.slice(2, 4));
  });
});

describe('bad and hostile filters', () => {
  it('when a date window is reversed, then it is BAD_USER_INPUT naming the argument', async () => {
    expect(codes(await exec('{ events(where: { from: "2023-07", to: "2023-06" }) { totalCount } }'))).toEqual([
      { code: 'BAD_USER_INPUT', argumentName: 'where.from' },
    ]);
    expect(codes(await exec('{ eventCounts(by: TYPE, where: { OR: [{ from: "2024", to: "2023" }] }) { count } }'))).toEqual([
      { code: 'BAD_USER_INPUT', argumentName: 'where.OR[0].from' },
    ]);
  });

  it('when a date is not real, then the path to it is named', async () => {
    expect(codes(await exec('{ entities(where: { relation: { validAt: "2023-13" } }) { totalCount } }'))).toEqual([
      { code: 'BAD_USER_INPUT', argumentName: 'where.relation.validAt' },
    ]);
  });

  const nested = (depth: number): string => (depth === 0 ? '{ kinds: [COMPANY] }' : `{ relation: { other: ${nested(depth - 1)} } }`);
  it.each([
    ['relationships nested too deep', `{ entities(where: ${nested(5)}) { totalCount } }`, 'where.hops'],
    ['a huge in list', `{ entities(where: { anyName: { in: ${JSON.stringify(Array.from({ length: 201 }, (_, i) => `n${i}`))} } }) { totalCount } }`, 'where.listValues'],
    ['contains on every field', `{ events(where: { OR: [${Array.from({ length: 11 }, (_, i) => `{ name: { contains: "${i}" } }`).join(', ')}] }) { totalCount } }`, 'where.scans'],
  ])('when a filter has %s, then it is refused before the database with the limit named', async (_what, query, limit) => {
    const result = await exec(query);
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.limit])).toEqual([['QUERY_TOO_COMPLEX', limit]]);
    expect(result.ctx.stats.roundTrips).toBe(0);
  });

  it('when a filter is just within the limits (four relationships deep), then it runs', async () => {
    const data = await ok(`{ entities(where: ${nested(4)}) { totalCount } }`);
    expect(data.entities.totalCount).toBeGreaterThanOrEqual(0);
  });
});
