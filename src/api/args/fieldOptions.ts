import type { GraphQLResolveInfo } from 'graphql';
import type { EntityEventsOptions } from '../cypher/entityEvents';
import type { ParticipantsOptions } from '../cypher/participants';
import type { ClaimsOption } from '../cypher/rows';
import { checkDateWindow } from './events.args';
import type { EntityEventsArgs, RolesArgs } from './fields.args';
import { checkFirst } from './limits';
import { wantsSources } from './selectedFields';

/**
 * A field's arguments and selection as the options its loader is keyed by. Both the field's resolver and a parent
 * prefetching the field's rows (args/prefetch.ts) compute them here: a prefetch primes the loader under these
 * options, so any difference between the two would only make the field miss them (or worse, never notice).
 */
export type Selection = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

export function participantsOptions(args: RolesArgs, selection: Selection): ParticipantsOptions {
  return { roles: args.roles ?? null, withClaims: wantsSources(selection) };
}

export function positionsOptions(selection: Selection): ClaimsOption {
  return { withClaims: wantsSources(selection) };
}

/** Throws BAD_USER_INPUT for arguments out of range, as the field reports them. */
export function entityEventsOptions(args: EntityEventsArgs, selection: Selection): EntityEventsOptions {
  const first = checkFirst(args.first);
  const window = checkDateWindow(args);
  // `sources` of the participation itself, not `event { sources }`, which the event's own loader reads
  return { ...window, types: args.types ?? null, roles: args.roles ?? null, first, withClaims: wantsSources(selection) };
}
