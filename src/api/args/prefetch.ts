import { type FieldNode, getArgumentValues, type GraphQLResolveInfo, isInterfaceType, isObjectType } from 'graphql';
import type { EntityEventsOptions } from '../cypher/entityEvents';
import type { ParticipantsPlan } from '../cypher/eventPage';
import type { PositionsOptions } from '../cypher/positions';
import { entityEventsOptions, participantsOptions, perSelection, positionsOptions } from './fieldOptions';
import type { EntityEventsArgs, PageArgs, ParticipantsArgs } from './fields.args';
import { soleChildField, soleFieldAt } from './selectedFields';

/**
 * Which child levels a parent's statement reads ahead (prefetch), and with which options: the options the child
 * fields will compute (args/fieldOptions.ts), so that the rows primed into their loaders are the rows they would
 * have read. Each level costs one statement otherwise. A child selected under several aliases, or with arguments
 * its resolver would reject, is not prefetched: it reads (or reports its error) as it always did.
 */
type Query = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'schema' | 'variableValues'>;

/** The field's arguments as its resolver receives them (defaults applied, variables substituted), or null when invalid. */
function argumentsOf<T>(q: Query, typeName: string, nodes: FieldNode[]): T | null {
  const type = q.schema.getType(typeName);
  const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[nodes[0].name.value] : undefined;
  if (!field) return null;
  try {
    return getArgumentValues(field, nodes[0], q.variableValues) as T;
  } catch {
    return null;
  }
}

/** Options, or null when the field's resolver would reject its arguments. */
function unlessRejected<T>(options: () => T): T | null {
  try {
    return options();
  } catch {
    return null;
  }
}

const positionsUnder = perSelection((participants) => soleFieldAt(participants.fragments, participants.fieldNodes, ['edges', 'node', 'positions']));

/** Plans by participants' selection and by request (its variables object: the page window may come from them). */
const plans = new WeakMap<readonly FieldNode[], WeakMap<object, PositionsOptions | null>>();

function planPositions(q: Query, participants: readonly FieldNode[]): PositionsOptions | null {
  const positions = positionsUnder({ fieldNodes: participants, fragments: q.fragments });
  if (!positions) return null;
  const args = argumentsOf<PageArgs>(q, 'Person', positions);
  return args && unlessRejected(() => positionsOptions(args, { fieldNodes: positions, fragments: q.fragments }));
}

/**
 * `positions` under the participants' nodes (a `... on Person` fragment), when selected once with valid arguments.
 * Planned once per selection and request, as every event of a page asks with the same `fieldNodes`.
 */
export function positionsPlan(q: Query, participants: readonly FieldNode[]): PositionsOptions | null {
  const variables = q.variableValues as object | null | undefined;
  if (typeof variables !== 'object' || variables === null) return planPositions(q, participants);
  let byRequest = plans.get(participants);
  if (byRequest === undefined) plans.set(participants, (byRequest = new WeakMap()));
  let plan = byRequest.get(variables);
  if (plan === undefined) byRequest.set(variables, (plan = planPositions(q, participants)));
  return plan;
}

/** `participants` (and their positions) of each event of a page: `edges { node { participants … } }`. */
export function pageParticipantsPlan(q: Query): ParticipantsPlan | null {
  const participants = soleFieldAt(q.fragments, q.fieldNodes, ['edges', 'node', 'participants']);
  if (!participants) return null;
  const args = argumentsOf<ParticipantsArgs>(q, 'Event', participants);
  const options = args && unlessRejected(() => participantsOptions(args, { fieldNodes: participants, fragments: q.fragments }));
  return options ? { options, positions: positionsPlan(q, participants) } : null;
}

/** `events` of an entity, when selected once with valid arguments. */
export function entityEventsPlan(q: Query): EntityEventsOptions | null {
  const events = soleChildField(q.fragments, q.fieldNodes, 'events');
  if (!events) return null;
  const args = argumentsOf<EntityEventsArgs>(q, 'Entity', events);
  return args && unlessRejected(() => entityEventsOptions(args, { fieldNodes: events, fragments: q.fragments }));
}
