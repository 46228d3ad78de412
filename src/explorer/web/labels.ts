/**
 * Level of detail on the canvas: which node labels are drawn (the most connected first, as many as fit
 * the visible area, and never one over another: labelPlacement.ts), how big they are for the zoom (so a drawn
 * label stays readable), which edge labels are drawn (all on a small canvas; otherwise on hover, on selection,
 * along a path or at a selected node), and the full name on hover.
 */
import type { EventObject, NodeSingular } from 'cytoscape';
import { h } from './dom';
import { el } from './elements';
import { LABEL_FONT, LABEL_MAX_WIDTH, placeLabels, type LabelBox } from './labelPlacement';
import { cy, onChange } from './state';
import { FONT_STACK } from './theme';

/** Screen area one label needs (px²), with room around it. */
const LABEL_AREA = 150 * 26 * 3;
/** At or above this zoom every label that fits is drawn (no budget). */
const FULL_ZOOM = 1.15;
/** Edge labels for every edge on canvases this small. */
const ALL_EDGE_LABELS = 40;

const FONT_CLASSES = ['fs-m', 'fs-l', 'fs-xl'] as const;

function fontClass(zoom: number): string | null {
  if (zoom >= 0.9) return null;
  if (zoom >= 0.6) return 'fs-m';
  if (zoom >= 0.4) return 'fs-l';
  return 'fs-xl';
}

let scheduled = false;
let lastFont: string | null | undefined;

/** Text widths (graph px at a font size), measured once per text and size with a canvas's 2D context. */
const widths = new Map<string, number>();
let measurer: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string, size: number, bold: boolean): number {
  const key = `${size}${bold ? 'b' : ''}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (measurer === undefined) measurer = document.createElement('canvas').getContext('2d');
    if (measurer) {
      measurer.font = `${bold ? 600 : 400} ${size}px ${FONT_STACK}`;
      w = measurer.measureText(text).width;
    } else w = text.length * size;
    if (widths.size > 5000) widths.clear();
    widths.set(key, w);
  }
  return w;
}

/** Where a node's label is drawn on screen (below the node, as the stylesheet puts it), with its text background. */
function labelBox(n: NodeSingular, font: string | null, zoom: number, forced: boolean): LabelBox {
  const cluster = n.hasClass('cluster');
  const size = font ? LABEL_FONT[font as keyof typeof LABEL_FONT] : LABEL_FONT.base;
  const max = cluster ? (font === 'fs-xl' ? LABEL_MAX_WIDTH.clusterXl : LABEL_MAX_WIDTH.cluster) : font === 'fs-xl' ? LABEL_MAX_WIDTH.nodeXl : LABEL_MAX_WIDTH.node;
  // the text, its background's 2 px padding on every side, below the node after the 4 px margin
  const w = (Math.min(textWidth(String(n.data('display') ?? ''), size, cluster), max) + 6) * zoom;
  const hgt = (size * 1.35 + 6) * zoom;
  const p = n.renderedPosition();
  const top = p.y + n.renderedOuterHeight() / 2 + 2 * zoom;
  return { id: n.id(), x1: p.x - w / 2, x2: p.x + w / 2, y1: top, y2: top + hgt, forced };
}

function apply(): void {
  scheduled = false;
  const zoom = cy.zoom();
  const ext = cy.extent();
  const inView = cy.nodes(':visible').filter((n) => {
    const p = n.position();
    return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
  });
  const budget = zoom >= FULL_ZOOM ? Infinity : Math.max(8, Math.floor((cy.width() * cy.height()) / LABEL_AREA));
  const font = fontClass(zoom);
  const ranked = inView.toArray().sort((a, b) => rank(b as NodeSingular) - rank(a as NodeSingular)) as NodeSingular[];
  const labelled = placeLabels(
    ranked.map((n) => labelBox(n, font, zoom, n.selected() || n.hasClass('path'))),
    budget,
  );
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const on = labelled.has(n.id()) || n.selected() || n.hasClass('path');
      if (on === n.hasClass('no-label')) n.toggleClass('no-label', !on);
    });
    if (font !== lastFont) {
      cy.nodes().removeClass(FONT_CLASSES.join(' '));
      if (font) cy.nodes().addClass(font);
    }
    const all = cy.edges().length <= ALL_EDGE_LABELS && zoom >= 0.7;
    cy.edges().forEach((e) => {
      const on = all || e.selected() || e.hasClass('path') || e.hasClass('hover') || e.connectedNodes(':selected').nonempty();
      if (on !== e.hasClass('lbl')) e.toggleClass('lbl', on);
    });
  });
  lastFont = font;
}

/** Put-on-purpose and expanded nodes first, then groups (what a hub's neighbours are), then by the edges on the canvas. */
function rank(n: NodeSingular): number {
  return n.degree(false) + (n.hasClass('pinned') ? 1000 : 0) + (n.hasClass('expanded') ? 500 : 0) + (n.hasClass('cluster') ? 900 : 0);
}

export function refreshLabels(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(apply);
}

function installTip(): void {
  const tip = h('div', { class: 'hover-tip', attrs: { role: 'tooltip', id: 'hover-tip' } });
  tip.hidden = true;
  el.cy.parentElement?.appendChild(tip);
  cy.on('mouseover', 'node', (e: EventObject) => {
    const n = e.target as NodeSingular;
    const count = n.data('count') as number | undefined;
    tip.textContent = count !== undefined ? `${n.data('label') as string} — ${count}` : (n.data('label') as string);
    const p = n.renderedPosition();
    tip.style.left = `${Math.round(p.x)}px`;
    tip.style.top = `${Math.round(p.y - n.renderedOuterHeight() / 2 - 8)}px`;
    tip.hidden = false;
  });
  cy.on('mouseout', 'node', () => (tip.hidden = true));
  cy.on('viewport remove', () => (tip.hidden = true));
  cy.on('mouseover', 'edge', (e: EventObject) => {
    e.target.addClass('hover lbl');
  });
  cy.on('mouseout', 'edge', (e: EventObject) => {
    e.target.removeClass('hover');
    refreshLabels();
  });
}

export function installLabels(): void {
  installTip();
  cy.on('viewport', refreshLabels);
  cy.on('select unselect', refreshLabels);
  cy.on('layoutstop', refreshLabels);
  onChange(['elements', 'canvas', 'path'], refreshLabels);
  refreshLabels();
}
