import type { StylesheetJson } from 'cytoscape';
import { LABEL_FONT, LABEL_MAX_WIDTH } from './labelPlacement';
import { FONT_STACK, HIGHLIGHT, NODE_TYPES, TYPE_LOOK } from './theme';

/** One rule of the stylesheet; the rules apply in order, a later one winning. */
type Rule = { selector: string; style: Record<string, unknown> };

/** The cytoscape stylesheet: colour and shape by type, edge labels, selection, paths, date fading. */
export function graphStyle(): StylesheetJson {
  return [...nodeRules(), ...edgeRules(), ...detailRules(), ...markRules()] as StylesheetJson;
}

/** Nodes: the base look, colour and shape by type, cluster nodes, and the filter-and-style classes. */
function nodeRules(): Rule[] {
  const byType = NODE_TYPES.map((t) => ({
    selector: `node[type = "${t}"]`,
    style: {
      'background-color': TYPE_LOOK[t].color,
      'border-color': TYPE_LOOK[t].border,
      shape: TYPE_LOOK[t].shape,
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        'background-color': '#94a3b8',
        'border-color': '#475569',
        'border-width': 1.5,
        width: 30,
        height: 30,
        label: 'data(display)',
        'font-family': FONT_STACK,
        'font-size': LABEL_FONT.base,
        color: '#1e293b',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': `${LABEL_MAX_WIDTH.node}px`,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 6,
        'transition-property': 'opacity, border-width, border-color',
        'transition-duration': 150,
      },
    },
    ...byType,
    { selector: 'node[type = "Event"]', style: { width: 26, height: 26 } },
    {
      selector: 'node.cluster',
      style: {
        shape: 'round-rectangle',
        width: 'data(size)',
        height: 'data(size)',
        'background-color': '#f1f5f9',
        'border-style': 'dashed',
        'border-width': 2,
        'font-weight': 600,
        'text-max-width': `${LABEL_MAX_WIDTH.cluster}px`,
        // a group is what one clicks to open it: drawn over the members laid out around it
        'z-index': 10,
      },
    },
    ...NODE_TYPES.map((t) => ({ selector: `node.cluster[memberType = "${t}"]`, style: { 'border-color': TYPE_LOOK[t].color, 'background-color': TYPE_LOOK[t].color, 'background-opacity': 0.25 } })),
    // filter and style (styleBox.ts): after the type colours, before selection and path marks
    { selector: 'node.sized', style: { width: 'data(size)', height: 'data(size)' } },
    { selector: 'node.coloured', style: { 'background-color': 'data(colour)', 'border-color': '#334155' } },
    { selector: 'node.filtered-out', style: { display: 'none' } },
    { selector: 'node.pinned', style: { 'border-width': 2.5 } },
    { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 4 } },
    { selector: 'node.held', style: { 'outline-width': 3, 'outline-color': '#0f172a', 'outline-offset': 3, 'outline-style': 'dotted' } },
  ];
}

/** Edges: the base look (labels hidden until labels.ts shows them), by kind, hover. */
function edgeRules(): Rule[] {
  return [
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'line-color': '#cbd5e1',
        'target-arrow-color': '#cbd5e1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(display)',
        'font-family': FONT_STACK,
        'font-size': 9,
        color: '#64748b',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        'text-opacity': 0,
        'transition-property': 'opacity, line-color, width',
        'transition-duration': 150,
      },
    },
    { selector: 'edge[kind = "participation"]', style: { 'line-style': 'solid', 'line-color': '#fdba74', 'target-arrow-color': '#fdba74' } },
    { selector: 'edge[kind = "location"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[kind = "cluster"]', style: { 'line-style': 'dotted', width: 2, 'line-color': '#94a3b8', 'target-arrow-color': '#94a3b8' } },
    { selector: 'edge.lbl', style: { 'text-opacity': 1 } },
    { selector: 'edge.hover', style: { width: 2.5, 'z-index': 15 } },
  ];
}

/** Level of detail (labels.ts): fewer, larger labels when zoomed out. */
function detailRules(): Rule[] {
  return [
    // a labelled node (and so its label) is drawn over the unlabelled ones around it
    { selector: 'node', style: { 'z-index': 2 } },
    { selector: 'node.no-label', style: { label: '', 'z-index': 1 } },
    { selector: 'node.cluster', style: { 'z-index': 10 } },
    { selector: 'node.fs-m', style: { 'font-size': LABEL_FONT['fs-m'] } },
    { selector: 'node.fs-l', style: { 'font-size': LABEL_FONT['fs-l'] } },
    { selector: 'node.fs-xl', style: { 'font-size': LABEL_FONT['fs-xl'], 'text-max-width': `${LABEL_MAX_WIDTH.nodeXl}px` } },
    { selector: 'node.cluster.fs-xl', style: { 'text-max-width': `${LABEL_MAX_WIDTH.clusterXl}px` } },
  ];
}

/** Marks over everything else: selection, dimming, date fading, paths, avoided nodes; the canvas itself. */
function markRules(): Rule[] {
  return [
    {
      selector: 'node:selected',
      style: {
        'border-color': '#0f172a',
        'border-width': 3.5,
        'underlay-color': '#0ea5e9',
        'underlay-opacity': 0.22,
        'underlay-padding': 7,
        'underlay-shape': 'ellipse',
      },
    },
    { selector: 'node:active', style: { 'overlay-opacity': 0 } },
    { selector: 'edge:active', style: { 'overlay-opacity': 0.08 } },
    { selector: 'edge:selected', style: { 'line-color': '#0ea5e9', 'target-arrow-color': '#0ea5e9', width: 3, color: '#0369a1' } },
    { selector: '.dimmed', style: { opacity: 0.18 } },
    { selector: '.out-of-range', style: { opacity: 0.15 } },
    { selector: '.hidden-by-date', style: { display: 'none' } },
    {
      selector: 'node.path',
      style: { 'border-color': HIGHLIGHT, 'border-width': 4, opacity: 1, 'z-index': 20 },
    },
    {
      selector: 'edge.path',
      style: { 'line-color': HIGHLIGHT, 'target-arrow-color': HIGHLIGHT, width: 4, opacity: 1, color: HIGHLIGHT, 'z-index': 20 },
    },
    { selector: 'node.path-end', style: { 'border-width': 6 } },
    { selector: 'node.avoided', style: { 'border-style': 'dashed', 'border-color': HIGHLIGHT, 'border-width': 3, 'background-opacity': 0.45 } },
    { selector: 'core', style: { 'active-bg-opacity': 0, 'selection-box-color': '#0ea5e9', 'selection-box-opacity': 0.12, 'selection-box-border-color': '#0284c7' } },
  ];
}
