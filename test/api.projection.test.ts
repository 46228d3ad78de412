/**
 * Projection by selection: the entity and event rows of lists (pages of entities or events, search hits,
 * participants, positions, officials, relations, partners, an entity's events) carry the properties beyond id, type and name (aliases, kind,
 * attributes; date, evidence, …) only when the client selects them (ENTITY_EXTRAS / EVENT_EXTRAS in
 * src/api/cypher/fragments.ts). A 50-event page selecting names does not ship 400 participants' attributes.
 * The risk is the opposite one: a row read without a property that a field then answers with its default. So
 * every list is checked against `node(id)` (which always reads everything) when it selects every field, by
 * every means a client has: directly, through fragments, under an alias beside a sibling asking for less.
 */
import { getMetadataStorage } from 'type-graphql';
import { closeTestDriver } from './support/db';
import { statementsOf } from './support/recordingDriver';
import { apiSchema, ev, ok, seed } from './api.harness';
import { ENTITY_EXTRAS, EVENT_EXTRAS } from '../src/api/cypher/fragments';
import { Entity } from '../src/api/types/entity.type';
import { Event } from '../src/api/types/event.type';
import { Node } from '../src/api/types/node.type';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const ENTITY_FIELDS = 'id type name aliases kind attributes';
const EVENT_FIELDS = 'id type name date endDate attributes evidence article { id }';

/** Each list of entities or events, `%s` standing for the fields selected on its entity (or event) rows. */
const LISTS: Array<[string, string]> = [
  ['a page of entities', '{ entities(first: 50, where: { types: [ORGANIZATION, PROJECT] }) { totalCount edges { node { %E } } } }'],
  ['search hits (entities)', '{ search(query: "开发区", types: [ORGANIZATION, PROJECT], first: 50) { totalCount edges { node { ... on Entity { %E } } } } }'],
  // (an Entity and an Event fragment on one hit may not both select `type`: its enums differ)
  ['search hits (events)', '{ search(query: "开发区", eventTypes: [SIGNING, VISIT, MEETING], first: 50) { edges { node { ... on Event { %V } } } } }'],
  ['participants of a page of events', '{ events(first: 50) { edges { node { id participants { edges { role node { %E } } } } } } }'],
  ['a page of events', '{ events(first: 50) { edges { node { %V } } } }'],
  ['a filtered page of events', '{ events(first: 50, where: { types: [SIGNING] }) { totalCount edges { node { %V } } } }'],
  ['positions of the people on a page (read ahead)', '{ events(first: 50) { edges { node { participants { edges { node { id ... on Person { positions { edges { title node { %E } } } } } } } } } } }'],
  ['positions of a person', '{ entity(id: "person:jin-feng") { ... on Person { positions { edges { title node { %E } } } } } }'],
  // 李沈红 (attributes: gender) holds a post in the county's party committee
  ['officials of an organisation', '{ entity(id: "org:gaoyou-party-committee") { ... on Organization { officials { edges { title node { %E } } } } } }'],
  ['relations of an entity', '{ entity(id: "org:gaoyou-edz") { relations(first: 100) { edges { type node { %E } } } } }'],
  ['events of an entity (read ahead)', '{ entity(id: "org:gaoyou-edz") { events(first: 50) { edges { roles node { %V } } } } }'],
  ['events of the participants of an event', `{ node(id: "${ev('ev-0621-signing')}") { ... on Event { participants { edges { node { id events { edges { node { %V } } } } } } } } }`],
  ['partners (root field)', '{ partners(of: "org:gaoyou-edz") { edges { node { %E } events { edges { node { %V } } } } } }'],
  ['partners of an organisation', '{ entity(id: "org:jiangnan-university-life-sciences-college") { ... on Organization { partners { edges { node { %E } events { edges { node { %V } } } } } } } }'],
];

const fill = (template: string, entity: string, event: string): string => template.replace(/%E/g, entity).replace(/%V/g, event);

/** Every object in a result that has an id and a type: the entity and event rows. */
function rowsIn(data: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(data)) return data.flatMap(rowsIn);
  if (!data || typeof data !== 'object') return [];
  const o = data as Record<string, unknown>;
  const own = typeof o.id === 'string' && typeof o.type === 'string' ? [o] : [];
  return [...own, ...Object.values(o).flatMap(rowsIn)];
}

