/**
 * The entity and event reads of the mix in the three arms (see mixQuery.ts): an entity by id, an entity with its
 * first events, a page of events with their participants and positions (the N+1 shape), events by type and date
 * range; and `{ __typename }`, what each arm's stack costs without the database.
 */
import { enumName, modelWord } from '../../src/model';
import type { MixQuery } from './mixQuery';

type Json = any;
export const PAGE = 50;
export const EVENTS_FIRST = 20;

const sorted = <T>(xs: T[]) => [...xs].sort();
// the product names enum values in GraphQL's case (PERSON); the other arms give the stored words (Person)
const entityShape = (e: Json) => (e ? { id: e.id, type: modelWord(e.type), name: e.name, aliases: sorted(e.aliases ?? []), kind: modelWord(e.kind ?? null) } : null);

/** Participations of an entity in events, grouped by event in order (the library returns one edge per role). */
function groupEvents(rows: Array<{ id: string; type: string; name: string; date: string | null; role: string }>) {
  const out: Json[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.id === r.id) last.roles = sorted([...last.roles, r.role]);
    else out.push({ id: r.id, type: r.type, name: r.name, date: r.date ?? null, roles: [r.role] });
  }
  return out;
}

const participantShape = (p: { id: string; name: string; role: string; positions: Json[] }) => ({
  id: p.id,
  name: p.name,
  role: p.role,
  positions: p.positions.map((x: Json) => `${x.title}@${x.id}:${x.name}`).sort(),
});
const eventWithParticipants = (e: { id: string; name: string; date: string | null; participants: Json[] }) => ({
  id: e.id,
  name: e.name,
  date: e.date ?? null,
  participants: e.participants.map(participantShape).sort((a, b) => (a.id + a.role < b.id + b.role ? -1 : 1)),
});

