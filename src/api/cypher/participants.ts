import { PARTICIPANT_ROLES } from '../../model';
import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { claimKeyEntry, entityMap } from './fragments';
import { byKey, where } from './group';
import { L, R } from './labels';
import { claimKeyIn, entityRow, type ClaimsOption, type EntityRow, type ParticipantRow } from './rows';

const roleRank = (role: string): number => PARTICIPANT_ROLES.indexOf(role as (typeof PARTICIPANT_ROLES)[number]);

export interface ParticipantsOptions extends ClaimsOption {
  roles: readonly string[] | null;
}

/** Who took part in each event and as what, in the model's role order, then by name. */
export async function participantsOfEvents(
  ctx: Context,
  ids: readonly string[],
  { roles, withClaims }: ParticipantsOptions,
): Promise<Map<string, ParticipantRow[]>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (e:${L.Entity})-[p:${R.PARTICIPATED_IN}]->(:${L.Event} {id: id})
     ${where(roles ? ['p.role IN $roles'] : [])}
     RETURN id, collect({role: p.role, entity: ${entityMap('e')}${claimKeyEntry('p', withClaims)}}) AS rows`,
    { ids: [...ids], roles },
  );
  const out = byKey(ids, rows, (r: Row): ParticipantRow => ({
    role: r.role as string,
    entity: entityRow(r.entity as Row),
    claimKey: claimKeyIn(r),
  }));
  for (const list of out.values()) {
    list.sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.entity.name.localeCompare(b.entity.name) || (a.entity.id < b.entity.id ? -1 : 1));
  }
  return out;
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
