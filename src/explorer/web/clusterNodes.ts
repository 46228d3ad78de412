/** The cluster nodes on the canvas (see clusters.ts): each drawn next to its anchor, with its count. */
import type { Core } from 'cytoscape';
import type { Cluster } from './clusters';
import type { Ownership } from './ownership';

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

  private refresh(id: string): void {
    const c = this.info.get(id);
    const n = this.cy.getElementById(id);
    if (!c || n.empty()) return;
    const count = c.members.length;
    n.data({ count, display: `${c.what} · ${c.word} (${count}${c.partial ? '+' : ''})`, size: Math.min(70, 30 + 6 * Math.log2(count)) });
    this.cy.getElementById(`${id}\u0001link`).data({ display: `${c.word} ×${count}` });
  }
}