export const READ_MIX: MixQuery[] = [
  {
    // not database-bound: what each arm's HTTP + GraphQL stack costs per request, to read the others against
    name: 'stackOverhead',
    title: 'no database: { __typename } (stack overhead)',
    shape: 'overhead',
    product: () => ({ query: 'query Overhead { __typename }', variables: {} }),
    library: () => ({ query: 'query Overhead { __typename }', variables: {} }),
    rawCypher: '',
    normalize: {
      product: (d) => d.__typename,
      library: (d) => d.__typename,
      raw: () => 'Query',
    },
  },
  {
    name: 'entityById',
    title: 'entity by id',
    shape: 'lookup',
    product: (p) => ({ query: 'query EntityById($id: ID!) { entity(id: $id) { id type name aliases kind } }', variables: { id: p.id } }),
    library: (p) => ({
      query: 'query EntityById($id: ID!) { entities(where: { id: { eq: $id } }) { id type name aliases kind } }',
      variables: { id: p.id },
    }),
    rawCypher: 'MATCH (e:Entity {id: $id}) RETURN e {.id, .type, .name, .aliases, .kind} AS entity',
    normalize: {
      product: (d) => entityShape(d.entity),
      library: (d) => entityShape(d.entities[0]),
      raw: (d) => entityShape(d[0]?.entity),
    },
  },
  {
    name: 'entityEvents',
    title: `entity + 1-hop events (first ${EVENTS_FIRST})`,
    shape: 'nested',
    product: (p) => ({
      query: `query EntityEvents($id: ID!) { entity(id: $id) { id name events(first: ${EVENTS_FIRST}) { edges { roles node { id type name date } } } } }`,
      variables: { id: p.id },
    }),
    library: (p) => ({
      query: `query EntityEvents($id: ID!) { entities(where: { id: { eq: $id } }) { id name
        eventsConnection(first: ${EVENTS_FIRST}, sort: [{ node: { dateStart: ASC } }, { node: { id: ASC } }]) {
          edges { properties { role } node { id type name date } } } } }`,
      variables: { id: p.id },
    }),
    rawCypher: `
      MATCH (e:Entity {id: $id})
      CALL (e) {
        MATCH (e)-[p:PARTICIPATED_IN]->(ev:Event)
        WITH ev, collect(p.role) AS roles ORDER BY ev.dateStart, ev.id LIMIT ${EVENTS_FIRST}
        RETURN collect({roles: roles, event: ev {.id, .type, .name, .date}}) AS events
      }
      RETURN e.id AS id, e.name AS name, events`,
    normalize: {
      product: (d) => ({
        id: d.entity.id,
        name: d.entity.name,
        events: d.entity.events.edges.map((x: Json) => ({ ...x.node, type: modelWord(x.node.type), date: x.node.date ?? null, roles: sorted(x.roles.map(modelWord)) })),
      }),
      library: (d) => ({
        id: d.entities[0].id,
        name: d.entities[0].name,
        events: groupEvents(d.entities[0].eventsConnection.edges.map((x: Json) => ({ ...x.node, role: x.properties.role }))),
      }),
      raw: (d) => ({
        id: d[0].id,
        name: d[0].name,
        events: d[0].events.map((x: Json) => ({ ...x.event, date: x.event.date ?? null, roles: sorted(x.roles) })),
      }),
    },
  },
  {
    name: 'eventPageNested',
    title: `${PAGE}-event page, participants, their organisations (N+1 shape)`,
    shape: 'nested',
    product: () => ({
      query: `query EventPage { events(first: ${PAGE}, orderBy: DATE_DESC) { edges { node { id name date
        participants(first: 20) { edges { role node { id name ... on Person { positions(first: 3) { edges { title node { id name } } } } } } } } } } }`,
      variables: {},
    }),
    library: () => ({
      query: `query EventPage { events(limit: ${PAGE}, sort: [{ dateStart: DESC }, { id: ASC }]) { id name date
        participantsConnection { edges { properties { role } node { id name
          positionsConnection { edges { properties { key } node { id name } } } } } } } }`,
      variables: {},
    }),
    // in the range index's order, undated events after the dated ones (read only if these do not fill the
    // page): the product pages every event this way (src/api/cypher/eventPage.ts), and so does the baseline
    rawCypher: `
      CALL () {
        MATCH (ev:Event) WHERE ev.dateStart IS NOT NULL
        WITH ev ORDER BY ev.dateStart DESC, ev.id ASC LIMIT ${PAGE}
        RETURN collect(ev) AS dated
      }
      CALL (dated) {
        UNWIND CASE WHEN size(dated) < ${PAGE} THEN [true] ELSE [] END AS short
        MATCH (ev:Event) WHERE ev.dateStart IS NULL
        WITH ev ORDER BY ev.id LIMIT ${PAGE}
        RETURN collect(ev) AS undated
      }
      UNWIND (dated + undated)[0..${PAGE}] AS ev
      CALL (ev) {
        MATCH (e:Entity)-[p:PARTICIPATED_IN]->(ev)
        RETURN collect({id: e.id, name: e.name, role: p.role,
          positions: COLLECT { MATCH (e)-[h:HOLDS_POSITION]->(o:Organization) RETURN {title: h.key, id: o.id, name: o.name} }}) AS participants
      }
      RETURN ev.id AS id, ev.name AS name, ev.date AS date, participants`,
    normalize: {
      product: (d) =>
        d.events.edges.map((x: Json) =>
          eventWithParticipants({
            ...x.node,
            participants: x.node.participants.edges.map((p: Json) => ({
              id: p.node.id,
              name: p.node.name,
              role: modelWord(p.role),
              positions: (p.node.positions?.edges ?? []).map((q: Json) => ({ title: q.title, id: q.node.id, name: q.node.name })),
            })),
          }),
        ),
      library: (d) =>
        d.events.map((e: Json) =>
          eventWithParticipants({
            ...e,
            participants: e.participantsConnection.edges.map((x: Json) => ({
              id: x.node.id,
              name: x.node.name,
              role: x.properties.role,
              positions: x.node.positionsConnection.edges.map((q: Json) => ({ title: q.properties.key, id: q.node.id, name: q.node.name })),
            })),
          }),
        ),
      raw: (d) => d.map((e: Json) => eventWithParticipants(e)),
    },
  },
  {
    name: 'eventsFiltered',
    title: `events by type and date range (page of ${PAGE} + total)`,
    shape: 'filtered',
    product: (p) => ({
      query: `query EventsFiltered($types: [EventType!], $from: PartialDate, $to: PartialDate) {
        events(where: { types: $types, from: $from, to: $to }, first: ${PAGE}, orderBy: DATE_ASC) {
          totalCount edges { node { id type name date } } } }`,
      variables: { types: [enumName(String(p.type))], from: p.from, to: p.to },
    }),
    library: (p) => ({
      query: `query EventsFiltered($type: String!, $from: Date!, $to: Date!) {
        eventsConnection(where: { type: { eq: $type }, dateEnd: { gte: $from }, dateStart: { lte: $to } },
                         sort: [{ dateStart: ASC }, { id: ASC }], first: ${PAGE}) {
          totalCount edges { node { id type name date } } } }`,
      variables: { type: p.type, from: p.from, to: p.to },
    }),
    rawCypher: `
      MATCH (ev:Event) WHERE ev.type = $type AND ev.dateEnd >= date($from) AND ev.dateStart <= date($to)
      WITH ev ORDER BY ev.dateStart, ev.id
      WITH collect(ev {.id, .type, .name, .date}) AS hits
      RETURN size(hits) AS total, hits[0..${PAGE}] AS rows`,
    normalize: {
      product: (d) => ({ total: d.events.totalCount, rows: d.events.edges.map((x: Json) => ({ ...x.node, type: modelWord(x.node.type), date: x.node.date ?? null })) }),
      library: (d) => ({
        total: d.eventsConnection.totalCount,
        rows: d.eventsConnection.edges.map((x: Json) => ({ ...x.node, date: x.node.date ?? null })),
      }),
      raw: (d) => ({ total: d[0].total, rows: d[0].rows.map((x: Json) => ({ ...x, date: x.date ?? null })) }),
    },
  },
];
