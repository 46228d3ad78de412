/**
 * The canvas's layout. A small canvas gets cytoscape's cose over everything (the nicest result, and cheap at that
 * size). A large one never runs cose: its cost grows with the square of the nodes for 1 500 iterations on the page's
 * main thread (a 600-node canvas blocked the page for tens of seconds). There, nodes added since the last layout are
 * placed by fcose around what is already drawn, which stays where it is (fixed), and a full layout (the Layout button,
 * a restored link) is fcose's spectral start with a short force pass.
 */
import cytoscape from 'cytoscape';
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

/** Above this many nodes on the canvas, fcose instead of cose. */
export const COSE_MAX_NODES = 120;

export interface LayoutOptions {
  fit?: boolean;
  /** lay out everything again, even on a large canvas where only new nodes would move (the Layout button) */
  full?: boolean;
}

/** Which layout a canvas gets (exported for the tests). */
export type LayoutKind = 'cose' | 'fcose-full' | 'fcose-new';

const PLACED = 'kgPlaced';

/** The centre of the visible part of the canvas, in the graph's coordinates. */
export function viewportCenter(cy: Core): { x: number; y: number } {
  const ext = cy.extent();
  return { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
}

/**
 * Where `count` new nodes start around `at`. A few go on a ring around it; many (a group drawn, a large expansion) go
 * on a sunflower disc beside it, on the side away from `centre` (the middle of what is already drawn), so that the
 * layout only has to settle them rather than pull them out of the existing drawing.
 */
export function startPositions(at: { x: number; y: number }, centre: { x: number; y: number } | null, count: number): { x: number; y: number }[] {
  if (count <= 24) {
    const r = 110 + 8 * Math.sqrt(count);
    return Array.from({ length: count }, (_, i) => {
      const angle = (2 * Math.PI * i) / Math.max(count, 1);
      return { x: at.x + r * Math.cos(angle), y: at.y + r * Math.sin(angle) };
    });
  }
  const spacing = 34;
  const radius = spacing * Math.sqrt(count);
  const dx = centre ? at.x - centre.x : 1;
  const dy = centre ? at.y - centre.y : 0;
  const len = Math.hypot(dx, dy);
  const [ux, uy] = len > 1 ? [dx / len, dy / len] : [1, 0];
  const mid = { x: at.x + ux * (radius + 90), y: at.y + uy * (radius + 90) };
  const golden = Math.PI * (3 - Math.sqrt(5));
  return Array.from({ length: count }, (_, i) => {
    const r = spacing * Math.sqrt(i + 0.5);
    return { x: mid.x + r * Math.cos(i * golden), y: mid.y + r * Math.sin(i * golden) };
  });
}

/** The middle of the nodes already placed by a layout (null: none is). */
export function placedCentre(cy: Core): { x: number; y: number } | null {
  let x = 0;
  let y = 0;
  let n = 0;
  cy.nodes().forEach((node) => {
    if (!node.scratch(PLACED)) return;
    const p = node.position();
    x += p.x;
    y += p.y;
    n += 1;
  });
  return n ? { x: x / n, y: y / n } : null;
}

/** Nodes added since the last layout (they have no place of their own yet). */
export function unplaced(cy: Core): NodeCollection {
  return cy.nodes().filter((n) => !n.scratch(PLACED));
}

export function layoutKind(total: number, fresh: number, full: boolean): LayoutKind {
  if (total <= COSE_MAX_NODES) return 'cose';
  return full || fresh === 0 || fresh === total ? 'fcose-full' : 'fcose-new';
}

/** A held (locked) node, and on an incremental layout every node already placed, stays where it is. */
function fixedNodes(cy: Core, kind: LayoutKind): { nodeId: string; position: { x: number; y: number } }[] {
  const keep = (n: NodeSingular) => n.locked() || (kind === 'fcose-new' && !!n.scratch(PLACED));
  return cy.nodes().filter(keep).map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }));
}

function coseOptions(opts: LayoutOptions, animate: boolean): cytoscape.LayoutOptions {
  return {
    name: 'cose',
    animate: animate ? 'end' : false,
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
  } as cytoscape.LayoutOptions;
}

function fcoseOptions(cy: Core, kind: LayoutKind, opts: LayoutOptions, animate: boolean): cytoscape.LayoutOptions {
  return {
    name: 'fcose',
    // new nodes start where addNodes put them (around their anchor); a full layout starts from the spectral one
    randomize: kind === 'fcose-full',
    quality: 'default',
    animate,
    animationDuration: 350,
    fit: opts.fit !== false,
    padding: 48,
    // labels are drawn by zoom (labels.ts); counting them would spread a large canvas for text mostly not shown
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    packComponents: false,
    nodeSeparation: 90,
    idealEdgeLength: () => 90,
    nodeRepulsion: () => 6500,
    edgeElasticity: () => 0.45,
    gravity: 0.25,
    gravityRange: 3.8,
    numIter: 1000,
    tile: false,
    fixedNodeConstraint: fixedNodes(cy, kind),
  } as unknown as cytoscape.LayoutOptions;
}

/** Runs the layout; resolves when it has stopped. `animate` false: no motion (headless, or reduced motion asked for). */
export function runLayout(cy: Core, opts: LayoutOptions, animate: boolean): Promise<{ kind: LayoutKind }> {
  const kind = layoutKind(cy.nodes().length, unplaced(cy).length, !!opts.full);
  return new Promise((resolve) => {
    const layout = cy.layout(kind === 'cose' ? coseOptions(opts, animate) : fcoseOptions(cy, kind, opts, animate));
    layout.one('layoutstop', () => {
      cy.nodes().forEach((n) => void n.scratch(PLACED, true));
      resolve({ kind });
    });
    layout.run();
  });
}