/** The same nodes read alone, by `node(id)`, with every field (an event's id is `<article>#<key>`). */
async function nodesRead(ids: string[]): Promise<Map<string, Record<string, unknown>>> {
  const read = async (some: string[], fields: string): Promise<Array<[string, Record<string, unknown>]>> => {
    if (some.length === 0) return [];
    const data = await ok<Record<string, Record<string, unknown>>>(
      `{ ${some.map((id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { ${fields} }`).join(' ')} }`,
    );
    return some.map((id, i) => [id, data[`n${i}`]]);
  };
  return new Map([
    ...(await read(ids.filter((id) => !id.includes('#')), `... on Entity { ${ENTITY_FIELDS} }`)),
    ...(await read(ids.filter((id) => id.includes('#')), `... on Event { ${EVENT_FIELDS} }`)),
  ]);
}

/** Rows of a result, each checked equal to its node read alone; returns them. */
async function expectEveryRowAsReadAlone(data: unknown): Promise<Array<Record<string, unknown>>> {
  const rows = rowsIn(data);
  expect(rows.length).toBeGreaterThan(0);
  const alone = await nodesRead([...new Set(rows.map((r) => r.id as string))]);
  for (const row of rows) expect(row).toEqual(alone.get(row.id as string));
  return rows;
}

/** Whether some row carries a value that only an extra property could give (so that the check can fail). */
const carriesExtras = (rows: Array<Record<string, unknown>>): boolean =>
  rows.some(
    (r) =>
      (Array.isArray(r.aliases) && r.aliases.length > 0) ||
      (typeof r.kind === 'string') ||
      (typeof r.evidence === 'string') ||
      Object.keys((r.attributes as object | undefined) ?? {}).length > 0,
  );

/**
 * The extras read by the entity and event map projections (`v {.id, .type, .name, …}`, or `v {.id, .name, …}` where
 * the label fixes the type) of a statement: their properties (`.kind`), not the entries of the row they carry
 * (`role: p.role`); except those of a root node lookup (`CASE WHEN … THEN e {…}`, and a figure's subject there):
 * the node loader serves any selection, so it reads whole nodes.
 */
const extrasRead = (statement: string): string[] =>
  [...statement.matchAll(/(?<!THEN )\b(?!figureSubject\b)\w+ \{\.id(?:, \.type)?, \.name((?:, \.\w+)*)/g)].map((m) => m[1]).filter((extras) => extras !== '');

describe('projection by selection', () => {
  it('when a stored property becomes a field of Entity or Event, then it is either always read or an extra read on selection', async () => {
    await apiSchema(); // the metadata is complete once the schema is built
    const plain = (type: Function): string[] =>
      getMetadataStorage().fields.filter((f) => f.target === type || f.target === Node).map((f) => f.name).sort();
    expect(plain(Entity)).toEqual(['id', 'type', 'name', ...ENTITY_EXTRAS].sort());
    // `article` is a field resolver reading the row's article id: an extra as well
    expect([...plain(Event), 'article'].sort()).toEqual(['id', 'type', 'name', ...EVENT_EXTRAS].sort());
  });

  it.each(LISTS)('when %s select only ids, types and names, then no statement reads an extra property', async (_what, template) => {
    const statements = await statementsOf(fill(template, 'id type name', 'id type name'));
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.some((s) => s.includes('{.id, .type, .name'))).toBe(true);
    expect(statements.flatMap(extrasRead)).toEqual([]);
  });

  it.each(LISTS)('when %s select every field, then each row equals the node read alone', async (_what, template) => {
    const rows = await expectEveryRowAsReadAlone(await ok(fill(template, ENTITY_FIELDS, EVENT_FIELDS)));
    expect(carriesExtras(rows)).toBe(true);
  });

  it.each(LISTS)('when %s select every field through fragments, then each row equals the node read alone', async (_what, template) => {
    const fragments = [
      ...(template.includes('%E') ? ['fragment E on Entity { type name attributes ... on Node { ... on Entity { kind } } }'] : []),
      ...(template.includes('%V') ? ['fragment V on Event { id type name ... { date endDate attributes } ... on Event { evidence article { id } } }'] : []),
    ];
    const query = `${fill(template, 'id ...E ... on Entity { aliases }', '...V')} ${fragments.join(' ')}`;
    await expectEveryRowAsReadAlone(await ok(query));
  });

  it("when a person's positions do not select their dates, then no statement reads them, nor the person (under Person.positions the person is the parent)", async () => {
    const queries = [
      '{ events(first: 50) { edges { node { participants { edges { node { id ... on Person { positions { edges { title node { id name } } } } } } } } } } }',
      '{ entity(id: "person:jin-feng") { ... on Person { positions { edges { title node { id name } } } } } }',
    ];
    for (const query of queries) {
      const statements = (await statementsOf(query)).filter((s) => s.includes('HOLDS_POSITION'));
      expect(statements.length).toBe(1);
      expect(statements[0]).toContain('o {.id, .name, title: f.h.key}'); // f: an entry of the page
      expect(statements[0]).not.toMatch(/person: p \{|h\.since|h\.until/);
    }
    // asked for, they are read (their values: the rows tests above and the mutations tests)
    const asked = await statementsOf('{ entity(id: "org:gaoyou-edz-management-committee") { ... on Organization { officials { edges { title since node { id } } } } } }');
    expect(asked.filter((s) => s.includes('HOLDS_POSITION'))[0]).toMatch(/title: f\.h\.key, since: f\.h\.since, until: f\.h\.until, person: p \{\.id, \.type, \.name\}\}/);
  });

  it.each(LISTS)('when %s are selected twice, under an alias with every field and plainly with names, then each gets what it asked for', async (_what, template) => {
    const query = `{ full: ${fill(template, ENTITY_FIELDS, EVENT_FIELDS).slice(1, -1)} slim: ${fill(template, 'id type name', 'id type name').slice(1, -1)} }`;
    const data = await ok<{ full: unknown; slim: unknown }>(query);
    const full = await expectEveryRowAsReadAlone(data.full);
    expect(carriesExtras(full)).toBe(true);
    const slim = rowsIn(data.slim);
    expect(slim.map((r) => r.id).sort()).toEqual(full.map((r) => r.id).sort());
    for (const row of slim) expect(Object.keys(row).sort()).toEqual(['id', 'name', 'type']);
  });
});
