/**
 * Reading the seeded graph through the schema: lookups, search, filtered pages, partners, field-level
 * relations and provenance. Expected values are the seed article's (seed/gaoyou-edz-newsletter-2023-06.json).
 */
import type { Driver } from 'neo4j-driver';
import { createContext } from '../src/api';
import { closeTestDriver, testDatabase } from './support/db';
import { type RunStatement, wrappingDriver } from './support/recordingDriver';
import { ARTICLE, codes, ev, exec, ok, run, seed, sorted } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const ZONE = 'org:gaoyou-edz';
const ZONE_PARTNERS = ['江南大学生命科学与健康工程学院', '扬州市职业大学', '扬州工业职业技术学院', '高邮中等专业学校'];

describe('node and entity', () => {
  it('finds an entity, an event, an article and a figure by id, each as its own type', async () => {
    const figure = (await ok(`{ figures(subject: "project:xinrui-pv-cells", metric: "总投资") { id } }`)).figures[0].id;
    const data = await ok(
      `query($figure: ID!) {
         person: node(id: "person:jin-feng") { __typename id ... on Person { name type kind aliases } }
         event: node(id: "${ev('ev-0626-meeting')}") { __typename ... on Event { type name date } }
         article: node(id: "${ARTICLE}") { __typename ... on Article { title publisher publishedOn language } }
         figure: node(id: $figure) { __typename ... on Figure { metric value unit subject { id } } }
         zone: entity(id: "${ZONE}") { __typename name kind aliases }
       }`,
      { figure },
    );
    expect(data.person).toEqual({ __typename: 'Person', id: 'person:jin-feng', name: '金锋', type: 'PERSON', kind: null, aliases: [] });
    expect(data.event).toEqual({ __typename: 'Event', type: 'MEETING', name: '“聚力政校企 奋楫开发区”用工要素对接会', date: '2023-06-26' });
    expect(data.article).toEqual({
      __typename: 'Article',
      title: '瞄准目标审时度势 自我加压奋力拼抢',
      publisher: '高邮经济开发区',
      publishedOn: '2023-06',
      language: 'zh',
    });
    expect(data.figure).toEqual({ __typename: 'Figure', metric: '总投资', value: 100, unit: '亿元', subject: { id: 'project:xinrui-pv-cells' } });
    expect(data.zone).toEqual({ __typename: 'Organization', name: '高邮经济开发区', kind: 'DEVELOPMENT_ZONE', aliases: ['开发区'] });
  });

  it('gives null for an unknown id, and entity() gives null for the id of an event', async () => {
    const data = await ok(`{ a: node(id: "person:nobody") { id } b: entity(id: "person:nobody") { id } c: entity(id: "${ev('ev-0626-meeting')}") { id } }`);
    expect(data).toEqual({ a: null, b: null, c: null });
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['longer than 500 characters', 'x'.repeat(501)],
  ])('rejects a malformed id (%s) as BAD_USER_INPUT before asking the database', async (_label, id) => {
    const result = await exec(`query($id: ID!) { node(id: $id) { id } }`, { id });
    expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'id' }]);
    expect(result.ctx.stats.roundTrips).toBe(0);
  });
});

