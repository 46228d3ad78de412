/**
 * What is on the canvas and why. Wraps one cytoscape instance; the bookkeeping that makes "collapse" exact
 * is in ownership.ts, the cluster nodes in clusterNodes.ts, the layout in canvasLayout.ts, the date and path
 * marks in canvasMarks.ts.
 */
import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from 'cytoscape';
import { placedCentre, runLayout, startPositions, viewportCenter, type LayoutKind, type LayoutOptions } from './canvasLayout';
import { markDates, markPaths } from './canvasMarks';
import { ClusterNodes } from './clusterNodes';
import { isClusterId, type Cluster } from './clusters';
import type { DateRange } from './dates';
import { addDrawnEdges } from './drawnEdges';
import { drawnEdgeId, edgeWord } from './edgeWord';
import type { ExportEdge, ExportNode } from './exporters';
import { graphStyle } from './graphStyle';
import type { GEdge, GNode, GPath } from './graphTypes';
import { Ownership } from './ownership';
import type { DateMode } from './viewState';

export type { GEdge, GNode, GPath } from './graphTypes';
export { drawnEdgeId, edgeWord } from './edgeWord';
export type { LayoutOptions } from './canvasLayout';

export class GraphView {
  readonly cy: Core;
  private readonly owners = new Ownership();
  private readonly clusters: ClusterNodes;
  private layoutRuns = 0;
  /** the kind of the last layout run (cose on a small canvas, fcose on a large one): for scripts and tests */
  lastLayoutKind: LayoutKind | null = null;
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
    this.clusters = new ClusterNodes(this.cy, this.owners);
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
    return this.owners.isExpanded(id);
  }

  expandedIds(): string[] {
    return this.owners.expandedIds();
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
    const center = anchor && anchor.nonempty() ? anchor.position() : viewportCenter(this.cy);
    const fresh = nodes.filter((n) => !this.hasNode(n.id));
    this.clusters.takeFrom(new Set(fresh.map((n) => n.id)), (cid) => this.removeElement(cid));
    // new nodes start around their anchor (away from the rest), so the layout settles them quickly and without jumps
    const starts = anchor && anchor.nonempty() ? startPositions(center, placedCentre(this.cy), fresh.length) : null;
    fresh.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
      const r = 40 * Math.sqrt(i);
      this.cy.add({
        group: 'nodes',
        data: { id: n.id, label: n.label, display: n.label, type: n.type, kind: n.kind, date: n.date },
        position: starts ? starts[i] : { x: center.x + r * Math.cos(angle), y: center.y + r * Math.sin(angle) },
      });
      added.push(n.id);
    });
    for (const n of nodes) {
      if (via === undefined) {
        this.owners.pin(n.id);
        this.cy.getElementById(n.id).addClass('pinned');
      } else if (n.id !== via && (added.includes(n.id) || this.owners.isBrought(n.id)) && !this.owners.isPinned(n.id)) {
        // a node already there on purpose stays owned by nobody; one brought by another expansion is shared
        this.owners.bring(via, n.id);
      }
    }
    this.applyDates();
    return added;
  }

  /** Adds edges whose two ends are on the canvas; parallel edges of one type merge into one drawn edge. */
  addEdges(edges: readonly GEdge[]): number {
    const added = addDrawnEdges(this.cy, edges);
    this.applyDates();
    return added;
  }

  /** Names every drawn edge again (the interface language changed). */
  relabelEdges(): void {
    this.cy.batch(() => {
      this.cy.edges('[kind != "cluster"]').forEach((e) => {
        e.data('display', [...new Set((e.data('parts') as GEdge[]).map(edgeWord))].join(' · '));
      });
    });
  }

  /** Marks a node as expanded even when its expansion added nothing new. */
  markExpanded(id: string): void {
    this.owners.markExpanded(id);
    this.cy.getElementById(id).addClass('expanded');
  }

  /** Removes what only this node's expansion brought in (recursively for nodes that were expanded too). */
  collapse(id: string): number {
    this.cy.getElementById(id).removeClass('expanded');
    return this.owners.collapse(id, (n) => this.removeElement(n));
  }

  /** Removes nodes (and their edges) from the canvas. */
  remove(ids: readonly string[]): void {
    for (const id of ids) {
      const { clusters, orphans } = this.owners.release(id, isClusterId);
      for (const c of clusters) this.removeElement(c);
      // nodes whose only reason to be here is going away stay, now as ordinary nodes
      for (const n of orphans) this.cy.getElementById(n).addClass('pinned');
      this.removeElement(id);
    }
  }

  private removeElement(id: string): void {
    this.clusters.forget(id);
    const el = this.cy.getElementById(id);
    if (el.nonempty()) this.cy.remove(el);
    if (this.pathIds) {
      this.pathIds.nodes = this.pathIds.nodes.filter((n) => n !== id);
    }
  }

  clear(): void {
    this.cy.elements().remove();
    this.owners.clear();
    this.clusters.clear();
    this.pathIds = null;
  }

  // ---- clusters (see clusters.ts, clusterNodes.ts)

  /** Draws a cluster node next to its anchor, linked to it; collapsing the anchor removes it. */
  addCluster(c: Cluster): void {
    this.clusters.add(c);
  }

  cluster(id: string): Cluster | null {
    return this.clusters.get(id);
  }

  clusterIds(): string[] {
    return this.clusters.ids();
  }

  /** Draws members of a cluster (all, or those ids) as nodes brought in by its anchor; an emptied cluster goes. */
  openCluster(id: string, ids?: readonly string[]): string[] {
    const c = this.clusters.get(id);
    if (!c) return [];
    const want = ids ? new Set(ids) : null;
    const members = c.members.filter((m) => !want || want.has(m.id));
    const edges = c.edges.filter((e) => members.some((m) => m.id === e.source || m.id === e.target));
    const added = this.addNodes(members, c.anchor, id);
    this.addEdges(edges);
    return added;
  }

  /**
   * Runs the force-directed layout (see canvasLayout.ts: on a large canvas only the nodes added since the last one
   * move, unless `full`). Resolves when it has stopped.
   */
  layout(opts: LayoutOptions = {}): Promise<void> {
    const n = this.cy.nodes().length;
    if (n === 0) return Promise.resolve();
    if (n === 1) {
      this.cy.nodes()[0].position(viewportCenter(this.cy));
      if (opts.fit !== false) this.cy.animate({ center: { eles: this.cy.nodes() }, zoom: 1.2 }, { duration: 200 });
      return Promise.resolve();
    }
    const reduceMotion = this.headless || (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches);
    this.layoutRuns += 1;
    this.onLayout(true);
    return runLayout(this.cy, opts, !reduceMotion).then(({ kind }) => {
      // groups the members of a hub were laid out over go to a ring outside them, and the view takes them in
      if (this.clusters.ringOut() && opts.fit !== false) this.cy.fit(undefined, 48);
      this.lastLayoutKind = kind;
      this.layoutRuns -= 1;
      this.onLayout(this.layoutRuns > 0);
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
    markDates(this.cy, this.range, this.dateMode, this.keepUndated);
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
    markPaths(this.cy, this.pathIds, paths.length ? [paths[0].nodes[0].id, paths[0].nodes[paths[0].nodes.length - 1].id] : []);
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

  // ---- export

  exportNodes(): ExportNode[] {
    return this.cy.nodes('[type != "Cluster"]').map((n) => ({ ...this.gnode(n), x: n.position('x'), y: n.position('y') }));
  }

  exportEdges(): ExportEdge[] {
    return this.cy.edges('[kind != "cluster"]').toArray().flatMap((e) => ((e as EdgeSingular).data('parts') as GEdge[]).map((p) => ({ ...p })));
  }
}
