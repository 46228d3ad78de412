/** The operations of a filtered expansion (eventWhereSection.ts): events by `where`, and the entity's roles at them. */
import { gql } from './api';
import type { GNode } from './graphTypes';
import { t } from './i18n';

/** Events drawn by one filtered expansion at most (the API's page size). */
export const EVENTS_WHERE_FIRST = 100;
/** Pages of the entity's events read to find its roles at the events found. */
const ROLE_PAGES = 10;

export const EVENTS_WHERE = `query ExplorerEventsWhere($where: EventFilter!, $first: Int!) {
  events(where: $where, first: $first, orderBy: DATE_ASC) {
    totalCount
    edges { node { id name eventType: type date } }
  }
}`;

export const EVENT_ROLES = `query ExplorerEventRoles($id: ID!, $first: Int!, $after: String, $eventTypes: [EventType!], $from: PartialDate, $to: PartialDate) {
  entity(id: $id) {
    events(first: $first, after: $after, types: $eventTypes, from: $from, to: $to) {
      pageInfo { hasNextPage endCursor }
      edges { roles node { id } }
    }
  }
}`;

interface EventsWhereData {
  events: { totalCount: number; edges: { node: { id: string; name: string; eventType: string; date: string | null } }[] };
}

interface EventRolesData {
  entity: { events: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { roles: string[]; node: { id: string } }[] } } | null;
}

/** The events matching `where` (the first EVENTS_WHERE_FIRST, earliest first) as canvas nodes, and how many match. */
export async function eventsWhere(where: Record<string, unknown>, label: string): Promise<{ nodes: GNode[]; total: number }> {
  const r = await gql<EventsWhereData>(EVENTS_WHERE, { where, first: EVENTS_WHERE_FIRST }, { operationName: 'ExplorerEventsWhere', label });
  const nodes = r.data.events.edges.map(({ node: e }) => ({ id: e.id, label: e.name, type: 'Event', kind: e.eventType, date: e.date }));
  return { nodes, total: r.data.events.totalCount };
}

/**
 * The roles `entityId` had at each of `eventIds` (stored words, `signatory`), read from its events in the same window
 * and of the same type, page by page until every event is found (at most ROLE_PAGES pages).
 */
export async function rolesAt(entityId: string, eventIds: readonly string[], span: { eventTypes: string[] | null; from: string | null; to: string | null }): Promise<Map<string, string[]>> {
  const want = new Set(eventIds);
  const out = new Map<string, string[]>();
  let after: string | null = null;
  for (let page = 0; page < ROLE_PAGES && out.size < want.size; page += 1) {
    const r: { data: EventRolesData } = await gql<EventRolesData>(EVENT_ROLES, { id: entityId, first: 100, after, ...span }, { operationName: 'ExplorerEventRoles', label: t('where.linking') });
    const conn = r.data.entity?.events;
    if (!conn) break;
    for (const e of conn.edges) if (want.has(e.node.id)) out.set(e.node.id, e.roles);
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return out;
}
