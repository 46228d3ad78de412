/**
 * Nested connections of a hub page in the statement (issue 24 §4): when an organisation has a few hundred
 * officials, partners, units and projects, an event a few hundred participants and parts, a person a hundred
 * positions, then each page is the documented order cut at the cursor, with the list's total, and what comes back
 * from Neo4j is that page (and the one row past it that says whether more follow), not the hub's whole list.
 */
import type { Driver } from 'neo4j-driver';
import { PARTICIPANT_ROLES } from '../src/model';
import { createContext } from '../src/api';
import { closeTestDriver, testDatabase, testDriver } from './support/db';
import { wrappingDriver } from './support/recordingDriver';
import { loadOnly, run } from './api.harness';

const PEOPLE = 240;
const PARTNERS = 230;
const UNITS = 110;
const PROJECTS = 105;
const PARTS = 104;
const FIGURES = 107;
/** people holding a second title at the hub, and speaking at the meeting too */
const TWICE = 12;
/** the partners where person 0 is an adviser, and the partners that signed with the hub */
const ADVISED = 120;
const SIGNED = 4;

const pad = (i: number): string => String(i).padStart(3, '0');
/** Names in another order than the ids (a stride through the list), some Latin with both cases. */
const nameOf = (i: number, n: number, stem: string): string => {
  const j = (i * 7) % n;
  return j % 10 === 3 ? `${j % 20 === 3 ? 'a' : 'B'}${stem}${pad(j)}` : `${stem}${pad(j)}`;
};

function hubArticle(): Record<string, unknown> {
  const people = Array.from({ length: PEOPLE }, (_, i) => ({ key: `p${i}`, id: `hub-person-${pad(i)}`, type: 'Person', name: nameOf(i, PEOPLE, '官员') }));
  const partners = Array.from({ length: PARTNERS }, (_, i) => ({
    key: `o${i}`, id: `hub-partner-${pad(i)}`, type: 'Organization', kind: i % 3 === 0 ? 'University' : 'Company', name: nameOf(i, PARTNERS, '伙伴公司'),
  }));
  const units = Array.from({ length: UNITS }, (_, i) => ({ key: `u${i}`, id: `hub-unit-${pad(i)}`, type: 'Organization', kind: 'Other', name: nameOf(i, UNITS, '园区单位') }));
  const projects = Array.from({ length: PROJECTS }, (_, i) => ({ key: `j${i}`, id: `hub-project-${pad(i)}`, type: 'Project', name: nameOf(i, PROJECTS, '项目') }));
  return {
    format: 'kg-article/1',
    article: { id: 'hub-pages', title: '枢纽', publishedOn: '2024-03-01', language: 'zh' },
    entities: [{ key: 'hub', id: 'hub-org', type: 'Organization', kind: 'DevelopmentZone', name: '枢纽开发区' }, ...people, ...partners, ...units, ...projects],
    events: [
      {
        key: 'meeting', type: 'Meeting', name: '枢纽大会', date: '2024-02-01',
        participants: [
          { entity: 'hub', role: 'organizer' },
          ...people.map((p) => ({ entity: p.key, role: 'attendee' })),
          ...people.slice(0, TWICE).map((p) => ({ entity: p.key, role: 'speaker' })),
        ],
      },
      ...Array.from({ length: PARTS }, (_, i) => ({
        key: `part${i}`, type: 'Ceremony', name: nameOf(i, PARTS, '分会'), date: `2024-02-${pad((i % 3) + 1).slice(1)}`, partOf: 'meeting',
      })),
      {
        key: 'signing', type: 'Signing', name: '签约', date: '2024-02-01', partOf: 'meeting',
        participants: [{ entity: 'hub', role: 'signatory' }, ...partners.slice(0, SIGNED).map((o) => ({ entity: o.key, role: 'signatory' }))],
      },
    ],
    relations: [
      ...people.map((p) => ({ type: 'HOLDS_POSITION', from: p.key, to: 'hub', attributes: { title: '委员' } })),
      ...people.slice(0, TWICE).map((p) => ({ type: 'HOLDS_POSITION', from: p.key, to: 'hub', attributes: { title: '副主任' } })),
      ...partners.slice(0, ADVISED).map((o) => ({ type: 'HOLDS_POSITION', from: 'p0', to: o.key, attributes: { title: '顾问' } })),
      ...partners.map((o, i) => (i % 2 === 0 ? { type: 'PARTNER_OF', from: 'hub', to: o.key } : { type: 'PARTNER_OF', from: o.key, to: 'hub' })),
      ...units.map((u) => ({ type: 'PART_OF', from: u.key, to: 'hub' })),
      ...projects.map((j) => ({ type: 'INVESTS_IN', from: 'hub', to: j.key })),
    ],
    figures: Array.from({ length: FIGURES }, (_, i) => ({ subject: 'hub', metric: nameOf(i, FIGURES, '指标'), value: i, period: i % 2 ? '2023' : '2022' })),
  };
}

