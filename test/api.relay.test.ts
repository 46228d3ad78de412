/**
 * A front end's normalising cache must not mix up the drawing of a graph with the things drawn: Relay keys every
 * record by its `id` alone, so a GraphNode whose id was its event's id made the store take the graph node's
 * `type: "Event"` for the event's own type. Here the API's answers are loaded into relay-runtime's own store, in
 * both orders, and no record may change its type. The Relay operations are built from the query text and the
 * schema (what relay-compiler would emit for these selections: linked and scalar fields, inline fragments on
 * concrete types).
 */
import {
  type GraphQLSchema,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type SelectionSetNode,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  parse,
  print,
} from 'graphql';
import { createOperationDescriptor, Environment, Network, RecordSource, Store } from 'relay-runtime';
import { closeTestDriver } from './support/db';
import { apiSchema, ev, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

/** Relay's normalisation AST for a selection set (arguments folded into a fixed storage key, as the payload is given). */
function selections(schema: GraphQLSchema, parent: GraphQLCompositeType, set: SelectionSetNode): unknown[] {
  return set.selections.map((sel) => {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      const type = schema.getType(sel.typeCondition!.name.value) as GraphQLCompositeType;
      if (!isObjectType(type)) throw new Error('only fragments on concrete types here');
      return { kind: 'InlineFragment', type: type.name, abstractKey: null, selections: selections(schema, type, sel.selectionSet) };
    }
    if (sel.kind !== Kind.FIELD) throw new Error('no named fragments here');
    const name = sel.name.value;
    const alias = sel.alias?.value ?? null;
    if (name === '__typename') return { kind: 'ScalarField', alias, name, args: null, storageKey: null };
    const def = (parent as { getFields(): Record<string, { type: GraphQLOutputType }> }).getFields()[name];
    const named = getNamedType(def.type);
    const storageKey = sel.arguments?.length ? `${name}(${sel.arguments.map((a) => `${a.name.value}:${print(a.value)}`).join(',')})` : null;
    if (isLeafType(named)) return { kind: 'ScalarField', alias, name, args: null, storageKey };
    return {
      kind: 'LinkedField',
      alias,
      name,
      args: null,
      storageKey,
      concreteType: isObjectType(named) ? named.name : null,
      plural: isListType(getNullableType(def.type)),
      selections: selections(schema, named as GraphQLCompositeType, sel.selectionSet!),
    };
  });
}

function relayRequest(schema: GraphQLSchema, name: string, text: string): any {
  const op = parse(text).definitions[0] as { selectionSet: SelectionSetNode };
  const tree = selections(schema, schema.getQueryType()!, op.selectionSet);
  return {
    kind: 'Request',
    fragment: { kind: 'Fragment', name, type: 'Query', metadata: null, argumentDefinitions: [], selections: tree, abstractKey: null },
    operation: { kind: 'Operation', name, argumentDefinitions: [], selections: tree },
    params: { id: null, cacheID: name, name, operationKind: 'query', text, metadata: {} },
  };
}

const NEIGHBORHOOD = `query Around { neighborhood(id: "org:gaoyou-edz", depth: 1, limit: 100) {
  nodes { __typename id nodeId label type kind node { __typename id ... on Event { type name } ... on Organization { name kind } } }
  edges { __typename id source target type } } }`;
const EVENT = `query OneEvent { node(id: "${ev('ev-0621-signing')}") { __typename id ... on Event { type name } } }`;

describe('the API in a Relay store', () => {
  it.each([
    ['the neighbourhood first, then the event', [NEIGHBORHOOD, EVENT]],
    ['the event first, then the neighbourhood', [EVENT, NEIGHBORHOOD]],
  ])('when %s are loaded, then no record ever changes its type and the event keeps its own type', async (_order, texts) => {
    const schema = await apiSchema();
    const store = new Store(new RecordSource());
    const environment = new Environment({ network: Network.create(() => ({ data: {} })), store });
    const seen = new Map<string, string>();
    for (const [i, text] of texts.entries()) {
      const data = await ok(text);
      environment.commitPayload(createOperationDescriptor(relayRequest(schema, `Q${i}`, text), {}), data);
      const source = store.getSource();
      for (const id of source.getRecordIDs()) {
        const typename = source.get(id)?.__typename as string;
        expect([id, typename]).toEqual([id, seen.get(id) ?? typename]);
        seen.set(id, typename);
      }
    }
    const event = store.getSource().get(ev('ev-0621-signing'));
    expect(event).toMatchObject({ __typename: 'Event', type: 'SIGNING' });
    const graphNodes = store.getSource().getRecordIDs().filter((id) => store.getSource().get(id)?.__typename === 'GraphNode');
    expect(graphNodes.length).toBeGreaterThan(10);
    expect(graphNodes.every((id) => id.startsWith('GraphNode:'))).toBe(true);
  });
});
