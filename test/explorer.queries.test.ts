/**
 * Every operation the explorer page sends is valid against the API schema and within the server's
 * default query limits (depth, aliases, cost), so the page never trips QUERY_TOO_COMPLEX on its own.
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as path from 'path';
import { coerceInputValue, parse, validate, type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildApiSchema } from '../src/api';
import { loadConfig } from '../src/config';
import * as Q from '../src/explorer/web/queries';
import { mentionsQuery } from '../src/explorer/web/mentionQueries';
import { PARTNERS } from '../src/explorer/web/partnerQueries';
import * as DQ from '../src/explorer/web/duplicateQueries';
import { PASSAGES } from '../src/explorer/web/passageQueries';
import { eventWhere, participationEdges } from '../src/explorer/web/eventWhere';
import { EVENT_ROLES, EVENTS_WHERE, EVENTS_WHERE_FIRST } from '../src/explorer/web/eventWhereQueries';
import { MORE_PROVENANCE, PROVENANCE_CHUNK, provenanceQuery } from '../src/explorer/web/provenanceQueries';
import { moreQuery, PANEL_RELATION_TYPES, type PagedList } from '../src/explorer/web/panelPages';
import { measureOperation } from '../src/server';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildApiSchema();
});

const limits = loadConfig({}).limits;

function check(name: string, query: string, variables: Record<string, unknown> = {}): void {
  const doc = parse(query);
  const errors = validate(schema, doc);
  expect(errors.map((e) => `${name}: ${e.message}`)).toEqual([]);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const m = measureOperation(schema, doc, op, variables);
  expect(m.depth).toBeLessThanOrEqual(limits.maxDepth);
  expect(m.aliases).toBeLessThanOrEqual(limits.maxAliases);
  expect(m.cost).toBeLessThanOrEqual(limits.maxCost);
  void m;
}

describe('explorer GraphQL operations', () => {
  it('search', () => check('search', Q.SEARCH, { query: '金锋', first: 12 }));
  it('neighborhood (the largest limit the page asks for)', () => {
    // the "Max nodes" choices of the page, the limit used when restoring a link, and a hub's 1-step limit
    const html = fs.readFileSync(path.resolve(__dirname, '..', 'src', 'explorer', 'web', 'index.html'), 'utf8');
    const select = /<select id="limit">([\s\S]*?)<\/select>/.exec(html)![1];
    const choices = [...select.matchAll(/value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(choices.length).toBeGreaterThan(1);
    const limit = Math.max(...choices, Q.RESTORE_LIMIT, Q.HUB_LIMIT);
    check('neighborhood', Q.NEIGHBORHOOD, { id: 'x', depth: 3, limit, entityTypes: null, eventTypes: null });
  });
  it('paths', () => check('paths', Q.PATHS, { from: 'a', to: 'b', maxLength: 6, first: 5 }));
  it('paths of all lengths that avoid nodes (the most the path box asks for)', () =>
    check('paths', Q.PATHS, { from: 'a', to: 'b', maxLength: 6, first: 10, exclude: ['c', 'd'], allLengths: true }));
  it('paths that leave relation and event types out', () =>
    check('paths', Q.PATHS, { from: 'a', to: 'b', maxLength: 6, first: 10, exclude: ['c'], excludeRelationTypes: ['PART_OF'], excludeEventTypes: ['MEETING'], allLengths: true }));
  it('passages (the search box\'s text hits)', () => check('passages', PASSAGES, { query: '签约', first: 5 }));
  it('the next page of passages ("More")', () => check('passages', PASSAGES, { query: '签约', first: 10, after: 'c' }));
  it('partners with units', () => check('partners', PARTNERS, { of: 'org:x', includeUnits: true }));
  it('node details', () => check('node', Q.NODE_DETAILS, { id: 'x', relationTypes: PANEL_RELATION_TYPES }));
  it.each<PagedList>(['sources', 'events', 'relations', 'figures', 'positions', 'officials', 'participants'])('the next page of a list of the panel: %s', (list) =>
    check('more', moreQuery(list), { id: 'x', after: 'c', relationTypes: PANEL_RELATION_TYPES }));
  it('participation evidence', () => check('participation', Q.PARTICIPATION, { event: 'x', roles: ['ATTENDEE'] }));
  it('provenance for the exports: one aliased node field per id, PROVENANCE_CHUNK ids at a time', () => {
    const ids = Array.from({ length: PROVENANCE_CHUNK }, (_, i) => `id-${i}`);
    check('provenance', provenanceQuery(ids), Object.fromEntries(ids.map((id, i) => [`i${i}`, id])));
  });
  it('the next page of an entity\'s sources or relations, or of an event\'s participants, for the exports', () => {
    check('more provenance', MORE_PROVENANCE, { id: 'x', sources: true, relations: false, participants: false, after: null });
    check('more provenance', MORE_PROVENANCE, { id: 'x', sources: false, relations: true, participants: false, after: null });
    check('more provenance', MORE_PROVENANCE, { id: 'x', sources: false, relations: false, participants: true, after: null });
  });
  it('mention counts for sizing: one aliased node field per id, PROVENANCE_CHUNK ids at a time', () => {
    const ids = Array.from({ length: Q.RESTORE_CHUNK }, (_, i) => `id-${i}`);
    check('mentions', mentionsQuery(ids), Object.fromEntries(ids.map((id, i) => [`i${i}`, id])));
  });
  it('the duplicates queue and its judgements', () => {
    check('duplicates', DQ.DUPLICATES, { status: 'OPEN', minScore: 0.8, first: DQ.QUEUE_PAGE, after: null });
    check('merge', DQ.MERGE_PAIR, { keep: 'a', merge: 'b', reason: null });
    check('distinct', DQ.MARK_DISTINCT, { a: 'a', b: 'b', reason: 'r' });
    check('undo', DQ.UNDO_JUDGEMENT, { id: 'j', reason: null });
    check('split', DQ.SPLIT_ENTITY, { id: 'x', articles: ['a1'], reason: null });
    check('entity articles', DQ.ENTITY_ARTICLES, { id: 'x' });
  });
  it('a filtered expansion: events by where, and the entity\'s roles at them', () => {
    const where = eventWhere('org:x', { type: 'Signing', role: 'signatory', from: '2023-06', to: '2023-06-26', minParticipants: 5 });
    check('events where', EVENTS_WHERE, { where, first: EVENTS_WHERE_FIRST });
    check('event roles', EVENT_ROLES, { id: 'org:x', first: 100, after: null, eventTypes: ['SIGNING'], from: '2023-06', to: null });
  });
  it('when an analyst gives conditions, then the page sends them as a valid EventFilter in GraphQL\'s enum names', () => {
    const filter = schema.getType('EventFilter') as GraphQLInputType;
    const full = eventWhere('org:x', { type: 'Signing', role: 'signatory', from: '2023-06', to: '2023-06-26', minParticipants: 5 });
    expect(full).toEqual({ participant: 'org:x', types: ['SIGNING'], from: '2023-06', to: '2023-06-26', participantCount: { gte: 5 }, someParticipant: { entity: { ids: ['org:x'] }, roles: ['SIGNATORY'] } });
    const problems: string[] = [];
    coerceInputValue(full, filter, (path, _v, e) => problems.push(`${path.join('.')}: ${e.message}`));
    expect(problems).toEqual([]);
    // no conditions: only the entity's own events; 1 participant is no condition
    expect(eventWhere('org:x', { type: '', role: '', from: ' ', to: '', minParticipants: 1 })).toEqual({ participant: 'org:x' });
  });
  it('the participation edges of a filtered expansion carry the ids the graph views give them', () => {
    expect(participationEdges('org:x', new Map([['a#e', ['host', 'speaker']]]))).toEqual([
      { id: 'org:x|PARTICIPATED_IN|host|a#e', source: 'org:x', target: 'a#e', type: 'PARTICIPATED_IN', role: 'host', title: null },
      { id: 'org:x|PARTICIPATED_IN|speaker|a#e', source: 'org:x', target: 'a#e', type: 'PARTICIPATED_IN', role: 'speaker', title: null },
    ]);
  });
  it('article text (the reader)', () => check('article', Q.ARTICLE_TEXT, { id: 'x' }));
  it('relation evidence', () => check('relation', Q.RELATION, { id: 'x', types: ['PART_OF'] }));
  it('restore: one aliased node field per id, PROVENANCE_CHUNK ids at a time', () => {
    const ids = Array.from({ length: Q.RESTORE_CHUNK }, (_, i) => `id-${i}`);
    check('restore', Q.restoreQuery(ids), Object.fromEntries(ids.map((id, i) => [`i${i}`, id])));
  });
});
