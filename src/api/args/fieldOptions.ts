import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { EntityEventsOptions } from '../cypher/entityEvents';
import type { ParticipantsOptions } from '../cypher/participants';
import type { PositionsOptions } from '../cypher/positions';
import type { RelationsOptions } from '../cypher/relations';
import type { PageWindow } from '../cypher/mentions';
import type { EntityEventsArgs, PageArgs, ParticipantsArgs, RelationsArgs } from './fields.args';
import { entityEventsArgs, officialsPage, participantsPage, positionsPage, relationsArgs } from './nestedChecks';
import { entityExtrasAt, eventExtrasAt, selectedFieldsAt } from './selectedFields';

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

/** Whether the edges of a connection of relations, participations or positions select their `sources` (claim keys then). */
const edgesWantSources = (selection: Selection): boolean => selectedFieldsAt(selection, ['edges']).has('sources');

/**
 * The same options object for every row of a list whose field asks with the same arguments (`key`: what they make of
 * them, a page window, roles), so that its loader's key is made once. Kept by selection, a few dozen at most: a
 * document that clients reuse with other variables adds some.
 */
function sameFor<T>(): (selection: Selection, key: string, make: () => T) => T {
  const bySelection = new WeakMap<readonly FieldNode[], Map<string, T>>();
  return (selection, key, make) => {
    let kept = bySelection.get(selection.fieldNodes);
    if (kept === undefined) bySelection.set(selection.fieldNodes, (kept = new Map()));
    let value = kept.get(key);
    if (value === undefined) {
      if (kept.size >= 32) kept.clear();
      kept.set(key, (value = make()));
    }
    return value;
  };
}

const windowKey = (w: PageWindow): string => `${w.skip}:${w.first}`;

/** Participants are edges: the participation's `sources` on the edge, the entity as its node. */
const participantRows = perSelection((selection) => ({ withClaims: edgesWantSources(selection), entity: entityExtrasAt(selection, ['edges', 'node']) }));
const participantsFor = sameFor<ParticipantsOptions>();

/**
 * The page window is among the options: the loader reads each event's page of participants (a page's statement
 * reads them ahead). Throws BAD_USER_INPUT for a page size out of range or a cursor of another field.
 */
export function participantsOptions(args: Pick<ParticipantsArgs, 'roles' | 'first' | 'after'>, selection: Selection): ParticipantsOptions {
  const w = participantsPage(args);
  const roles = args.roles ?? null;
  return participantsFor(selection, `${windowKey(w)}:${JSON.stringify(roles)}`, () => ({ roles, ...participantRows(selection), ...w }));
}

/**
 * A person's positions: the organisation is each edge's node, always read (its id, type and name at least, as it is
 * nearly always asked for); the person is the parent, not read; the dates only when the edges select them.
 */
const positionRows = perSelection((selection) => {
  const edge = selectedFieldsAt(selection, ['edges']);
  return {
    withClaims: edge.has('sources'),
    person: null,
    organization: entityExtrasAt(selection, ['edges', 'node']),
    dates: edge.has('since') || edge.has('until'),
  };
});
const positionsFor = sameFor<PositionsOptions>();

/** Throws BAD_USER_INPUT for a page size out of range or a cursor of another field. */
export function positionsOptions(args: PageArgs, selection: Selection): PositionsOptions {
  const w = positionsPage(args);
  return positionsFor(selection, windowKey(w), () => ({ ...positionRows(selection), ...w }));
}

/** An organisation's officials: the person is each edge's node; the organisation is the parent (id, type and name only). */
const officialRows = perSelection((selection) => {
  const edge = selectedFieldsAt(selection, ['edges']);
  return {
    withClaims: edge.has('sources'),
    person: entityExtrasAt(selection, ['edges', 'node']),
    organization: [],
    dates: edge.has('since') || edge.has('until'),
  };
});
const officialsFor = sameFor<PositionsOptions>();

/** Throws BAD_USER_INPUT for a page size out of range or a cursor of another field. */
export function officialsOptions(args: PageArgs, selection: Selection): PositionsOptions {
  const w = officialsPage(args);
  return officialsFor(selection, windowKey(w), () => ({ ...officialRows(selection), ...w }));
}

/** The relations' edges carry the relation; their node is the entity at the other end. */
const relationRows = perSelection((selection) => ({ withClaims: edgesWantSources(selection), other: entityExtrasAt(selection, ['edges', 'node']) }));

/** Throws BAD_USER_INPUT for a page size out of range or a cursor of another field. */
export function relationsOptions(args: RelationsArgs, selection: Selection): RelationsOptions {
  return { ...relationsArgs(args), ...relationRows(selection) };
}

// `sources` of the participation (on the edge), not `node { sources }`, which the event's own loader reads
const participationRows = perSelection((selection) => ({ withClaims: edgesWantSources(selection), event: eventExtrasAt(selection, ['edges', 'node']) }));

/** Throws BAD_USER_INPUT for arguments out of range (a cursor of another field too), as the field reports them. */
export function entityEventsOptions(args: EntityEventsArgs, selection: Selection): EntityEventsOptions {
  return { ...entityEventsArgs(args), ...participationRows(selection) };
}