describe('search', () => {
  it('finds 金锋 by his Chinese name, with a score', async () => {
    const data = await ok(`{ search(query: "金锋") { totalCount edges { score node { __typename ... on Person { id name } } } } }`);
    expect(data.search.totalCount).toBe(1);
    expect(data.search.edges[0].node).toEqual({ __typename: 'Person', id: 'person:jin-feng', name: '金锋' });
    expect(data.search.edges[0].score).toBeGreaterThan(0);
  });

  it('finds a project by the Latin part of its alias, case-insensitively', async () => {
    const data = await ok(`{ search(query: "topcon hjt") { edges { node { ... on Project { id aliases } } } } }`);
    expect(data.search.edges[0].node.id).toBe('project:xinrui-pv-cells');
    expect(data.search.edges[0].node.aliases).toContain('12GW新型高效TOPCon、HJT光伏电池项目');
  });

  it('finds events as well as entities, and filters by entity and event types', async () => {
    const signings = await ok(`{ search(query: "签约", eventTypes: [SIGNING]) { totalCount edges { node { __typename ... on Event { id } } } } }`);
    expect(sorted(signings.search.edges.map((e: any) => e.node.id))).toEqual([ev('ev-0621-signing'), ev('ev-0626-signing-gyvs'), ev('ev-0626-signing-jnu'), ev('ev-0626-signing-yzpc'), ev('ev-0626-signing-yzpi')]);
    const zone = await ok(`{ search(query: "开发区", types: [ORGANIZATION], first: 100) { totalCount edges { node { __typename } } } }`);
    expect(zone.search.totalCount).toBeGreaterThan(5);
    expect(new Set(zone.search.edges.map((e: any) => e.node.__typename))).toEqual(new Set(['Organization']));
    const people = await ok(`{ search(query: "开发区", types: [PERSON]) { totalCount } }`);
    expect(people.search.totalCount).toBe(0);
  });

  it('ranks best first and pages through hits with cursors', async () => {
    const all = await ok(`{ search(query: "开发区", first: 100) { totalCount edges { score node { ... on Organization { id } ... on Event { id } } } } }`);
    const scores = all.search.edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(all.search.edges[0].node.id).toBe(ZONE); // the exact alias
    const first = await ok(`{ search(query: "开发区", first: 3) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`);
    const next = await ok(`query($after: String) { search(query: "开发区", first: 3, after: $after) { edges { node { ... on Organization { id } ... on Event { id } } } pageInfo { hasPreviousPage } } }`, {
      after: first.search.pageInfo.endCursor,
    });
    expect(first.search.totalCount).toBe(all.search.totalCount);
    expect(first.search.pageInfo.hasNextPage).toBe(true);
    expect(next.search.pageInfo.hasPreviousPage).toBe(true);
    expect(next.search.edges.map((e: any) => e.node.id)).toEqual(all.search.edges.slice(3, 6).map((e: any) => e.node.id));
  });

  it.each(['"}) DETACH DELETE (n) //', 'name:金锋 OR *:*', 'AND OR NOT', '***', '\\', 'a~ b^2 [x TO y] {z}'])(
    'treats Lucene and Cypher syntax in %j as plain text: no error (or BAD_USER_INPUT when nothing is left to search), nothing deleted',
    async (query) => {
      const before = await ok(`{ entities(first: 1) { totalCount } events(first: 1) { totalCount } }`);
      const result = await exec(`query($q: String!) { search(query: $q) { totalCount } }`, { q: query });
      // a query with no letter or digit left once punctuation is set aside is refused, never run
      if (/[\p{L}\p{N}]/u.test(query)) expect(result.errors).toBeUndefined();
      else expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'query' }]);
      expect(await ok(`{ entities(first: 1) { totalCount } events(first: 1) { totalCount } }`)).toEqual(before);
      if (query.startsWith('name:')) expect(result.data.search.totalCount).toBeLessThan(before.entities.totalCount); // not *:*
    },
  );

  it('rejects an empty query', async () => {
    const result = await exec(`{ search(query: "  ") { totalCount } }`);
    expect(codes(result)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'query' }]);
  });
});

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

