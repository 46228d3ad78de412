import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { EntityEventsOptions } from '../cypher/entityEvents';
import type { ParticipantsOptions } from '../cypher/participants';
import type { PositionsOptions } from '../cypher/positions';
import type { RelationsOptions } from '../cypher/relations';
import { checkDateWindow } from './events.args';
import { articleArg, pageWindow, type EntityEventsArgs, type RelationsArgs, type RolesArgs } from './fields.args';
import { entityExtrasAt, eventExtrasAt, selectedFields, selectedFieldsAt, wantsSources } from './selectedFields';

/**
 * A field's arguments and selection as the options its loader is keyed by: its arguments, whether its rows carry
 * claim keys (`sources` selected) and which properties its entity and event rows carry (projection by selection:
 * a page of participants selecting `id name` does not ship every participant's aliases and attributes). Both the
 * field's resolver and a parent prefetching the field's rows (args/prefetch.ts) compute them here: a prefetch
 * primes the loader under these options, so any difference between the two would only make the field miss them
 * (or worse, never notice).
 */
export type Selection = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * What a selection asks of its rows, computed once per selection: graphql-js hands every row of a list the same
 * `fieldNodes` array, and the 250 people of a 50-event page would otherwise each walk the same selection (about
 * 2 µs a walk). The selection is the document's, which never changes, so its identity is the key.
 */
export function perSelection<T>(compute: (selection: Selection) => T): (selection: Selection) => T {
  const computed = new WeakMap<readonly FieldNode[], T>();
  return (selection) => {
    let value = computed.get(selection.fieldNodes);
    if (value === undefined) {
      value = compute(selection);
      computed.set(selection.fieldNodes, value);
    }
    return value;
  };
}

const participantRows = perSelection((selection) => ({ withClaims: wantsSources(selection), entity: entityExtrasAt(selection, ['entity']) }));

const everyRole = perSelection((selection): ParticipantsOptions => ({ roles: null, ...participantRows(selection) }));

/** One object per selection when no roles are given (every event of a page asks with the same). */
export function participantsOptions(args: RolesArgs, selection: Selection): ParticipantsOptions {
  return args.roles == null ? everyRole(selection) : { roles: args.roles, ...participantRows(selection) };
}

/**
 * Positions of a person and officials of an organisation alike. The person and the dates are read only when
 * selected: under `Person.positions` the person is the parent, and a page's positions seldom ask for either. The
 * organisation is always read (its id, type and name at least), as it is nearly always asked for: aliases of
 * `positions` differing only in it share one batch.
 */
export const positionsOptions = perSelection((selection): PositionsOptions => {
  const fields = selectedFields(selection);
  return {
    withClaims: wantsSources(selection),
    person: fields.has('person') ? entityExtrasAt(selection, ['person']) : null,
    organization: entityExtrasAt(selection, ['organization']),
    dates: fields.has('since') || fields.has('until'),
  };
});

/** Whether the edges of a connection of relations or participations select their `sources` (claim keys then). */
const edgesWantSources = (selection: Selection): boolean => selectedFieldsAt(selection, ['edges']).has('sources');

/** The relations' edges carry the relation; their node is the entity at the other end. */
const relationRows = perSelection((selection) => ({ withClaims: edgesWantSources(selection), other: entityExtrasAt(selection, ['edges', 'node']) }));

/** Throws BAD_USER_INPUT for a page size out of range or a cursor of another field. */
export function relationsOptions(args: RelationsArgs, selection: Selection): RelationsOptions {
  return {
    types: args.types ?? null,
    direction: args.direction ?? null,
    article: articleArg(args.article),
    ...pageWindow(args, 'relations'),
    ...relationRows(selection),
  };
}

// `sources` of the participation (on the edge), not `node { sources }`, which the event's own loader reads
const participationRows = perSelection((selection) => ({ withClaims: edgesWantSources(selection), event: eventExtrasAt(selection, ['edges', 'node']) }));

/** Throws BAD_USER_INPUT for arguments out of range (a cursor of another field too), as the field reports them. */
export function entityEventsOptions(args: EntityEventsArgs, selection: Selection): EntityEventsOptions {
  const page = pageWindow(args, 'entityEvents');
  const window = checkDateWindow(args);
  return {
    ...window,
    types: args.types ?? null,
    roles: args.roles ?? null,
    ...page,
    ...participationRows(selection),
  };
}
