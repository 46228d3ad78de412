/**
 * Rows of participants, positions, relations and event participations (the edges of an entity's `relations` and
 * `events` connections) carry a claim key (where their
 * sources are read later: claimKeyOf in src/api/cypher/fragments.ts) only when the client selected their
 * `sources`, directly or through a fragment. Otherwise the keys are about half of what a page of participants
 * ships, for nobody.
 */
import { closeTestDriver } from './support/db';
import { statementsOf } from './support/recordingDriver';
import { context, ok, seed } from './api.harness';
import { EntityEventEdgeSourcesResolver, ParticipantEdgeSourcesResolver } from '../src/api/resolvers/provenance.resolver';
import type { EntityRow } from '../src/api/cypher/rows';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const computesClaimKeys = (statement: string): boolean => statement.includes('elementId(');
const keyless = (statements: string[]): number => statements.filter((s) => !computesClaimKeys(s)).length;

interface List {
  /** the query around the list field, `%s` standing for it */
  around: string;
  field: string;
  /** the row type, for fragments */
  type: string;
  /** fields identifying each row */
  keys: string;
  /** a connection: the rows are its edges */
  edges?: boolean;
}

const LISTS: Array<[string, List]> = [
  ['participants', { around: '{ events(first: 5) { edges { node { id %s } } } }', field: 'participants', type: 'ParticipantEdge', keys: 'role node { id }', edges: true }],
  ['positions', { around: '{ entity(id: "person:jin-feng") { ... on Person { %s } } }', field: 'positions', type: 'PositionEdge', keys: 'title node { id }', edges: true }],
  ['officials', { around: '{ entity(id: "org:gaoyou-edz-management-committee") { ... on Organization { %s } } }', field: 'officials', type: 'OfficialEdge', keys: 'title node { id }', edges: true }],
  ['relations', { around: '{ entity(id: "org:gaoyou-edz") { %s } }', field: 'relations', type: 'RelationEdge', keys: 'type direction node { id }', edges: true }],
  ['event participations', { around: '{ entity(id: "person:jin-feng") { %s } }', field: 'events', type: 'EntityEventEdge', keys: 'roles node { id }', edges: true }],
];

const SOURCES = 'sources { edges { evidence article: node { id } } }';

/** The ways a client can select `sources` on a row, each with the fragment definitions it needs. */
const STYLES: Array<[string, (l: List) => { selection: string; fragments: string }]> = [
  ['directly', () => ({ selection: SOURCES, fragments: '' })],
  ['through a named fragment', (l) => ({ selection: '...Cited', fragments: `fragment Cited on ${l.type} { ${SOURCES} }` })],
  ['through an inline fragment', (l) => ({ selection: `... on ${l.type} { ${SOURCES} }`, fragments: '' })],
  ['through a fragment without a type condition', () => ({ selection: `... { ${SOURCES} }`, fragments: '' })],
];

const query = (l: List, fields: string, fragments = ''): string => `${l.around.replace('%s', fields)} ${fragments}`;
const rowsOf = (l: List, rows: string): string => (l.edges ? `{ edges { ${rows} } }` : `{ ${rows} }`);
const withSources = (l: List, selection: string, alias = ''): string => `${alias}${l.field} ${rowsOf(l, `${l.keys} ${selection}`)}`;
const withoutSources = (l: List, alias = ''): string => `${alias}${l.field} ${rowsOf(l, l.keys)}`;

/** Every list of rows (or edges of a connection) in a result under `name`, wherever it is nested (pages give one list per event). */
function listsNamed(data: unknown, name: string): unknown[][] {
  if (Array.isArray(data)) return data.flatMap((d) => listsNamed(d, name));
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([k, v]) => {
    if (k === name && Array.isArray(v)) return [v];
    if (k === name && v && typeof v === 'object' && Array.isArray((v as { edges?: unknown }).edges)) return [(v as { edges: unknown[] }).edges];
    return listsNamed(v, name);
  });
}

/** toEqual ignores properties set to undefined: these rows equal the same rows never given sources. */
const withoutSourcesIn = (rows: unknown[]): unknown[] => rows.map((r) => ({ ...(r as object), sources: undefined }));

