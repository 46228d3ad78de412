/**
 * schema/schema.graphql is the schema clients read; it is generated from the code. This fails while the
 * committed file is stale: run `npm run emit`.
 */
import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { buildSchema as buildSdl, getNamedType, isEnumType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { schemaSdl } from '../src/api';
import { EntityEventsArgs, EntityFiguresArgs, EntitySourcesArgs, FigureFilterArgs, OrganizationPartnersArgs, PageArgs, ParticipantsArgs, RelationsArgs } from '../src/api/args/fields.args';
import { argsInstanceMaker } from '../src/api/buildApiSchema';
import { POSSIBLE_TYPES_FILE, SCHEMA_FILE } from '../src/api/emitSchema';
import { possibleTypesJson } from '../src/api/possibleTypes';
import { ENTITY_KINDS, ENTITY_TYPE_NAMES, ENTITY_TYPES, EVENT_TYPES, FIGURE_QUALIFIER_NAMES, PARTICIPANT_ROLES, RELATION_TYPE_NAMES, enumName } from '../src/model';
import { apiSchema } from './api.harness';

describe('the GraphQL schema', () => {
  it('matches the committed schema/schema.graphql (run `npm run emit` after changing src/api)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaSdl(await apiSchema()));
  });

  it('matches the committed schema/possibleTypes.json, which lists every implementation of each interface and union', async () => {
    const committed = readFileSync(POSSIBLE_TYPES_FILE, 'utf8');
    expect(committed).toBe(possibleTypesJson(await apiSchema()));
    const types = JSON.parse(committed);
    expect(types.Entity).toEqual([...ENTITY_TYPE_NAMES].sort());
    expect(types.Node).toEqual([...ENTITY_TYPE_NAMES, 'Article', 'Event', 'Figure'].sort());
  });

  it('names the concrete type of an entity, node or search hit at once, not through a promise per value', async () => {
    const schema = await apiSchema();
    const resolve = (name: string, row: object): unknown => {
      const t = schema.getType(name);
      if (!isInterfaceType(t) && !isUnionType(t)) throw new Error(`${name} is not abstract`);
      return t.resolveType!(row, {}, {} as never, t);
    };
    expect(resolve('Entity', { type: 'Person' })).toBe('Person');
    expect(resolve('Node', { __label: 'Event' })).toBe('Event');
    expect(resolve('Node', { __label: 'Entity', type: 'Village' })).toBe('Village');
    expect(resolve('SearchResult', { __label: 'Entity', type: 'Organization' })).toBe('Organization');
  });

  it("reads plain fields with graphql-js's default resolver, and keeps the field resolvers", async () => {
    const schema = await apiSchema();
    const fields = (name: string) => {
      const t = schema.getType(name);
      if (!isObjectType(t)) throw new Error(`${name} is not an object type`);
      return t.getFields();
    };
    // type-graphql would wrap each of these in a function of its own, called for every value of a page
    for (const [type, field] of [['Event', 'name'], ['Person', 'id'], ['ParticipantEdge', 'role'], ['PositionEdge', 'title'], ['OfficialEdge', 'since'], ['EventEdge', 'node']]) {
      expect({ type, field, resolve: fields(type)[field].resolve }).toEqual({ type, field, resolve: undefined });
    }
    for (const [type, field] of [['Event', 'participants'], ['Person', 'positions'], ['Organization', 'partners']]) {
      expect({ type, field, resolve: typeof fields(type)[field].resolve }).toEqual({ type, field, resolve: 'function' });
    }
    // without type-graphql's per-call wrapper where it has nothing to do (root, context, info, and arguments
    // of scalars and enums: participants' roles, partners' kinds)
    const how = (type: string, field: string) => ({ type, field, direct: fields(type)[field].resolve?.name === 'callDirectly' });
    expect([how('Person', 'positions'), how('Organization', 'officials'), how('Event', 'location'), how('Event', 'participants')]).toEqual([
      { type: 'Person', field: 'positions', direct: true },
      { type: 'Organization', field: 'officials', direct: true },
      { type: 'Event', field: 'location', direct: true },
      { type: 'Event', field: 'participants', direct: true },
    ]);
    expect([how('Organization', 'partners')]).toEqual([{ type: 'Organization', field: 'partners', direct: true }]);
  });

  it("when a field resolver with arguments is called directly, then it gets the arguments type-graphql's wrapper would give it", () => {
    // type-graphql's own conversion, which its package exports do not expose: loaded by file
    const typeGraphql = dirname(require.resolve('type-graphql'));
    const { convertArgsToInstance } = require(join(typeGraphql, 'resolvers', 'convert-args.js'));
    const cases: Array<[Function, Record<string, unknown>]> = [
      [ParticipantsArgs, {}],
      [ParticipantsArgs, { roles: null }],
      [ParticipantsArgs, { first: 5, after: 'c', roles: ['host', 'attendee'] }],
      [OrganizationPartnersArgs, { first: 20, includeUnits: true, kinds: ['University'] }],
      [EntityFiguresArgs, { first: 3, metric: '产值', hedged: true }],
      [PageArgs, { first: 100 }],
      [PageArgs, { first: 20, after: null }],
      [EntityEventsArgs, { types: ['Signing'], roles: ['signatory'], from: '2023-06', to: null }],
      [EntityEventsArgs, { first: 5, after: 'a', dateMatch: 'WITHIN' }],
      [RelationsArgs, { types: ['PARTNER_OF'], direction: 'OUTGOING' }],
      [RelationsArgs, { first: 20, article: 'x', after: null }],
      [EntitySourcesArgs, { first: 20 }],
      [EntitySourcesArgs, { first: 3, after: 'b', article: 'x' }],
      [FigureFilterArgs, { metric: '产值' }],
    ];
    for (const [Class, args] of cases) {
      const make = argsInstanceMaker(Class)!;
      expect(make).not.toBeNull();
      const ours = make(args);
      const theirs = convertArgsToInstance({ getType: () => Class }, args);
      expect(ours).toBeInstanceOf(Class);
      expect({ name: Class.name, keys: Object.keys(ours).sort(), ours: { ...ours } }).toEqual({ name: Class.name, keys: Object.keys(theirs).sort(), ours: { ...theirs } });
    }
  });

  it('is valid SDL on its own (what clients and codegen read)', () => {
    expect(() => buildSdl(readFileSync(SCHEMA_FILE, 'utf8'))).not.toThrow();
  });

  it("takes its enums from the domain model, not from a copy: GraphQL's SCREAMING_SNAKE_CASE names for the model's words", async () => {
    const schema = await apiSchema();
    const values = (name: string): Array<[string, unknown]> => {
      const t = schema.getType(name);
      if (!isEnumType(t)) throw new Error(`${name} is not an enum`);
      return t.getValues().map((v) => [v.name, v.value]);
    };
    const named = (words: readonly string[]) => words.map((w) => [enumName(w), w]);
    expect(values('EntityType')).toEqual(named(ENTITY_TYPE_NAMES));
    expect(values('EntityKind')).toEqual(named(ENTITY_KINDS));
    expect(values('OrganizationKind')).toEqual(named(ENTITY_TYPES.Organization.kinds));
    expect(values('EventType')).toEqual(named(EVENT_TYPES));
    expect(values('ParticipantRole')).toEqual(named(PARTICIPANT_ROLES));
    expect(values('FigureQualifier')).toEqual(named(FIGURE_QUALIFIER_NAMES));
    expect(values('RelationType')).toEqual(named(RELATION_TYPE_NAMES));
    expect(values('EntityKind')).toContainEqual(['GOVERNMENT_AGENCY', 'GovernmentAgency']);
    expect(values('FigureQualifier')).toContainEqual(['AT_LEAST', 'atLeast']);
  });

  it('names every enum value of the schema in SCREAMING_SNAKE_CASE', async () => {
    const schema = await apiSchema();
    const names = Object.values(schema.getTypeMap())
      .filter((t) => isEnumType(t) && !t.name.startsWith('__'))
      .flatMap((t) => (isEnumType(t) ? t.getValues().map((v) => `${t.name}.${v.name}`) : []));
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((n) => !/^\w+\.[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(n))).toEqual([]);
  });

  it('has the root fields, interfaces and implementations the API promises', async () => {
    const schema = await apiSchema();
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual(
      ['duplicates', 'entities', 'entity', 'entityCounts', 'eventCounts', 'events', 'figureCounts', 'figures', 'judgements', 'neighborhood', 'node', 'partners', 'passages', 'paths', 'search'].sort(),
    );
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(['deleteArticle', 'extractArticle', 'ingestArticle', 'markDistinct', 'mergeEntities', 'splitEntity', 'undoJudgement']);
    const node = schema.getType('Node');
    const entity = schema.getType('Entity');
    if (!isInterfaceType(node) || !isInterfaceType(entity)) throw new Error('Node and Entity must be interfaces');
    expect(schema.getPossibleTypes(entity).map((t) => t.name).sort()).toEqual([...ENTITY_TYPE_NAMES].sort());
    expect(schema.getPossibleTypes(node).map((t) => t.name).sort()).toEqual(
      [...ENTITY_TYPE_NAMES, 'Event', 'Article', 'Figure'].sort(),
    );
    const search = schema.getQueryType()!.getFields().search;
    expect(getNamedType(search.type).name).toBe('SearchConnection');
  });
});
