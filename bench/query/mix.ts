/**
 * The query mix, as each arm asks it:
 *
 * - `product`: this product's GraphQL API (schema/schema.graphql);
 * - `library`: the official Neo4j GraphQL Library over the same graph (libraryTypeDefs.ts);
 * - `raw`: one hand-written Cypher statement per query, served by node:http + neo4j-driver (rawServer.ts).
 *
 * Each query also says how to reduce each arm's answer to one comparable form (`normalize`), so that the
 * smoke test can check that the three arms answer each question with the same data.
 */
import { enumName, modelWord } from '../../src/model';
import { ANALYST_MIX } from './analystMix';
import { SEARCH_MIX } from './searchMix';

export type ArmName = 'product' | 'library' | 'raw';
export const ARMS: ArmName[] = ['raw', 'product', 'library'];
/**
 * Diagnostic arm: the product's schema (buildApiSchema) served by Apollo Server standalone, like the library
 * arm: no express, no product plugins, and graphql-js's executor (the product's is graphql-jit,
 * src/api/compiledExecutor.ts). Product vs productBare is src/server's HTTP layer plus the compiled execution;
 * productBare vs library compares the schemas and resolvers on the same HTTP stack and executor.
 */
export type DiagnosticArm = 'productBare';
export type AnyArm = ArmName | DiagnosticArm;
const asArm = (arm: AnyArm): ArmName => (arm === 'productBare' ? 'product' : arm);

export type Params = Record<string, unknown>;
type Json = any;

export interface GraphqlRequest {
  query: string;
  variables: Params;
}

export interface MixQuery {
  name: string;
  title: string;
  /** "nested" and "filtered" queries carry the 1.5x-over-the-library target */
  shape: 'lookup' | 'nested' | 'filtered' | 'graph' | 'search' | 'overhead';
  /** the product's GraphQL operation */
  product: (p: Params) => GraphqlRequest;
  library: (p: Params) => GraphqlRequest;
  /** Cypher run by the raw arm (or made from its params); the params are `rawParams(p)`; empty: the raw arm answers without Neo4j */
  rawCypher: string | ((params: Params) => string);
  rawParams?: (p: Params) => Params;
  normalize: Record<ArmName, (data: Json) => Json>;
}

/** The raw arm's Cypher for these (raw) params. */
export const rawCypherOf = (q: MixQuery, params: Params): string => (typeof q.rawCypher === 'function' ? q.rawCypher(params) : q.rawCypher);

const GRAPH_RELATIONS = 'HOLDS_POSITION|PART_OF|LOCATED_IN|PARTNER_OF|INVESTS_IN|OWNS|OPERATES|SUPERVISES|RELATED_TO|PARTICIPATED_IN|OCCURRED_AT';
export const PAGE = 50;
export const EVENTS_FIRST = 20;
export const NEIGHBORHOOD = { depth: 2, limit: 100 };
export const PATH_MAX = 4;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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

const subgraphShape = (truncated: boolean, nodes: string[], edges: string[]) => ({ truncated, nodes: sorted(nodes), edges: sorted(edges) });