beforeAll(() => loadOnly([{ source: 'hub-pages', document: hubArticle() }]), 180_000);
afterAll(() => closeTestDriver());

/** Neo4j's order of strings (by UTF-16 code unit), which the statements sort by. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const ROLE_RANK = new Map<string, number>(PARTICIPANT_ROLES.map((r, i) => [r, i]));

async function read(cypher: string, params: Record<string, unknown> = {}): Promise<any[]> {
  const { records } = await testDriver().executeQuery(cypher, params, { database: testDatabase() });
  return records.map((r) => r.toObject());
}

interface Hub {
  /** the field with `%s` for its page arguments, `%c` for its count and page info, `%e` for its edges' selection */
  query: string;
  /** arguments before the page's (a root field's) */
  lead?: string;
  /** statements per page: the parent's, then the page's (2 unless given) */
  trips?: number;
  at: (data: any) => any;
  edge: string;
  key: (edge: any) => string;
  /** the whole list, keyed like `key`, in the documented order, read straight from the graph */
  expected: () => Promise<string[]>;
  /** the ids that name the list's members in what Neo4j sends back */
  members: RegExp;
}

const HUBS: Array<[string, Hub]> = [
  ["a meeting's participants (role order, then name, then id)", {
    query: '{ node(id: "hub-pages#meeting") { ... on Event { participants%s { %c edges { %e } } } } }',
    at: (d) => d.node.participants, edge: 'role node { id }', key: (e) => `${e.role.toLowerCase()} ${e.node.id}`,
    members: /hub-person-\d{3}/g,
    expected: async () => (await read('MATCH (e:Entity)-[p:PARTICIPATED_IN]->(:Event {id: "hub-pages#meeting"}) RETURN p.role AS role, e.name AS name, e.id AS id'))
      .sort((a, b) => ROLE_RANK.get(a.role)! - ROLE_RANK.get(b.role)! || byText(a.name, b.name) || byText(a.id, b.id))
      .map((r) => `${r.role} ${r.id}`),
  }],
  ["the hub's officials (by name, then id, then title)", {
    query: '{ entity(id: "hub-org") { ... on Organization { officials%s { %c edges { %e } } } } }',
    at: (d) => d.entity.officials, edge: 'title node { id }', key: (e) => `${e.node.id} ${e.title}`,
    members: /hub-person-\d{3}/g,
    expected: async () => (await read('MATCH (p:Person)-[h:HOLDS_POSITION]->(:Organization {id: "hub-org"}) RETURN p.name AS name, p.id AS id, h.key AS title'))
      .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id) || byText(a.title, b.title))
      .map((r) => `${r.id} ${r.title}`),
  }],
  ["an adviser's positions (by organisation name, then id, then title)", {
    query: '{ entity(id: "hub-person-000") { ... on Person { positions%s { %c edges { %e } } } } }',
    at: (d) => d.entity.positions, edge: 'title node { id }', key: (e) => `${e.node.id} ${e.title}`,
    members: /hub-partner-\d{3}/g,
    expected: async () => (await read('MATCH (:Person {id: "hub-person-000"})-[h:HOLDS_POSITION]->(o:Organization) RETURN o.name AS name, o.id AS id, h.key AS title'))
      .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id) || byText(a.title, b.title))
      .map((r) => `${r.id} ${r.title}`),
  }],
  ["the hub's partners (by name, then id)", {
    query: '{ entity(id: "hub-org") { ... on Organization { partners%s { %c edges { %e } } } } }',
    at: (d) => d.entity.partners, edge: 'node { id } events { totalCount edges { node { id } } } relations { type direction }', key: (e) => e.node.id,
    members: /hub-partner-\d{3}/g,
    expected: async () => (await read(`MATCH (o:Organization)-[:PARTNER_OF]-(:Organization {id: "hub-org"}) RETURN o.name AS name, o.id AS id
      UNION MATCH (:Organization {id: "hub-org"})-[:PARTICIPATED_IN {role: 'signatory'}]->(:Event {type: 'Signing'})<-[:PARTICIPATED_IN {role: 'signatory'}]-(o:Organization)
      RETURN o.name AS name, o.id AS id`))
      .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
      .map((r) => r.id),
  }],
  ["the hub's partners through the root partners(of:) (by name, then id)", {
    query: '{ partners%s { %c edges { %e } } }', lead: 'of: "hub-org", ', trips: 1,
    at: (d) => d.partners, edge: 'node { id } events { totalCount edges { node { id } } } relations { type direction }', key: (e) => e.node.id,
    members: /hub-partner-\d{3}/g,
    expected: async () => (await read(`MATCH (o:Organization)-[:PARTNER_OF]-(:Organization {id: "hub-org"}) RETURN o.name AS name, o.id AS id
      UNION MATCH (:Organization {id: "hub-org"})-[:PARTICIPATED_IN {role: 'signatory'}]->(:Event {type: 'Signing'})<-[:PARTICIPATED_IN {role: 'signatory'}]-(o:Organization)
      RETURN o.name AS name, o.id AS id`))
      .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
      .map((r) => r.id),
  }],
  ["the hub's units (by name, then id)", {
    query: '{ entity(id: "hub-org") { ... on Organization { units%s { %c edges { %e } } } } }',
    at: (d) => d.entity.units, edge: 'node { id }', key: (e) => e.node.id,
    members: /hub-unit-\d{3}/g,
    expected: async () => (await read('MATCH (u:Entity)-[:PART_OF]->(:Entity {id: "hub-org"}) RETURN DISTINCT u.name AS name, u.id AS id'))
      .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
      .map((r) => r.id),
  }],
  ["the hub's projects (by name, then id)", {
    query: '{ entity(id: "hub-org") { ... on Organization { projects%s { %c edges { %e } } } } }',
    at: (d) => d.entity.projects, edge: 'node { id }', key: (e) => e.node.id,
    members: /hub-project-\d{3}/g,
    expected: async () => (await read('MATCH (:Organization {id: "hub-org"})-[:INVESTS_IN]->(j:Project) RETURN DISTINCT j.name AS name, j.id AS id'))
      .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
      .map((r) => r.id),
  }],
  ["a meeting's parts (by date, then name, then id)", {
    query: '{ node(id: "hub-pages#meeting") { ... on Event { parts%s { %c edges { %e } } } } }',
    at: (d) => d.node.parts, edge: 'node { id }', key: (e) => e.node.id,
    members: /hub-pages#part\d+/g,
    expected: async () => (await read('MATCH (x:Event)-[:PART_OF_EVENT]->(:Event {id: "hub-pages#meeting"}) RETURN x.dateStart AS date, x.name AS name, x.id AS id'))
      .sort((a, b) => byText(a.date, b.date) || byText(a.name, b.name) || byText(a.id, b.id))
      .map((r) => r.id),
  }],
  ["the hub's figures (by metric, then period, then id)", {
    query: '{ entity(id: "hub-org") { figures%s { %c edges { %e } } } }',
    at: (d) => d.entity.figures, edge: 'node { id }', key: (e) => e.node.id,
    members: /指标\d{3}/g,
    expected: async () => (await read('MATCH (f:Figure)-[:ABOUT]->(:Entity {id: "hub-org"}) RETURN f.metric AS metric, f.period AS period, f.id AS id'))
      .sort((a, b) => byText(a.metric, b.metric) || byText(a.period, b.period) || byText(a.id, b.id))
      .map((r) => r.id),
  }],
];

