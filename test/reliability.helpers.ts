/**
 * Shared by test/reliability.*.test.ts, test/security.*.test.ts and bench/soak.ts:
 *
 * - `sharedDocs(n)`: n small, deterministic `kg-article/1` documents that keep mentioning the same few
 *   dozen entities (persons by explicit id under varying names, organisations and places by name and
 *   alias), with relations stated by many articles, shared figures and one event each. Identity never
 *   depends on load order (a name that varies always comes with an explicit id), so any load order must
 *   give the same graph.
 * - `freePort()`, `ownNeo4j()`: an embedded Neo4j of the test's own, in a temp dir, for tests that must
 *   stop, kill or restart the database (the shared one of jest's global setup must stay up).
 */
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/graph/embedded';

const pad = (i: number, width = 4): string => String(i).padStart(width, '0');

const PERSONS = 12;
const ORGS = 8;
const PLACES = 4;
const ORG_KINDS = ['Company', 'University', 'GovernmentAgency', 'Institute'] as const;
const EVENT_TYPES = ['Signing', 'Meeting', 'Inspection', 'Visit', 'Fair'] as const;
const TITLES = ['主任', '副主任', '书记', '总经理'];

/** The id of the i-th shared document. */
export const sharedDocId = (i: number): string => `rel-${pad(i)}`;

/** The i-th of the shared documents (see the file comment); the same object content on every call. */
export function sharedDoc(i: number): Record<string, any> {
  const p = [i % PERSONS, (i * 5 + 1) % PERSONS, (i * 7 + 3) % PERSONS].filter((x, k, xs) => xs.indexOf(x) === k);
  const o = [i % ORGS, (i * 3 + 1) % ORGS].filter((x, k, xs) => xs.indexOf(x) === k);
  const place = i % PLACES;
  const year = 2020 + (i % 4);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const date = `${year}-${pad(month, 2)}-${pad(day, 2)}`;

  const entities: Record<string, unknown>[] = [
    ...p.map((n) => ({
      key: `p${n}`,
      type: 'Person',
      id: `person:rel-${n}`,
      // most articles give the Chinese name, every third the romanised one: the derived name is the most
      // frequent, the other becomes an alias, whatever the load order
      name: i % 3 === 0 ? `Official ${n}` : `官员${n}号`,
      evidence: `官员${n}号出席 (article ${i})`,
    })),
    ...o.map((n) => ({
      key: `o${n}`,
      type: 'Organization',
      kind: ORG_KINDS[n % ORG_KINDS.length],
      name: `组织${n}有限公司`,
      aliases: [`组织${n}`],
      // merged in article-id order: the article with the greatest id wins
      attributes: { employees: 100 + ((i * 13 + n) % 50), listed: n % 2 === 0 },
      evidence: `组织${n}有限公司 (article ${i})`,
    })),
    { key: 'pl', type: 'Place', kind: 'City', name: `城市${place}` },
  ];

  const participants = [
    ...p.map((n, k) => ({ entity: `p${n}`, role: k === 0 ? 'host' : 'attendee' })),
    ...o.map((n) => ({ entity: `o${n}`, role: 'signatory' })),
  ];
  const relations: Record<string, unknown>[] = [
    ...p.map((n) => ({
      type: 'HOLDS_POSITION',
      from: `p${n}`,
      to: `o${o[0]}`,
      attributes: { title: TITLES[n % TITLES.length] },
      since: `${2015 + (i % 5)}-01`,
      evidence: `官员${n}号任职 (article ${i})`,
    })),
    // some articles date it, some do not: the derived since is the earliest claim's
    { type: 'LOCATED_IN', from: `o${o[0]}`, to: 'pl', ...(i % 2 ? { since: `${2010 + (i % 7)}-0${1 + (i % 9)}` } : {}), evidence: `位于城市${place}` },
  ];
  if (o.length > 1) {
    relations.push({ type: 'PARTNER_OF', from: `o${o[0]}`, to: `o${o[1]}`, until: `${2025 + (i % 3)}-12-31`, evidence: `合作 (article ${i})` });
  }

  return {
    format: 'kg-article/1',
    article: {
      id: sharedDocId(i),
      title: `Shared article ${i}`,
      publisher: `组织${o[0]}有限公司`,
      publishedOn: date,
      language: i % 2 ? 'zh' : 'en',
      text: `第${i}篇文章。`,
    },
    entities,
    events: [
      {
        key: 'ev',
        type: EVENT_TYPES[i % EVENT_TYPES.length],
        name: `活动 ${i}`,
        date,
        ...(i % 4 === 0 ? { endDate: `${year}-${pad(month, 2)}-28` } : {}),
        location: 'pl',
        participants,
        attributes: { seq: i },
        evidence: `${date} 举行活动 ${i}。`,
      },
    ],
    relations,
    figures: [
      // the same number from every article of that year about that organisation: one Figure, many reports
      { subject: `o${o[0]}`, metric: '产值', value: 10 * (o[0] + 1) + (year - 2020), unit: '亿元', period: `${year}`, evidence: `产值 (article ${i})` },
    ],
  };
}

