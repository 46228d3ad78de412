/**
 * A filtered expansion, as the server's `where` language says it (pure, unit-tested): the events an entity took part
 * in that meet an analyst's conditions (type, its role, a date window, at least so many participants), and the
 * participation edges that link them to it on the canvas.
 */
import { enumName } from '../../model/enumNames';
import { typedDate } from './dates';
import type { GEdge } from './graphTypes';

export interface EventConditions {
  /** an event type in the model's word (`Signing`); '' for any */
  type: string;
  /** the entity's role there in the model's word (`signatory`); '' for any */
  role: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; '' for an open end */
  from: string;
  to: string;
  /** at least this many distinct participants; 0 or 1 for any */
  minParticipants: number;
}

export const NO_CONDITIONS: EventConditions = { type: '', role: '', from: '', to: '', minParticipants: 0 };

/** What is wrong with the conditions (the field and why), or null. */
export function conditionsProblem(c: EventConditions): { field: 'from' | 'to' | 'minParticipants'; problem: 'date' | 'order' | 'count' } | null {
  const from = typedDate(c.from, 'from');
  const to = typedDate(c.to, 'to');
  if (from === null) return { field: 'from', problem: 'date' };
  if (to === null) return { field: 'to', problem: 'date' };
  if (from && to && from > to) return { field: 'to', problem: 'order' };
  if (!Number.isInteger(c.minParticipants) || c.minParticipants < 0) return { field: 'minParticipants', problem: 'count' };
  return null;
}

/** The `EventFilter` for the events `entityId` took part in that meet `c` (enum values as GraphQL names them). */
export function eventWhere(entityId: string, c: EventConditions): Record<string, unknown> {
  const w: Record<string, unknown> = { participant: entityId };
  if (c.type) w.types = [enumName(c.type)];
  if (c.from.trim()) w.from = c.from.trim();
  if (c.to.trim()) w.to = c.to.trim();
  if (c.minParticipants > 1) w.participantCount = { gte: c.minParticipants };
  if (c.role) w.someParticipant = { entity: { ids: [entityId] }, roles: [enumName(c.role)] };
  return w;
}

/**
 * The participation edges from `entityId` to events, one per role it had there, with the ids the API's graph
 * views give them (`source|PARTICIPATED_IN|role|target`), so a later expansion draws the same edges, not copies.
 */
export function participationEdges(entityId: string, roles: ReadonlyMap<string, readonly string[]>): GEdge[] {
  const out: GEdge[] = [];
  for (const [eventId, rs] of roles) {
    for (const role of rs) out.push({ id: [entityId, 'PARTICIPATED_IN', role, eventId].join('|'), source: entityId, target: eventId, type: 'PARTICIPATED_IN', role, title: null });
  }
  return out;
}