export const MIX: MixQuery[] = [
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
  {
    name: 'partners',
    title: `partners of an organisation (the first ${PAGE} by name)`,
    shape: 'graph',
    product: (p) => ({ query: `query Partners($id: ID!) { partners(of: $id, first: ${PAGE}) { edges { node { id name } } } }`, variables: { id: p.id } }),
    library: (p) => ({ query: `query Partners($id: ID!) { partners(of: $id, first: ${PAGE}) { id name } }`, variables: { id: p.id } }),
    rawCypher: `
      MATCH (o:Organization {id: $id})
      CALL (o) {
        MATCH (o)-[:PARTICIPATED_IN {role: 'signatory'}]->(:Event {type: 'Signing'})<-[:PARTICIPATED_IN {role: 'signatory'}]-(other:Organization)
        WHERE other <> o
        RETURN other
        UNION
        MATCH (o)-[:PARTNER_OF]-(other:Organization)
        WHERE other <> o
        RETURN other
      }
      WITH DISTINCT other ORDER BY other.name, other.id
      LIMIT ${PAGE}
      RETURN other.id AS id, other.name AS name`,
    normalize: {
      product: (d) => d.partners.edges.map((x: Json) => ({ id: x.node.id, name: x.node.name })),
      library: (d) => d.partners.map((x: Json) => ({ id: x.id, name: x.name })),
      raw: (d) => d.map((x: Json) => ({ id: x.id, name: x.name })),
    },
  },
  {
    name: 'hubNeighborhood',
    title: `neighbourhood of a hub (depth ${NEIGHBORHOOD.depth}, limit ${NEIGHBORHOOD.limit})`,
    shape: 'graph',
    product: (p) => ({
      query: `query Hub($id: ID!) { neighborhood(id: $id, depth: ${NEIGHBORHOOD.depth}, limit: ${NEIGHBORHOOD.limit}) {
        truncated nodes { id: nodeId } edges { source target type role title } } }`,
      variables: { id: p.id },
    }),
    library: (p) => ({
      query: `query Hub($id: ID!) { neighborhood(id: $id, depth: ${NEIGHBORHOOD.depth}, limit: ${NEIGHBORHOOD.limit}) }`,
      variables: { id: p.id },
    }),
    rawCypher: `
      MATCH (start:Entity {id: $id})
      WITH [start] AS nodes, [start] AS frontier
      CALL (nodes, frontier) {
        UNWIND frontier AS n
        MATCH (n)-[:${GRAPH_RELATIONS}]-(m)
        WHERE NOT m IN nodes AND (m:Entity OR m:Event)
        WITH DISTINCT m LIMIT $cap
        RETURN collect(m) AS found
      }
      WITH nodes + found[0..($limit - size(nodes))] AS nodes, found[0..($limit - size(nodes))] AS frontier,
           size(found) > $limit - size(nodes) AS truncated
      CALL (nodes, frontier) {
        UNWIND frontier AS n
        MATCH (n)-[:${GRAPH_RELATIONS}]-(m)
        WHERE NOT m IN nodes AND (m:Entity OR m:Event)
        WITH DISTINCT m LIMIT $cap
        RETURN collect(m) AS found
      }
      WITH nodes + found[0..($limit - size(nodes))] AS nodes, truncated OR size(found) > $limit - size(nodes) AS truncated
      CALL (nodes) {
        UNWIND nodes AS a
        WITH a, COUNT { (a)-[:${GRAPH_RELATIONS}]-() } > 256 AS hub
        WITH collect(CASE WHEN NOT hub THEN a END) AS small, collect(CASE WHEN hub THEN a END) AS hubs
        CALL (small, hubs) {
          UNWIND small AS a
          MATCH (a)-[r:${GRAPH_RELATIONS}]-(b)
          WHERE b IN hubs OR (b IN small AND elementId(a) < elementId(b))
          RETURN r
          UNION
          UNWIND range(0, size(hubs) - 2) AS i
          UNWIND range(i + 1, size(hubs) - 1) AS j
          WITH hubs[i] AS a, hubs[j] AS b
          MATCH (a)-[r:${GRAPH_RELATIONS}]-(b)
          RETURN r
        }
        RETURN collect(startNode(r).id + '|' + type(r) + '|' + coalesce(r.role, CASE WHEN r.key <> '' THEN r.key END, '') + '|' + endNode(r).id) AS edges
      }
      RETURN [n IN nodes | n.id] AS nodes, edges, truncated`,
    rawParams: (p) => ({ id: p.id, limit: NEIGHBORHOOD.limit, cap: NEIGHBORHOOD.limit + 1 }),
    normalize: {
      product: (d) =>
        subgraphShape(
          d.neighborhood.truncated,
          d.neighborhood.nodes.map((n: Json) => n.id),
          d.neighborhood.edges.map((e: Json) => `${e.source}|${e.type}|${e.role ?? e.title ?? ''}|${e.target}`),
        ),
      library: (d) => {
        const items: string[] = d.neighborhood;
        return subgraphShape(
          items.includes('truncated:true'),
          items.filter((x) => x.startsWith('node:')).map((x) => x.slice(5)),
          items.filter((x) => x.startsWith('edge:')).map((x) => x.slice(5)),
        );
      },
      raw: (d) => subgraphShape(d[0].truncated, d[0].nodes, d[0].edges),
    },
  },
  {
    name: 'shortestPath',
    title: `shortest path, 3-4 hops (max ${PATH_MAX})`,
    shape: 'graph',
    product: (p) => ({
      query: `query Path($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: ${PATH_MAX}, first: 1) { length nodes { id: nodeId } } }`,
      variables: { from: p.from, to: p.to },
    }),
    library: (p) => ({
      query: `query Path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxLength: ${PATH_MAX}) }`,
      variables: { from: p.from, to: p.to },
    }),
    rawCypher: `
      MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
      WHERE a <> b
      MATCH p = allShortestPaths((a)-[:${GRAPH_RELATIONS}*..${PATH_MAX}]-(b))
      WITH [x IN nodes(p) | x.id] AS route
      ORDER BY route
      LIMIT 1
      RETURN route`,
    normalize: {
      product: (d) => d.paths[0]?.nodes.map((n: Json) => n.id) ?? [],
      library: (d) => d.path,
      raw: (d) => d[0]?.route ?? [],
    },
  },
  ...SEARCH_MIX,
  ...ANALYST_MIX,
];

export const byName = (name: string): MixQuery => {
  const q = MIX.find((m) => m.name === name);
  if (!q) throw new Error(`no query ${name} in the mix`);
  return q;
};

/** What an arm is sent over HTTP for one query and probe. */
export function requestBody(anyArm: AnyArm, q: MixQuery, p: Params): string {
  const arm = asArm(anyArm);
  if (arm === 'raw') return JSON.stringify({ query: q.name, params: q.rawParams ? q.rawParams(p) : p });
  return JSON.stringify(arm === 'product' ? q.product(p) : q.library(p));
}

/** The arm's answer as the query's comparable form; throws on GraphQL errors. */
export function normalizeAnswer(anyArm: AnyArm, q: MixQuery, body: Json): Json {
  const arm = asArm(anyArm);
  if (arm !== 'raw' && body.errors?.length) throw new Error(`${arm} ${q.name}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  if (arm === 'raw' && body.error) throw new Error(`raw ${q.name}: ${body.error}`);
  return q.normalize[arm](arm === 'raw' ? body.rows : body.data);
}