describe('partners', () => {
  it('are the schools and universities the zone signed with or partners', async () => {
    const data = await ok(`{ partners(of: "${ZONE}") { edges { organization: node { name kind } events { edges { node { id } } } relations { type direction since sources { edges { article: node { id } } } } } } }`);
    const partners = data.partners.edges.map((p: any) => ({ ...p, events: p.events.edges.map((e: any) => e.node) }));
    expect(sorted(partners.map((p: any) => p.organization.name))).toEqual(sorted(ZONE_PARTNERS));
    const jnu = partners.find((p: any) => p.organization.name === '江南大学生命科学与健康工程学院');
    expect(jnu.events.map((e: any) => e.id)).toEqual([ev('ev-0621-signing'), ev('ev-0626-signing-jnu')]);
    expect(jnu.relations).toEqual([{ type: 'PARTNER_OF', direction: 'OUTGOING', since: '2023-06-21', sources: { edges: [{ article: { id: ARTICLE } }] } }]);
    const school = partners.find((p: any) => p.organization.name === '高邮中等专业学校');
    expect(school.events.map((e: any) => e.id)).toEqual([ev('ev-0626-signing-gyvs')]);
    expect(school.relations[0].since).toBe('2023-06-26');
  });

  it('filter by kind, are seen from either side, and are empty for an unknown or non-organisation id', async () => {
    const data = await ok(`{
      schools: partners(of: "${ZONE}", kinds: [SCHOOL]) { edges { organization: node { name } } }
      companies: partners(of: "${ZONE}", kinds: [COMPANY]) { edges { organization: node { name } } }
      reverse: partners(of: "org:yangzhou-zhiye-daxue") { edges { organization: node { id } relations { direction } } }
      unknown: partners(of: "org:nobody") { edges { organization: node { id } } }
      person: partners(of: "person:jin-feng") { edges { organization: node { id } } }
      field: entity(id: "${ZONE}") { ... on Organization { partners(kinds: [UNIVERSITY]) { edges { node { name } } } } }
    }`);
    expect(data.schools.edges).toEqual([{ organization: { name: '高邮中等专业学校' } }]);
    expect(data.companies.edges).toEqual([]);
    // the zone signed with each school separately: a school's only partner is the zone, not the other schools
    expect(data.reverse.edges).toEqual([{ organization: { id: ZONE }, relations: [{ direction: 'INCOMING' }] }]);
    expect(data.unknown.edges).toEqual([]);
    expect(data.person.edges).toEqual([]);
    expect(sorted(data.field.partners.edges.map((p: any) => p.node.name))).toEqual(
      sorted(ZONE_PARTNERS.filter((n) => n !== '高邮中等专业学校')),
    );
  });
});

describe('signings', () => {
  it('name who signed and who attended each', async () => {
    const data = await ok(`{ events(where: { types: [SIGNING] }) { edges { node { id participants { edges { role node { id } } } } } } }`);
    const byEvent = Object.fromEntries(
      data.events.edges.map((e: any) => [
        e.node.id,
        Object.fromEntries(
          ['signatory', 'attendee', 'speaker', 'subject'].map((role) => [
            role,
            sorted(e.node.participants.edges.filter((p: any) => p.role === role.toUpperCase()).map((p: any) => p.node.id)),
          ]),
        ),
      ]),
    );
    expect(byEvent).toEqual({
      [ev('ev-0621-signing')]: {
        signatory: [ZONE, 'org:jiangnan-university-life-sciences-college'],
        attendee: ['person:jin-feng', 'person:shi-zhihong', 'person:xu-hui', 'person:yin-jian'],
        speaker: ['person:jin-feng', 'person:shi-zhihong', 'person:xu-hui', 'person:yin-jian'],
        subject: ['project:gaoyou-edz-life-health-public-service-center'],
      },
      ...Object.fromEntries(
        [
          ['jnu', 'org:jiangnan-university-life-sciences-college'],
          ['yzpc', 'org:yangzhou-zhiye-daxue'],
          ['yzpi', 'org:yangzhou-gongye-zhiye-jishu-xueyuan'],
          ['gyvs', 'org:gaoyou-zhongdeng-zhuanye-xuexiao'],
        ].map(([key, school]) => [ev(`ev-0626-signing-${key}`), { signatory: sorted([ZONE, school]), attendee: [], speaker: [], subject: [] }]),
      ),
    });
  });
});

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

interface PlanOperator {
  operatorType: string;
  dbHits: number;
  arguments: Record<string, unknown>;
  children: PlanOperator[];
}

/** A driver that PROFILEs every statement it runs (in a session or a read transaction), handing each plan over. */
function profilingDriver(plans: PlanOperator[]): Driver {
  const profiled = (run: RunStatement): RunStatement => (text, params) => {
    const result = run(`PROFILE ${text}`, params);
    result.summary().then((s) => plans.push(s.profile as never), () => undefined);
    return result;
  };
  return wrappingDriver(profiled);
}

/** The plans of every statement a query sends. */
async function plansOf(source: string): Promise<PlanOperator[]> {
  const plans: PlanOperator[] = [];
  const ctx = createContext({ driver: profilingDriver(plans), database: testDatabase(), transactionTimeoutMs: 20_000 }, 'reader');
  const result = await run(source, ctx);
  expect(result.errors).toBeUndefined();
  expect(plans.length).toBe(ctx.stats.roundTrips);
  return plans;
}

