import { PARTICIPANT_ROLES } from '../../model';
import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { claimKeyEntry, entityMap, entityMapWith, type EntityExtras } from './fragments';
import { where } from './group';
import { entityLabel, L, R } from './labels';
import { positionsSubquery, positionsIn, type PositionsOptions } from './positions';
import { claimKeyIn, entityRow, type ClaimsOption, type EntityRow, type ParticipantRow, type PositionRow } from './rows';
import { listByKey, type Subquery } from './subquery';

const PERSON = entityLabel('Person');

const ROLE_RANK = new Map<string, number>(PARTICIPANT_ROLES.map((role, rank) => [role, rank]));
/** What `localeCompare` does, without making its collator again for every comparison. */
const byLocale = new Intl.Collator().compare;

export interface ParticipantsOptions extends ClaimsOption {
  roles: readonly string[] | null;
  /** what the participants' entity rows carry */
  entity: EntityExtras;
}

/** Participants of events, and (when prefetched) the positions of the people among them. */
export interface ParticipantsRead {
  participants: Map<string, ParticipantRow[]>;
  /** keyed by person id; null when positions were not asked for */
  positions: Map<string, PositionRow[]> | null;
}

/** A row of the participants' map: the entity's map, with the participation's entries. */
const participantRow = (r: Row): ParticipantRow => ({
  role: r.role as string,
  entity: entityRow(r),
  claimKey: claimKeyIn(r),
});

/** In the model's role order, then by name (then id, so that equal names keep one order). */
const byRoleThenName = (a: ParticipantRow, b: ParticipantRow): number =>
  ROLE_RANK.get(a.role)! - ROLE_RANK.get(b.role)! || byLocale(a.entity.name, b.entity.name) || (a.entity.id < b.entity.id ? -1 : 1);

/**
 * A subquery binding `participantsByEvent` ([{id, rows}], one per event node of the list variable `eventsVar`)
 * and, with `positions`, `positionsByPerson` for the people among them: a parent statement that already has the
 * events (a page of events) reads their participants, and their positions, without a statement per level.
 */
export function participantsSubquery(eventsVar: string, { roles, withClaims, entity }: ParticipantsOptions, positions: PositionsOptions | null): Subquery {
  const people = positions
    ? `CALL (peopleLists) { UNWIND peopleLists AS ps UNWIND ps AS person RETURN collect(DISTINCT person) AS people }
       ${positionsSubquery('people', positions).cypher}`
    : 'WITH participantsByEvent, null AS positionsByPerson';
  return {
    cypher: `CALL (${eventsVar}) {
      UNWIND ${eventsVar} AS ev
      CALL (ev) {
        MATCH (e:${L.Entity})-[p:${R.PARTICIPATED_IN}]->(ev)
        ${where(roles ? ['p.role IN $participantRoles'] : [])}
        RETURN collect(${entityMapWith('e', entity, `, role: p.role${claimKeyEntry('p', withClaims)}`)}) AS rows,
               [x IN collect(e) WHERE x:${PERSON}] AS people
      }
      WITH collect({id: ev.id, rows: rows}) AS participantsByEvent, collect(people) AS peopleLists
      ${people}
      RETURN participantsByEvent, positionsByPerson
    }`,
    params: { participantRoles: roles },
  };
}

/** What `participantsSubquery` bound, as rows, for each of the events `ids` (none: []). */
export function participantsIn(r: Row, ids: readonly string[]): ParticipantsRead {
  const participants = listByKey(ids, r.participantsByEvent as Row[], participantRow);
  const people = new Set<string>();
  for (const list of participants.values()) {
    list.sort(byRoleThenName);
    for (const { entity } of list) if (entity.type === PERSON) people.add(entity.id);
  }
  return { participants, positions: r.positionsByPerson == null ? null : positionsIn(r, [...people]) };
}

/** Who took part in each event and as what, in the model's role order, then by name; with `positions`, their positions too. */
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
  return participantsIn(rows[0], ids);
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
