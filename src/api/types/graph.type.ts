import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from './objectType';
import type { PathStepRow } from '../cypher/paths';
import type { GraphEdgeRow, GraphNodeRow, SourceRow } from '../cypher/rows';
import { PartialDate } from './partialDate.scalar';

/** Flat on purpose: a graph UI draws these directly. `node` gives the full object when wanted. */
@ObjectType('GraphNode', { description: 'An entity or event in a subgraph.' })
export class GraphNode {
  @Field(() => ID, {
    description: 'This graph node\'s own id, `GraphNode:` and the node\'s id: never equal to a `Node` id, so normalising caches (Relay, Apollo) keep the drawing apart from the entity or event itself.',
  })
  id!: string;

  @Field(() => ID, { description: 'The entity\'s or event\'s id, which `GraphEdge.source` and `target` name and `node(id:)` takes.' })
  nodeId!: string;

  @Field(() => String, { description: 'Display name.' })
  label!: string;

  @Field(() => String, { description: 'The entity type as stored (`Person`, … : the word the EntityType enum value `PERSON` stands for), or `Event`.' })
  type!: string;

  @Field(() => String, { nullable: true, description: "The entity's kind, or the event's type, as stored (`University`, `Signing`, …: the words the enum values `UNIVERSITY`, `SIGNING` stand for)." })
  kind!: string | null;

  @Field(() => PartialDate, { nullable: true, description: "An event's date." })
  date!: string | null;
}

@ObjectType('GraphEdge', { description: 'A relation, participation (with its role) or event location in a subgraph.' })
export class GraphEdge {
  @Field(() => ID, { description: 'Stable across requests: source, type, role or title, target.' })
  id!: string;

  @Field(() => ID, { description: 'The `nodeId` of the node it starts from.' })
  source!: string;

  @Field(() => ID, { description: 'The `nodeId` of the node it ends at.' })
  target!: string;

  @Field(() => String, { description: 'A RelationType, `PARTICIPATED_IN` or `OCCURRED_AT`.' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'The participant role of a PARTICIPATED_IN edge, as stored (`signatory`: the word of ParticipantRole `SIGNATORY`).' })
  role!: string | null;

  @Field(() => String, { nullable: true, description: 'The title of a HOLDS_POSITION edge.' })
  title!: string | null;
}

@ObjectType('Subgraph', { description: 'Nodes and the edges among them, for drawing.' })
export class Subgraph {
  @Field(() => [GraphNode], { description: 'The start node first, then level by level.' })
  nodes!: GraphNodeRow[];

  @Field(() => [GraphEdge], { description: 'Every edge between two of the nodes.' })
  edges!: GraphEdgeRow[];

  @Field(() => Boolean, { description: 'True when more nodes were reachable than `limit` allowed.' })
  truncated!: boolean;
}

@ObjectType('PathStep', { description: 'One step of a path: its edge and the evidence for it.' })
export class PathStep {
  @Field(() => GraphEdge, { description: 'The edge taken.' })
  edge!: GraphEdgeRow;

  /** `sources` is resolved by PathStepResolver (provenance.resolver.ts), a page of these */
  sources!: SourceRow[];
}

@ObjectType('Path', { description: 'A connection: nodes in order, and the edge between each consecutive pair.' })
export class Path {
  @Field(() => Int, { description: 'Number of edges.' })
  length!: number;

  @Field(() => [GraphNode], { description: 'Its nodes, from the first to the last.' })
  nodes!: GraphNodeRow[];

  @Field(() => [GraphEdge], { description: "Edges in path order; an edge's direction is its own, not the path's." })
  edges!: GraphEdgeRow[];

  @Field(() => [PathStep], { description: 'The edges in path order, each with the articles and sentences that support it.' })
  steps!: PathStepRow[];
}