const fill = (h: Hub, args: string) =>
  h.query.replace('%s', `(${h.lead ?? ''}${args})`).replace('%c', 'totalCount pageInfo { hasNextPage hasPreviousPage endCursor }').replace('%e', `cursor ${h.edge}`);

/** A driver that keeps what Neo4j sends back for every statement (its records, as JSON). */
function keepingDriver(shipped: string[]): Driver {
  return wrappingDriver((run) => (text, params) => {
    const result = run(text, params);
    result.then((r) => shipped.push(JSON.stringify(r.records.map((x) => x.toObject()))), () => undefined);
    return result;
  });
}

/** Runs one operation as a reader; returns its data, its round trips and what Neo4j sent back. */
async function withShipped(source: string): Promise<{ data: any; roundTrips: number; shipped: string }> {
  const shipped: string[] = [];
  const ctx = createContext({ driver: keepingDriver(shipped), database: testDatabase(), transactionTimeoutMs: 20_000 }, 'reader');
  const result = await run(source, ctx);
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors.map((e) => e.message))}`);
  return { data: result.data, roundTrips: ctx.stats.roundTrips, shipped: shipped.join('\n') };
}

const distinctMatches = (text: string, pattern: RegExp): number => new Set(text.match(pattern) ?? []).size;

describe('nested connections of a hub, a page at a time', () => {
  it.each(HUBS)('when %s are paged through 37 at a time, then the pages are the whole list in order, once each, with its total, and each page ships only itself', async (_what, h) => {
    const expected = await h.expected();
    expect(expected.length).toBeGreaterThan(100);
    const keys: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (; pages < 20; pages++) {
      const { data, roundTrips, shipped } = await withShipped(fill(h, `first: 37${after ? `, after: ${JSON.stringify(after)}` : ''}`));
      const page = h.at(data);
      expect(roundTrips).toBe(h.trips ?? 2); // the parent, then the page
      expect(page.totalCount).toBe(expected.length);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      keys.push(...page.edges.map(h.key));
      // the page, and at most one row past it (whether more follow), came back; not the hub's hundreds
      expect(distinctMatches(shipped, h.members)).toBeLessThanOrEqual(38);
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(37);
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(expected.length / 37) - 1);
    expect(keys).toEqual(expected);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('when a page of events reads ahead the participants and their positions, then the hub meeting ships one page of each, in one statement', async () => {
    const expected = await HUBS[0][1].expected();
    // a window of four around person 0, who advises 120 of the partners
    const start = expected.findIndex((k) => k.endsWith(' hub-person-000')) - 1;
    expect(start).toBeGreaterThan(0);
    const source = `{ events(where: { article: "hub-pages", types: [MEETING] }, first: 5) { edges { node { id
      participants(first: 4, after: "${Buffer.from(`kg:participants:${start - 1}`).toString('base64')}") { totalCount pageInfo { hasNextPage } edges { role node { id
        ... on Person { positions(first: 2) { totalCount edges { title node { id } } } } } } } } } } }`;
    const { data, roundTrips, shipped } = await withShipped(source);
    expect(roundTrips).toBe(1);
    const participants = data.events.edges[0].node.participants;
    expect(participants.totalCount).toBe(expected.length);
    expect(participants.pageInfo.hasNextPage).toBe(true);
    expect(participants.edges.map(HUBS[0][1].key)).toEqual(expected.slice(start, start + 4));
    const adviser = participants.edges.find((p: any) => p.node.id === 'hub-person-000');
    expect(adviser.node.positions.totalCount).toBe(ADVISED + 2); // and two titles at the hub
    expect(adviser.node.positions.edges).toHaveLength(2);
    for (const p of participants.edges) expect(p.node.positions.edges.length).toBe(Math.min(2, p.node.positions.totalCount));
    // the four people shown and the one read past them; two of person 0's positions and the one past them
    expect(distinctMatches(shipped, /hub-person-\d{3}/g)).toBeLessThanOrEqual(5);
    expect(distinctMatches(shipped, /hub-partner-\d{3}/g)).toBeLessThanOrEqual(2 + 1);
  });
});