const operators = (op: PlanOperator): PlanOperator[] => [op, ...op.children.flatMap(operators)];

/** The db hits of every statement a query sends, added up. */
async function dbHitsOf(source: string): Promise<number> {
  return (await plansOf(source)).flatMap(operators).reduce((sum, op) => sum + op.dbHits, 0);
}

describe("an entity's events", () => {
  const EVENT = 'edges { roles event: node { id date } }';

  it('when a page of entities asks for a few events each, then each entity gets its own earliest ones, undated last', async () => {
    const data = await ok(`{ entities(first: 100) { edges { node { id few: events(first: 9) { ${EVENT} } all: events(first: 100) { ${EVENT} } } } } }`);
    const nodes: Array<{ id: string; few: unknown[]; all: unknown[] }> = data.entities.edges.map((e: any) => ({
      id: e.node.id,
      few: e.node.few.edges,
      all: e.node.all.edges,
    }));
    for (const n of nodes) expect(n.few).toEqual(n.all.slice(0, 9));
    const zone = nodes.find((n) => n.id === ZONE)!;
    expect(zone.all).toHaveLength(20);
    expect(zone.all.filter((e: any) => e.event.date === null).map((e: any) => e.event.id)[0]).toBe(ev('ev-bank-matchmaking')); // undated last, by id
    expect(zone.few.map((e: any) => [e.event.id, e.event.date, e.roles])).toEqual([
      [ev('ev-2306-courtyard-meeting'), '2023-06', ['HOST']], // a month starts on its first day
      [ev('ev-0614-training'), '2023-06-14', ['ORGANIZER']],
      [ev('ev-0615-poetry'), '2023-06-15', ['SUBJECT']],
      [ev('ev-0621-cast-inspection'), '2023-06-21', ['INSPECTED']],
      [ev('ev-0621-civility-launch'), '2023-06-21', ['HOST']],
      [ev('ev-0621-signing'), '2023-06-21', ['SIGNATORY']],
      [ev('ev-0625-observation'), '2023-06-25', ['HOST']],
      [ev('ev-0626-hr-rules'), '2023-06-26', ['ORGANIZER']],
      [ev('ev-0626-meeting'), '2023-06-26', ['ORGANIZER']],
    ]);
    expect(nodes.find((n) => n.id === 'person:jin-feng')!.few).toHaveLength(4);
  });

  it('when 金锋 is asked for his first two events, then each keeps every role he had there', async () => {
    const data = await ok(`{ entity(id: "person:jin-feng") { events(first: 2) { edges { roles node { id } } } } }`);
    expect(data.entity.events.edges).toEqual([
      { roles: ['ATTENDEE', 'SPEAKER'], node: { id: ev('ev-0621-cast-inspection') } },
      { roles: ['ATTENDEE', 'SPEAKER'], node: { id: ev('ev-0621-signing') } },
    ]);
  });

  it('when fewer of an entity\'s events are asked for, then the database reads less: only the events kept are projected', async () => {
    const events = (first: number): string => `{ entity(id: "${ZONE}") { events(first: ${first}) { edges { roles node { id name date } } } } }`;
    expect(await dbHitsOf(events(1))).toBeLessThan(await dbHitsOf(events(15)));
  });
});

describe('events by type and date', () => {
  // a date window bounds events on one side per property (dateEnd >= from, dateStart <= to): a date index seek
  // reads about half of all events, a type a fraction; the planner alone picked either (cypher/eventPage.ts)
  it.each([
    ['one type', '[SIGNING]'],
    ['two types', '[SIGNING, FAIR]'],
  ])('when events of %s in a date window are asked for, then the statement seeks the type index, not a date range', async (_what, types) => {
    const [plan] = await plansOf(`{ events(where: { types: ${types}, from: "2023-06-01", to: "2023-06-30" }) { totalCount edges { node { id } } } }`);
    const seeks = operators(plan)
      .filter((op) => op.operatorType.includes('IndexSeek'))
      .map((op) => String(op.arguments.Details));
    expect(seeks).toEqual([expect.stringMatching(/:Event\(type\)/)]);
  });
});

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
