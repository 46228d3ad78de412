/**
 * What is on the canvas and why. Wraps one cytoscape instance and keeps the bookkeeping that makes
 * "collapse" exact: which nodes were put there on purpose (search, a restored link, a path) and which
 * were only brought in by expanding another node.
 */
import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from 'cytoscape';
import { isClusterId, type Cluster } from './clusters';
import { inRange, isActive, span, type DateRange } from './dates';
import type { ExportEdge, ExportNode } from './exporters';
import { graphStyle } from './graphStyle';
import type { DateMode } from './viewState';

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

const RELATION_WORDS: Record<string, string> = {
  HOLDS_POSITION: 'holds position',
  PART_OF: 'part of',
  LOCATED_IN: 'located in',
  PARTNER_OF: 'partner of',
  INVESTS_IN: 'invests in',
  OWNS: 'owns',
  OPERATES: 'operates',
  SUPERVISES: 'supervises',
  RELATED_TO: 'related to',
  PARTICIPATED_IN: 'participated in',
  OCCURRED_AT: 'took place at',
};

/** The words an edge is labelled with: the role of a participation, the title of a position, else its type. */
export function edgeWord(e: Pick<GEdge, 'type' | 'role' | 'title'>): string {
  if (e.role) return e.role;
  if (e.title) return e.title;
  return RELATION_WORDS[e.type] ?? e.type.toLowerCase().replace(/_/g, ' ');
}

/** Parallel edges of one type between the same two nodes are drawn as one (roles joined). */
export const drawnEdgeId = (e: Pick<GEdge, 'source' | 'type' | 'target'>): string => `${e.source}\u0001${e.type}\u0001${e.target}`;

const edgeKind = (type: string): string => (type === 'PARTICIPATED_IN' ? 'participation' : type === 'OCCURRED_AT' ? 'location' : 'relation');

export interface LayoutOptions {
  fit?: boolean;
  /** run only around these nodes' neighbourhood (new nodes are placed near their anchor first) */
  anchor?: string;
}

export class GraphView {
  readonly cy: Core;
  /** put on the canvas on purpose; collapse never removes them */
  private readonly pinned = new Set<string>();
  /** node → the expanded nodes that brought it in */
  private readonly addedBy = new Map<string, Set<string>>();
  /** expanded node → the nodes its expansion brought in */
  private readonly expansions = new Map<string, Set<string>>();
  /** cluster node id → the neighbours it stands for */
  private readonly clusterInfo = new Map<string, Cluster>();
  private layoutRuns = 0;
  private pathIds: { nodes: string[]; edges: string[] } | null = null;
  private range: DateRange = { from: '', to: '' };
  private dateMode: DateMode = 'fade';
  private keepUndated = true;
  onLayout: (running: boolean) => void = () => undefined;
  private readonly headless: boolean;

  /** `container` null: a headless graph (tests). */
  constructor(container: HTMLElement | null) {
    this.headless = container === null;
    this.cy = cytoscape({
      container: container ?? undefined,
      headless: container === null,
      style: graphStyle(),
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: true,
      selectionType: 'single',
      pixelRatio: 'auto',
    });
  }

  get layoutRunning(): boolean {
    return this.layoutRuns > 0;
  }

