/**
 * The canvas's layout on a headless cytoscape: a small canvas is laid out whole (cose); on a large one, nodes drawn
 * later (a hub's group opened) are placed around what is there, which does not move; the Layout button lays out
 * everything again, except a node held in place.
 */
import { COSE_MAX_NODES, layoutKind, startPositions } from '../src/explorer/web/canvasLayout';
import { GraphView, type GEdge, type GNode } from '../src/explorer/web/graphView';

const node = (id: string, type = 'Person'): GNode => ({ id, label: id, type, kind: null, date: null });
const link = (source: string, target: string): GEdge => ({ id: `${source}|${target}`, source, target, type: 'HOLDS_POSITION', role: null, title: '科员' });
const positions = (v: GraphView, ids: string[]) => new Map(ids.map((id) => [id, { ...v.cy.getElementById(id).position() }]));

/** A hub with `n` neighbours, all drawn and laid out; the neighbours are h0 … h(n-1). */
async function hubCanvas(n: number): Promise<GraphView> {
  const v = new GraphView(null);
  v.addNodes([node('hub', 'Organization')]);
  const ids = Array.from({ length: n }, (_, i) => `h${i}`);
  v.addNodes(ids.map((id) => node(id)), 'hub', 'hub');
  v.addEdges(ids.map((id) => link(id, 'hub')));
  v.markExpanded('hub');
  await v.layout();
  return v;
}

function closestPair(v: GraphView, ids: string[]): number {
  const all = v.cy.nodes().map((x) => x.position());
  let best = Infinity;
  for (const id of ids) {
    const p = v.cy.getElementById(id).position();
    for (const q of all) {
      if (q === p || (q.x === p.x && q.y === p.y)) continue;
      best = Math.min(best, Math.hypot(p.x - q.x, p.y - q.y));
    }
  }
  return best;
}

describe('laying out the canvas', () => {
  it('a canvas of up to COSE_MAX_NODES nodes is laid out whole with cose, however it grew', async () => {
    expect(layoutKind(COSE_MAX_NODES, 20, false)).toBe('cose');
    const v = await hubCanvas(30);
    expect(v.lastLayoutKind).toBe('cose');
  });

  it('when 150 more neighbours are drawn on a canvas of 200, only they move: every node already there stays put', async () => {
    const v = await hubCanvas(200);
    expect(v.lastLayoutKind).toBe('fcose-full');
    const before = positions(v, v.nodeIds());
    const fresh = Array.from({ length: 150 }, (_, i) => `g${i}`);
    v.addNodes(fresh.map((id) => node(id)), 'hub', 'hub');
    v.addEdges(fresh.map((id) => link(id, 'hub')));
    await v.layout();
    expect(v.lastLayoutKind).toBe('fcose-new');
    for (const [id, p] of before) {
      const now = v.cy.getElementById(id).position();
      expect(Math.hypot(now.x - p.x, now.y - p.y)).toBeLessThan(1e-6);
    }
    // none of the new nodes is left on another one (a headless canvas draws nodes 1 unit wide)
    expect(closestPair(v, fresh)).toBeGreaterThan(1);
  });

  it('the Layout button lays out a large canvas whole, but a node held in place stays where it is', async () => {
    const v = await hubCanvas(200);
    const hub = v.cy.getElementById('hub');
    hub.lock();
    const held = { ...hub.position() };
    const others = positions(v, ['h0', 'h1', 'h2']);
    await v.layout({ full: true });
    expect(v.lastLayoutKind).toBe('fcose-full');
    expect(Math.hypot(hub.position().x - held.x, hub.position().y - held.y)).toBeLessThan(1e-6);
    expect([...others].some(([id, p]) => v.cy.getElementById(id).position().x !== p.x)).toBe(true);
  });

  it('many new nodes start on a disc beside their anchor, on the side away from what is drawn', () => {
    const at = { x: 100, y: 0 };
    const starts = startPositions(at, { x: 0, y: 0 }, 150);
    expect(starts).toHaveLength(150);
    const mid = { x: starts.reduce((s, p) => s + p.x, 0) / 150, y: starts.reduce((s, p) => s + p.y, 0) / 150 };
    expect(mid.x).toBeGreaterThan(at.x + 200);
    expect(Math.abs(mid.y)).toBeLessThan(60);
    // a few stay on a ring around it
    const ring = startPositions(at, { x: 0, y: 0 }, 6);
    for (const p of ring) expect(Math.hypot(p.x - at.x, p.y - at.y)).toBeCloseTo(110 + 8 * Math.sqrt(6));
  });
});