export function sharedDocs(n: number): Record<string, any>[] {
  return Array.from({ length: n }, (_, i) => sharedDoc(i));
}

/** Writes `docs` as one JSON file each into a new temp dir (names sort in document order); returns the dir. */
export function writeDocsDir(docs: unknown[], prefix = 'kg-rel-docs-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  docs.forEach((d, i) => fs.writeFileSync(path.join(dir, `${pad(i)}.json`), JSON.stringify(d)));
  return dir;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * An embedded Neo4j of the caller's own: `start()` (again after a stop or kill: same store, same port
 * when one was given), `kill()` (SIGKILL to the Java process, resolves once it is gone), `stop()`, and
 * `dispose()` (stop and delete the temp dir) for afterAll.
 */
export interface OwnNeo4j {
  homeDir: string;
  readonly current: EmbeddedNeo4j | undefined;
  start(): Promise<EmbeddedNeo4j>;
  kill(): Promise<void>;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

export function ownNeo4j(opts: { port?: number; prefix?: string } = {}): OwnNeo4j {
  const homeDir = fs.mkdtempSync(path.join(os.tmpdir(), opts.prefix ?? 'kg-rel-neo4j-'));
  let current: EmbeddedNeo4j | undefined;
  const pidAlive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    homeDir,
    get current() {
      return current;
    },
    async start() {
      current = await startEmbeddedNeo4j({
        homeDir,
        port: opts.port ?? 0,
        heap: '512m',
        pageCache: '64m',
        log: process.env.KG_TEST_NEO4J_LOG === '1' ? (l) => process.stderr.write(`${l}\n`) : undefined,
      });
      return current;
    },
    async kill() {
      const c = current;
      if (!c) return;
      process.kill(c.pid, 'SIGKILL');
      await c.stop(); // resolves once the process has exited (it is already dying)
      for (let i = 0; i < 100 && pidAlive(c.pid); i += 1) await new Promise((r) => setTimeout(r, 50));
      current = undefined;
    },
    async stop() {
      const c = current;
      current = undefined;
      await c?.stop();
    },
    async dispose() {
      try {
        await this.stop();
      } finally {
        fs.rmSync(homeDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The read mix of the restart test and of bench/soak.ts, against the seed article (seed/): one operation
 * per kind of question the API answers. Each is within the default query limits.
 */
export const QUERY_MIX: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'entity',
    query: 'query EntityById($id: ID!) { entity(id: $id) { id type name aliases } }',
    variables: { id: 'person:jin-feng' },
  },
  {
    name: 'entityEvents',
    query: `query EntityWithEvents($id: ID!) { entity(id: $id) { id name
      events(first: 20) { edges { roles node { id type name date location { name } } } } } }`,
    variables: { id: 'person:jin-feng' },
  },
  {
    name: 'eventPage',
    query: `query EventPage { events(first: 20) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id type name date participants { edges { role node { id name } } } } } } }`,
  },
  {
    name: 'eventsByTypeAndDate',
    query: `query EventsByTypeAndDate($from: PartialDate!, $to: PartialDate!) {
      events(where: { types: [SIGNING, MEETING], from: $from, to: $to }, first: 20) { totalCount edges { node { id type name date } } } }`,
    variables: { from: '2023-06-01', to: '2023-06-30' },
  },
  {
    name: 'partners',
    query: 'query Partners($of: ID!) { partners(of: $of) { edges { organization: node { id name kind } events { edges { node { id name date } } } } } }',
    variables: { of: 'org:gaoyou-edz' },
  },
  {
    name: 'neighborhood',
    query: `query Neighborhood($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) {
      truncated nodes { id: nodeId label type kind date } edges { id source target type role title } } }`,
    variables: { id: 'person:jin-feng' },
  },
  {
    name: 'path',
    query: `query Path($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4, first: 3) {
      length nodes { id: nodeId label type } edges { source target type role title } } }`,
    variables: { from: 'person:xu-jian', to: 'person:shi-zhihong' },
  },
  {
    name: 'search',
    query: `query Search($q: String!) { search(query: $q, first: 10) { totalCount
      edges { score node { __typename ... on Entity { id name } ... on Event { id name } } } } }`,
    variables: { q: '开发区' },
  },
];