  hasNode(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  node(id: string): GNode | null {
    const n = this.cy.getElementById(id);
    if (n.empty() || !n.isNode()) return null;
    return this.gnode(n);
  }

  private gnode(n: NodeSingular): GNode {
    const d = n.data() as GNode;
    return { id: d.id, label: d.label, type: d.type, kind: d.kind ?? null, date: d.date ?? null };
  }

  /** Ids of the graph's nodes on the canvas (cluster nodes are not the graph's). */
  nodeIds(): string[] {
    return this.cy.nodes('[type != "Cluster"]').map((n) => n.id());
  }

  nodes(): GNode[] {
    return this.cy.nodes('[type != "Cluster"]').map((n) => this.gnode(n));
  }

  isExpanded(id: string): boolean {
    return this.expansions.has(id);
  }

  expandedIds(): string[] {
    return [...this.expansions.keys()];
  }

  /** The original edges behind one drawn edge. */
  edgeParts(drawnId: string): GEdge[] {
    const e = this.cy.getElementById(drawnId);
    return e.nonempty() && e.isEdge() ? [...((e.data('parts') as GEdge[]) ?? [])] : [];
  }

  /** Adds (or updates) nodes; `via` is the expanded node that brought them, or undefined when added on purpose. */
  addNodes(nodes: readonly GNode[], via?: string, near?: string): string[] {
    const added: string[] = [];
    const anchor = near ? this.cy.getElementById(near) : null;
    const center = anchor && anchor.nonempty() ? anchor.position() : this.viewportCenter();
    const fresh = nodes.filter((n) => !this.hasNode(n.id));
    this.takeFromClusters(new Set(fresh.map((n) => n.id)));
    fresh.forEach((n, i) => {
      // new nodes start on a ring around the anchor, so the layout settles quickly and without jumps
      const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
      const r = anchor && anchor.nonempty() ? 110 + 8 * Math.sqrt(fresh.length) : 40 * Math.sqrt(i);
      this.cy.add({
        group: 'nodes',
        data: { id: n.id, label: n.label, display: n.label, type: n.type, kind: n.kind, date: n.date },
        position: { x: center.x + r * Math.cos(angle), y: center.y + r * Math.sin(angle) },
      });
      added.push(n.id);
    });
    for (const n of nodes) {
      if (via === undefined) {
        this.pinned.add(n.id);
        this.cy.getElementById(n.id).addClass('pinned');
      } else if (n.id !== via && (added.includes(n.id) || this.addedBy.has(n.id))) {
        // a node already there on purpose stays owned by nobody; one brought by another expansion is shared
        if (!this.pinned.has(n.id)) {
          let s = this.addedBy.get(n.id);
          if (!s) this.addedBy.set(n.id, (s = new Set()));
          s.add(via);
          let e = this.expansions.get(via);
          if (!e) this.expansions.set(via, (e = new Set()));
          e.add(n.id);
        }
      }
    }
    this.applyDates();
    return added;
  }

  /** Adds edges whose two ends are on the canvas; parallel edges of one type merge into one drawn edge. */
  addEdges(edges: readonly GEdge[]): number {
    let added = 0;
    for (const e of edges) {
      if (!this.hasNode(e.source) || !this.hasNode(e.target)) continue;
      const id = drawnEdgeId(e);
      const existing = this.cy.getElementById(id);
      if (existing.nonempty()) {
        const parts = existing.data('parts') as GEdge[];
        if (!parts.some((p) => p.id === e.id)) {
          const next = [...parts, e];
          existing.data({ parts: next, display: [...new Set(next.map(edgeWord))].join(' · ') });
        }
        continue;
      }
      this.cy.add({
        group: 'edges',
        data: { id, source: e.source, target: e.target, type: e.type, kind: edgeKind(e.type), parts: [e], display: edgeWord(e) },
      });
      added += 1;
    }
    this.applyDates();
    return added;
  }

  /** Marks a node as expanded even when its expansion added nothing new. */
  markExpanded(id: string): void {
    if (!this.expansions.has(id)) this.expansions.set(id, new Set());
    this.cy.getElementById(id).addClass('expanded');
  }

  /** Removes what only this node's expansion brought in (recursively for nodes that were expanded too). */
  collapse(id: string, seen = new Set<string>()): number {
    if (seen.has(id)) return 0;
    seen.add(id);
    const brought = this.expansions.get(id);
    this.expansions.delete(id);
    this.cy.getElementById(id).removeClass('expanded');
    if (!brought) return 0;
    let removed = 0;
    for (const n of brought) {
      const by = this.addedBy.get(n);
      by?.delete(id);
      if (by && by.size === 0 && !this.pinned.has(n)) {
        removed += this.collapse(n, seen);
        this.addedBy.delete(n);
        this.removeElement(n);
        removed += 1;
      }
    }
    return removed;
  }

  /** Removes nodes (and their edges) from the canvas. */
  remove(ids: readonly string[]): void {
    for (const id of ids) {
      const brought = this.expansions.get(id);
      if (brought) {
        for (const n of brought) {
          if (isClusterId(n)) {
            this.removeElement(n);
            continue;
          }
          const by = this.addedBy.get(n);
          by?.delete(id);
          // nodes whose only reason to be here is going away stay, now as ordinary nodes
          if (by && by.size === 0) {
            this.addedBy.delete(n);
            this.pinned.add(n);
            this.cy.getElementById(n).addClass('pinned');
          }
        }
      }
      this.expansions.delete(id);
      for (const [, s] of this.expansions) s.delete(id);
      this.addedBy.delete(id);
      this.pinned.delete(id);
      this.removeElement(id);
    }
  }

  private removeElement(id: string): void {
    this.clusterInfo.delete(id);
    const el = this.cy.getElementById(id);
    if (el.nonempty()) this.cy.remove(el);
    if (this.pathIds) {
      this.pathIds.nodes = this.pathIds.nodes.filter((n) => n !== id);
    }
  }

  clear(): void {
    this.cy.elements().remove();
    this.pinned.clear();
    this.addedBy.clear();
    this.expansions.clear();
    this.clusterInfo.clear();
    this.pathIds = null;
  }

  // ---- clusters (see clusters.ts)

  /** Draws a cluster node next to its anchor, linked to it; collapsing the anchor removes it. */
  addCluster(c: Cluster): void {
    if (this.hasNode(c.id) || !this.hasNode(c.anchor)) return;
    this.clusterInfo.set(c.id, { ...c, members: [...c.members], edges: [...c.edges] });
    const at = this.cy.getElementById(c.anchor).position();
    this.cy.add({ group: 'nodes', data: { id: c.id, type: 'Cluster', memberType: c.type, label: `${c.what} · ${c.word}` }, classes: 'cluster', position: { x: at.x + 40, y: at.y + 40 } });
    const outward = c.edges.length === 0 || c.edges[0].source === c.anchor;
    this.cy.add({
      group: 'edges',
      data: { id: `${c.id}\u0001link`, source: outward ? c.anchor : c.id, target: outward ? c.id : c.anchor, type: 'CLUSTER', kind: 'cluster', parts: [], display: c.word },
      classes: 'cluster-link',
    });
    this.brought(c.anchor, c.id);
    this.refreshCluster(c.id);
  }

  cluster(id: string): Cluster | null {
    const c = this.clusterInfo.get(id);
    return c ? { ...c, members: [...c.members], edges: [...c.edges] } : null;
  }

  clusterIds(): string[] {
    return [...this.clusterInfo.keys()];
  }

  /** Draws members of a cluster (all, or those ids) as nodes brought in by its anchor; an emptied cluster goes. */
  openCluster(id: string, ids?: readonly string[]): string[] {
    const c = this.clusterInfo.get(id);
    if (!c) return [];
    const want = ids ? new Set(ids) : null;
    const members = c.members.filter((m) => !want || want.has(m.id));
    const edges = c.edges.filter((e) => members.some((m) => m.id === e.source || m.id === e.target));
    const added = this.addNodes(members, c.anchor, id);
    this.addEdges(edges);
    return added;
  }

  private brought(by: string, id: string): void {
    let s = this.addedBy.get(id);
    if (!s) this.addedBy.set(id, (s = new Set()));
    s.add(by);
    let e = this.expansions.get(by);
    if (!e) this.expansions.set(by, (e = new Set()));
    e.add(id);
  }

  /** Nodes now drawn for themselves leave the clusters that held them. */
  private takeFromClusters(ids: Set<string>): void {
    if (ids.size === 0 || this.clusterInfo.size === 0) return;
    for (const [cid, c] of [...this.clusterInfo]) {
      const left = c.members.filter((m) => !ids.has(m.id));
      if (left.length === c.members.length) continue;
      c.members = left;
      c.edges = c.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target));
      if (left.length === 0) {
        this.expansions.get(c.anchor)?.delete(cid);
        this.addedBy.delete(cid);
        this.removeElement(cid);
      } else this.refreshCluster(cid);
    }
  }

  private refreshCluster(id: string): void {
    const c = this.clusterInfo.get(id);
    const n = this.cy.getElementById(id);
    if (!c || n.empty()) return;
    const count = c.members.length;
    n.data({ count, display: `${c.what} · ${c.word} (${count}${c.partial ? '+' : ''})`, size: Math.min(70, 30 + 6 * Math.log2(count)) });
    this.cy.getElementById(`${id}\u0001link`).data({ display: `${c.word} ×${count}` });
  }

  private viewportCenter(): { x: number; y: number } {
    const ext = this.cy.extent();
    return { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
  }

  /** Runs the force-directed layout (cose, built into cytoscape). Resolves when it has stopped. */
  layout(opts: LayoutOptions = {}): Promise<void> {
    const n = this.cy.nodes().length;
    if (n === 0) return Promise.resolve();
    if (n === 1) {
      this.cy.nodes()[0].position(this.viewportCenter());
      if (opts.fit !== false) this.cy.animate({ center: { eles: this.cy.nodes() }, zoom: 1.2 }, { duration: 200 });
      return Promise.resolve();
    }
    const reduceMotion = this.headless || typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.layoutRuns += 1;
    this.onLayout(true);
    return new Promise<void>((resolve) => {
      const layout = this.cy.layout({
        name: 'cose',
        animate: reduceMotion ? false : 'end',
        animationDuration: 350,
        randomize: false,
        fit: opts.fit !== false,
        padding: 48,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: () => 110,
        nodeRepulsion: () => 9000,
        edgeElasticity: () => 80,
        nestingFactor: 1.2,
        gravity: 0.6,
        numIter: 1500,
        componentSpacing: 80,
      } as cytoscape.LayoutOptions);
      layout.one('layoutstop', () => {
        this.layoutRuns -= 1;
        this.onLayout(this.layoutRuns > 0);
        resolve();
      });
      layout.run();
    });
  }

  // ---- date range

  /** Events outside the range (and undated ones, unless `keepUndated`) fade or hide. */
  setDateRange(range: DateRange, mode: DateMode, keepUndated = true): void {
    this.range = { ...range };
    this.dateMode = mode;
    this.keepUndated = keepUndated;
    this.applyDates();
  }

  /** Ids of event nodes outside the date range. */
  outOfRange(): string[] {
    return this.cy.nodes('.out-of-range, .hidden-by-date').map((n) => n.id());
  }

  private applyDates(): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('out-of-range hidden-by-date');
      if (!isActive(this.range) && this.keepUndated) return;
      const cls = this.dateMode === 'hide' ? 'hidden-by-date' : 'out-of-range';
      cy.nodes('[type = "Event"]').forEach((n) => {
        const date = n.data('date') as string | null;
        const keep = span(date) ? inRange(date, this.range) : this.keepUndated;
        if (!keep) {
          n.addClass(cls);
          if (cls === 'out-of-range') n.connectedEdges().addClass(cls);
        }
      });
    });
  }

  // ---- paths

  /** Puts the paths on the canvas and highlights them (everything else is dimmed). */
  showPaths(paths: readonly GPath[]): { nodes: string[]; edges: string[] } {
    for (const p of paths) {
      this.addNodes(p.nodes.filter((n) => !this.hasNode(n.id)));
      this.addEdges(p.edges);
    }
    const nodes = [...new Set(paths.flatMap((p) => p.nodes.map((n) => n.id)))];
    const edges = [...new Set(paths.flatMap((p) => p.edges.map(drawnEdgeId)))];
    this.pathIds = { nodes, edges };
    this.applyPath(paths.length ? [paths[0].nodes[0].id, paths[0].nodes[paths[0].nodes.length - 1].id] : []);
    return { nodes, edges };
  }

  clearPaths(): void {
    this.pathIds = null;
    this.cy.elements().removeClass('path path-end dimmed');
  }

  highlighted(): { nodes: string[]; edges: string[] } {
    return {
      nodes: this.cy.nodes('.path').map((n) => n.id()),
      edges: this.cy.edges('.path').map((e) => e.id()),
    };
  }

  private applyPath(ends: string[]): void {
    const cy = this.cy;
    const ids = this.pathIds;
    cy.batch(() => {
      cy.elements().removeClass('path path-end dimmed');
      if (!ids) return;
      cy.elements().addClass('dimmed');
      for (const id of ids.nodes) cy.getElementById(id).removeClass('dimmed').addClass('path');
      for (const id of ids.edges) cy.getElementById(id).removeClass('dimmed').addClass('path');
      for (const id of ends) cy.getElementById(id).addClass('path-end');
    });
  }

  // ---- export

  exportNodes(): ExportNode[] {
    return this.cy.nodes('[type != "Cluster"]').map((n) => ({ ...this.gnode(n), x: n.position('x'), y: n.position('y') }));
  }

  exportEdges(): ExportEdge[] {
    return this.cy.edges('[kind != "cluster"]').toArray().flatMap((e) => ((e as EdgeSingular).data('parts') as GEdge[]).map((p) => ({ ...p })));
  }
}
