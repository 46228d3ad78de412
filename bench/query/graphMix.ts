/**
 * The graph questions of the mix in the three arms (see mixQuery.ts): an organisation's partners, the
 * neighbourhood of a hub, a shortest path.
 */
import type { MixQuery } from './mixQuery';
import { PAGE } from './readMix';

type Json = any;
const GRAPH_RELATIONS = 'HOLDS_POSITION|PART_OF|LOCATED_IN|PARTNER_OF|INVESTS_IN|OWNS|OPERATES|SUPERVISES|RELATED_TO|PARTICIPATED_IN|OCCURRED_AT';
export const NEIGHBORHOOD = { depth: 2, limit: 100 };
export const PATH_MAX = 4;

const sorted = <T>(xs: T[]) => [...xs].sort();
const subgraphShape = (truncated: boolean, nodes: string[], edges: string[]) => ({ truncated, nodes: sorted(nodes), edges: sorted(edges) });

export const GRAPH_MIX: MixQuery[] = [
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
];
