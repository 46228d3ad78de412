/**
 * Type definitions for the official Neo4j GraphQL Library (@neo4j/graphql 7) over the product's graph:
 * the same labels, relationship types and properties (src/graph/README.md), mapped with @node and
 * @relationship. What the library cannot derive from the shape (partners, neighbourhood, shortest path)
 * is written as @cypher fields with the same Cypher logic as the product, which is how a user of the
 * library would do it. Name search (the product's tiers over its search keys, then the full-text index's
 * fuzzy matches) is such a field too, with the product's statement (src/api/cypher/searchPage.ts).
 */
import { searchStatement } from '../../src/api/cypher/searchPage';

/**
 * The product's search statement over entities, its page as strings: the total, then "id|score" per hit. The
 * library may hand Int arguments over as floats, which LIMIT and list indexes refuse: hence toInteger.
 */
const SEARCH_ENTITIES = `CALL () {
  ${searchStatement({ types: ['Person', 'Organization', 'Village', 'Place', 'Project'], eventTypes: null, from: null, to: null }, { fuzzy: true, withTotal: true, short: true }, { entity: [], event: [] })
    .replaceAll('$skip', 'toInteger($skip)')
    .replaceAll('$take', 'toInteger($take)')}
}
UNWIND [toString(total)] + [r IN rows | r.node.id + '|' + toString(r.score)] AS item
RETURN item`;

export const LIBRARY_TYPE_DEFS = /* GraphQL */ `
  type Entity
    @node(labels: ["Entity"])
    @fulltext(indexes: [{ indexName: "names_fulltext", queryName: "searchEntities", fields: ["name", "aliasText"] }]) {
    id: ID!
    type: String!
    name: String!
    aliases: [String!]
    aliasText: String
    kind: String
    events: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
    positions: [Organization!]! @relationship(type: "HOLDS_POSITION", direction: OUT, properties: "Position")
    investsIn: [Entity!]! @relationship(type: "INVESTS_IN", direction: OUT)
    locatedIn: [Entity!]! @relationship(type: "LOCATED_IN", direction: OUT)
  }

  type Participation @relationshipProperties {
    role: String!
  }

  type Position @relationshipProperties {
    key: String
  }

  type Organization @node(labels: ["Organization"]) {
    id: ID!
    name: String!
    kind: String
  }

  type Event @node(labels: ["Event"]) {
    id: ID!
    type: String!
    name: String!
    date: String
    endDate: String
    dateStart: Date
    dateEnd: Date
    participants: [Entity!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Participation")
  }

  type Query {
    partners(of: ID!, first: Int!): [Organization!]!
      @cypher(
        statement: """
        MATCH (o:Organization {id: $of})
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
        LIMIT toInteger($first)
        RETURN other
        """
        columnName: "other"
      )

    """
    Node ids ("node:<id>") level by level, then edges ("edge:<source>|<type>|<role or title>|<target>"):
    a custom Cypher field returns scalars, so the subgraph travels as strings.
    """
    neighborhood(id: ID!, depth: Int!, limit: Int!): [String!]!
      @cypher(
        statement: """
        CALL {
          OPTIONAL MATCH (own:Entity {id: $id})
          OPTIONAL MATCH (ev:Event {id: $id})
          RETURN coalesce(own, ev) AS start
        }
        WITH start WHERE start IS NOT NULL
        WITH [start] AS nodes, [start] AS frontier, false AS truncated, 0 AS level
        CALL (nodes, frontier) {
          UNWIND frontier AS n
          MATCH (n)-[:HOLDS_POSITION|PART_OF|LOCATED_IN|PARTNER_OF|INVESTS_IN|OWNS|OPERATES|SUPERVISES|RELATED_TO|PARTICIPATED_IN|OCCURRED_AT]-(m)
          WHERE NOT m IN nodes AND (m:Entity OR m:Event)
          WITH DISTINCT m LIMIT $limit + 1
          RETURN collect(m) AS found
        }
        WITH nodes + found[0..($limit - size(nodes))] AS nodes, found[0..($limit - size(nodes))] AS frontier,
             truncated OR size(found) > $limit - size(nodes) AS truncated
        CALL (nodes, frontier) {
          WITH nodes, frontier WHERE $depth >= 2
          UNWIND frontier AS n
          MATCH (n)-[:HOLDS_POSITION|PART_OF|LOCATED_IN|PARTNER_OF|INVESTS_IN|OWNS|OPERATES|SUPERVISES|RELATED_TO|PARTICIPATED_IN|OCCURRED_AT]-(m)
          WHERE NOT m IN nodes AND (m:Entity OR m:Event)
          WITH DISTINCT m LIMIT $limit + 1
          RETURN collect(m) AS found2
        }
        WITH nodes + found2[0..($limit - size(nodes))] AS nodes,
             truncated OR size(found2) > $limit - size(nodes) AS truncated
        CALL (nodes) {
          UNWIND range(0, size(nodes) - 1) AS i
          UNWIND range(i + 1, size(nodes) - 1) AS j
          WITH nodes[i] AS a, nodes[j] AS b
          MATCH (a)-[r:HOLDS_POSITION|PART_OF|LOCATED_IN|PARTNER_OF|INVESTS_IN|OWNS|OPERATES|SUPERVISES|RELATED_TO|PARTICIPATED_IN|OCCURRED_AT]-(b)
          RETURN collect('edge:' + startNode(r).id + '|' + type(r) + '|' + coalesce(r.role, CASE WHEN r.key <> '' THEN r.key END, '') + '|' + endNode(r).id) AS edges
        }
        UNWIND [n IN nodes | 'node:' + n.id] + ['truncated:' + toString(truncated)] + edges AS item
        RETURN item
        """
        columnName: "item"
      )

    "The product's name search over entities: the total, then one 'id|score' per hit of the page."
    searchNames(index: String!, q: String!, qShort: String!, lucene: String!, skip: Int!, take: Int!): [String!]!
      @cypher(
        statement: """
        ${SEARCH_ENTITIES}
        """
        columnName: "item"
      )

    "Node ids of the first shortest path (in the product's order), as strings."
    path(from: ID!, to: ID!, maxLength: Int!): [String!]!
      @cypher(
        statement: """
        MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
        WHERE a <> b
        MATCH p = allShortestPaths((a)-[:HOLDS_POSITION|PART_OF|LOCATED_IN|PARTNER_OF|INVESTS_IN|OWNS|OPERATES|SUPERVISES|RELATED_TO|PARTICIPATED_IN|OCCURRED_AT*..4]-(b))
        WITH [x IN nodes(p) | x.id] AS route
        ORDER BY route
        LIMIT 1
        UNWIND route AS item
        RETURN item
        """
        columnName: "item"
      )
  }
`;
