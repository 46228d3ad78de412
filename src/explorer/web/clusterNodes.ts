/** The cluster nodes on the canvas (see clusters.ts): each drawn next to its anchor, with its count. */
import type { Core, NodeSingular } from 'cytoscape';
import type { Cluster } from './clusters';
import type { Ownership } from './ownership';

/** An anchor with fewer members drawn around it keeps its groups where the layout put them. */
const RING_MIN_MEMBERS = 12;
/** Space between the crowd of members and the ring of groups (graph px). */
const RING_GAP = 60;

const copy = (c: Cluster): Cluster => ({ ...c, members: [...c.members], edges: [...c.edges] });

export class ClusterNodes {
  /** cluster node id → the neighbours it stands for */
  private readonly info = new Map<string, Cluster>();

  constructor(
    private readonly cy: Core,
    private readonly owners: Ownership,
  ) {}

  /** Draws a cluster node next to its anchor, linked to it; collapsing the anchor removes it. */
  add(c: Cluster): void {
    const cy = this.cy;
    if (cy.getElementById(c.id).nonempty() || cy.getElementById(c.anchor).empty()) return;
    this.info.set(c.id, copy(c));
    const at = cy.getElementById(c.anchor).position();
    cy.add({ group: 'nodes', data: { id: c.id, type: 'Cluster', memberType: c.type, label: `${c.what} · ${c.word}` }, classes: 'cluster', position: { x: at.x + 40, y: at.y + 40 } });
    const outward = c.edges.length === 0 || c.edges[0].source === c.anchor;
    cy.add({
      group: 'edges',
      data: { id: `${c.id}\u0001link`, source: outward ? c.anchor : c.id, target: outward ? c.id : c.anchor, type: 'CLUSTER', kind: 'cluster', parts: [], display: c.word },
      classes: 'cluster-link',
    });
    this.owners.bring(c.anchor, c.id);
    this.refresh(c.id);
  }

  get(id: string): Cluster | null {
    const c = this.info.get(id);
    return c ? copy(c) : null;
  }

  ids(): string[] {
    return [...this.info.keys()];
  }

  has(id: string): boolean {
    return this.info.has(id);
  }

  forget(id: string): void {
    this.info.delete(id);
  }

  clear(): void {
    this.info.clear();
  }

  /** Nodes now drawn for themselves leave the clusters that held them; `drop` takes an emptied cluster away. */
  takeFrom(ids: Set<string>, drop: (id: string) => void): void {
    if (ids.size === 0 || this.info.size === 0) return;
    for (const [cid, c] of [...this.info]) {
      const left = c.members.filter((m) => !ids.has(m.id));
      if (left.length === c.members.length) continue;
      c.members = left;
      c.edges = c.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target));
      if (left.length === 0) {
        this.owners.unbring(c.anchor, cid);
        drop(cid);
      } else this.refresh(cid);
    }
  }

  /**
   * Groups caught inside the crowd of members drawn around their anchor (a group opened, a large expansion) move
   * out to a ring just beyond that crowd, each on its own bearing, so a group stays visible and clickable and its
   * label is not under the members'. Held groups stay. Returns whether any moved.
   */
  ringOut(): boolean {
    let moved = false;
    for (const [id, c] of this.info) {
      const n = this.cy.getElementById(id) as unknown as NodeSingular;
      const anchor = this.cy.getElementById(c.anchor) as unknown as NodeSingular;
      if (n.empty() || anchor.empty() || n.locked()) continue;
      const members = anchor.neighborhood().nodes().filter((m) => !m.hasClass('cluster'));
      if (members.length < RING_MIN_MEMBERS) continue;
      const a = anchor.position();
      let reach = 0;
      members.forEach((m) => {
        const p = m.position();
        reach = Math.max(reach, Math.hypot(p.x - a.x, p.y - a.y) + m.outerWidth() / 2);
      });
      const p = n.position();
      const size = Number(n.data('size') ?? 40);
      const dist = Math.hypot(p.x - a.x, p.y - a.y);
      const ring = reach + size / 2 + RING_GAP;
      if (dist >= ring - 1) continue;
      const [ux, uy] = dist > 1 ? [(p.x - a.x) / dist, (p.y - a.y) / dist] : [1, 0];
      n.position({ x: a.x + ux * ring, y: a.y + uy * ring });
      moved = true;
    }
    return moved;
  }

  private refresh(id: string): void {
    const c = this.info.get(id);
    const n = this.cy.getElementById(id);
    if (!c || n.empty()) return;
    const count = c.members.length;
    n.data({ count, display: `${c.what} · ${c.word} (${count}${c.partial ? '+' : ''})`, size: Math.min(70, 30 + 6 * Math.log2(count)) });
    this.cy.getElementById(`${id}\u0001link`).data({ display: `${c.word} ×${count}` });
  }
}
