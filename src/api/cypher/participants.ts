import { PARTICIPANT_ROLES } from '../../model';
import type { Context } from '../context';
import { int, readQuery, type Row } from '../db/run';
import { claimKeyEntry, eachBound, entityMap, entityMapWith, type EntityExtras } from './fragments';
import { where } from './group';
import { entityLabel, L, R } from './labels';
import { positionsSubquery, positionsIn, type PositionsOptions } from './positions';
import { claimKeyIn, entityRow, type ClaimsOption, type EntityRow, type ParticipantRow, type PositionRow } from './rows';
import { pageParams, pagesByKey, type NestedPage, type PageWindow } from './mentions';
import type { Subquery } from './subquery';

const PERSON = entityLabel('Person');

/** Each role's place in the model's order, by which an event's participants are listed. */
const ROLE_RANK: Record<string, number> = Object.fromEntries(PARTICIPANT_ROLES.map((role, rank) => [role, rank]));

export interface ParticipantsOptions extends ClaimsOption, PageWindow {
  roles: readonly string[] | null;
  /** what the participants' entity rows carry */
  entity: EntityExtras;
}

/** A page of each event's participants, and (when prefetched) a page of the positions of the people shown. */
export interface ParticipantsRead {
  participants: Map<string, NestedPage<ParticipantRow>>;
  /** keyed by person id; null when positions were not asked for */
  positions: Map<string, NestedPage<PositionRow>> | null;
}

/** A row of the participants' map: the entity's map, with the participation's entries. */
const participantRow = (r: Row): ParticipantRow => ({
  role: r.role as string,
  entity: entityRow(r),
  claimKey: claimKeyIn(r),
});

/**
 * A subquery binding `participantsByEvent` ([{id, total, rows}], one per event node of the list variable
 * `eventsVar` that has participants) and, with `positions`, `positionsByPerson` for the people shown: a parent
 * statement that already has the events (a page of events) reads their participants, and their positions,
 * without a statement per level.
 *
 * Each event's participants are ordered (the model's role order, then name, then id: an entity holds a role at
 * most once), counted and cut in the statement, `first` + 1 rows from `skip` (the extra one tells whether more
 * follow); only the page is projected, so an event with a thousand participants ships a page, not a thousand
 * maps. All participations of the batch are sorted once (collect keeps the order within each event), not once
 * per event: a page of 50 events would otherwise run 50 small sorts.
 */
export function participantsSubquery(eventsVar: string, o: ParticipantsOptions, positions: PositionsOptions | null): Subquery {
  const ofPeople = positions ? positionsSubquery('people', positions) : null;
  const people = ofPeople
    ? `CALL (peopleLists) { UNWIND peopleLists AS ps UNWIND ps AS person RETURN collect(DISTINCT person) AS people }
       ${ofPeople.cypher}`
    : 'WITH participantsByEvent, null AS positionsByPerson';
  const map = entityMapWith('e', o.entity, `, role: f.p.role${claimKeyEntry('f.p', o.withClaims)}`);
  return {
    cypher: `CALL (${eventsVar}) {
      UNWIND ${eventsVar} AS ev
      MATCH (e:${L.Entity})-[p:${R.PARTICIPATED_IN}]->(ev)
      ${where(o.roles ? ['p.role IN $participantRoles'] : [])}
      WITH ev, e, p ORDER BY $participantRoleRank[p.role], e.name, e.id
      WITH ev, collect({e: e, p: p}) AS found
      WITH ev, size(found) AS total, found[$participantsSkip..$participantsEnd] AS shown
      WITH collect({id: ev.id, total: total, rows: ${eachBound('shown', 'e', map)}}) AS participantsByEvent,
           collect([x IN [f IN shown[0..$participantsFirst] | f.e] WHERE x:${PERSON}]) AS peopleLists
      ${people}
      RETURN participantsByEvent, positionsByPerson
    }`,
    params: {
      participantRoles: o.roles,
      participantRoleRank: ROLE_RANK,
      participantsFirst: int(o.first),
      ...pageParams(o, 'participants'),
      ...ofPeople?.params,
    },
  };
}

/** What `participantsSubquery` bound, as a page for each of the events `ids` (none: an empty page). */
export function participantsIn(r: Row, ids: readonly string[], o: ParticipantsOptions, positions: PositionsOptions | null): ParticipantsRead {
  const participants = pagesByKey(ids, (r.participantsByEvent as Row[] | null) ?? [], participantRow, o.first);
  if (r.positionsByPerson == null || !positions) return { participants, positions: null };
  const people = new Set<string>();
  for (const page of participants.values()) for (const { entity } of page.rows) if (entity.type === PERSON) people.add(entity.id);
  return { participants, positions: positionsIn(r, [...people], positions) };
}

/** A page of who took part in each event and as what (see participantsSubquery); with `positions`, the positions of the people shown. */
export async function participantsOfEvents(
  ctx: Context,
  ids: readonly string[],
  o: ParticipantsOptions,
  positions: PositionsOptions | null = null,
): Promise<ParticipantsRead> {
  const sub = participantsSubquery('events', o, positions);
  const rows = await readQuery(
    ctx,
    `WITH COLLECT { MATCH (ev:${L.Event}) WHERE ev.id IN $ids RETURN ev } AS events
     ${sub.cypher} RETURN participantsByEvent, positionsByPerson`,
    { ids: [...ids], ...sub.params },
  );
  return participantsIn(rows[0], ids, o, positions);
}

/** Where each event took place. */
export async function locationsOfEvents(ctx: Context, ids: readonly string[]): Promise<Map<string, EntityRow>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (:${L.Event} {id: id})-[:${R.OCCURRED_AT}]->(place:${L.Entity})
     RETURN id, ${entityMap('place')} AS place`,
    { ids: [...ids] },
  );
  return new Map(rows.map((r) => [r.id as string, entityRow(r.place as Row)]));
}
