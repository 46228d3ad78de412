/** The graph as the page draws it: nodes, edges and paths as the API's graph views give them. */

export interface GNode {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  date: string | null;
}

export interface GEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
  title: string | null;
}

export interface GPath {
  length: number;
  nodes: GNode[];
  edges: GEdge[];
}