describe('claim keys only where sources are asked for', () => {
  it.each(LISTS)('when %s are asked for without sources, then no statement computes a claim key', async (_what, l) => {
    const statements = await statementsOf(query(l, withoutSources(l)));
    expect(statements.length).toBeGreaterThanOrEqual(1); // the list may be read ahead in the root's statement (prefetch)
    expect(statements.filter(computesClaimKeys)).toEqual([]);
  });

  it('when event participations ask for the sources of their events only, then no statement computes a claim key', async () => {
    const statements = await statementsOf('{ entity(id: "person:jin-feng") { events { edges { roles node { id sources { edges { evidence } } } } } } }');
    expect(statements.length).toBeGreaterThanOrEqual(2); // the entity with its events (prefetch), the events' sources
    expect(statements.filter(computesClaimKeys)).toEqual([]);
  });

  describe.each(LISTS)('%s', (_what, l) => {
    it.each(STYLES)('when one field asks for their sources %s and an aliased sibling does not, then it gets them and only it computes claim keys', async (_style, style) => {
      const { selection, fragments } = style(l);
      const alone = await ok(query(l, withSources(l, SOURCES)));
      const expected = listsNamed(alone, l.field);
      expect(expected.flat().length).toBeGreaterThan(0);
      for (const row of expected.flat()) expect((row as { sources: { edges: unknown[] } }).sources.edges.length).toBeGreaterThan(0);

      const both = query(l, `${withSources(l, selection, 'cited: ')} ${withoutSources(l, 'plain: ')}`, fragments);
      const data = await ok(both);
      expect(listsNamed(data, 'cited')).toEqual(expected);
      expect(listsNamed(data, 'plain')).toEqual(listsNamed(data, 'cited').map(withoutSourcesIn));

      // the sibling without sources is read by a statement of its own, which computes no claim key: as many
      // statements mention element ids as for the cited list alone (its read and its sources' read), and there is
      // one keyless statement more (two more when the cited list alone is read ahead in its parent's statement)
      const citedOnly = await statementsOf(query(l, withSources(l, selection, 'cited: '), fragments));
      const statements = await statementsOf(both);
      expect(statements.filter(computesClaimKeys)).toHaveLength(citedOnly.filter(computesClaimKeys).length);
      expect(keyless(statements)).toBeGreaterThan(keyless(citedOnly));
    });
  });

  it('when a page asks for the sources of participants in one alias and not in another, then each event gets its own, right sources', async () => {
    const cited = 'cited: participants { edges { role node { id } sources { edges { evidence article: node { id } } } } }';
    const page = `{ events(first: 10) { edges { node { id plain: participants { edges { role node { id } } } ${cited} } } } }`;
    const data = await ok(page);
    const alone = await ok(`{ events(first: 10) { edges { node { id ${cited.replace('cited: ', '')} } } } }`);
    data.events.edges.forEach((edge: any, i: number) => {
      expect(edge.node.cited).toEqual(alone.events.edges[i].node.participants);
      expect(edge.node.plain.edges).toEqual(edge.node.cited.edges.map(({ role, node }: any) => ({ role, node })));
    });
    // the plain participants are read by a statement of their own, which computes no claim key
    const citedOnly = await statementsOf(`{ events(first: 10) { edges { node { id ${cited} } } } }`);
    const statements = await statementsOf(page);
    expect(statements.filter(computesClaimKeys)).toHaveLength(citedOnly.filter(computesClaimKeys).length);
    expect(keyless(statements)).toBeGreaterThan(keyless(citedOnly));
  });
});

describe('a row without a claim key at its sources', () => {
  const entity: EntityRow = { __label: 'Entity', id: 'person:jin-feng', type: 'Person', name: '金锋', aliases: [], kind: null, attributes: {} };

  it('when a participant read without claim keys reaches its sources, then it fails instead of answering none', () => {
    expect(() => new ParticipantEdgeSourcesResolver().sources({ cursor: '', role: 'host', node: entity, claimKey: null }, { first: 20 }, context())).toThrow(/claim key/);
  });

  it('when an event participation read without claim keys reaches its sources, then it fails instead of answering none', async () => {
    const edge = { cursor: '', node: {} as never, roles: ['host'], claimKeys: null };
    await expect(new EntityEventEdgeSourcesResolver().sources(edge, { first: 20 }, context())).rejects.toThrow(/claim key/);
  });
});
