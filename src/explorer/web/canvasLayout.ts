/** The force-directed layout of the canvas (cose, built into cytoscape). */
import type cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';

export interface LayoutOptions {
  fit?: boolean;
  /** run only around these nodes' neighbourhood (new nodes are placed near their anchor first) */
  anchor?: string;
}

/** The centre of the visible part of the canvas, in the graph's coordinates. */
export function viewportCenter(cy: Core): { x: number; y: number } {
  const ext = cy.extent();
  return { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
}

/** Runs the layout; resolves when it has stopped. `animate` false: no motion (headless, or reduced motion asked for). */
export function runLayout(cy: Core, opts: LayoutOptions, animate: boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    const layout = cy.layout({
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
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}
