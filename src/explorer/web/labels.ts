/**
 * Level of detail on the canvas: which node labels are drawn (the most connected first, as many as fit
 * the visible area), how big they are for the zoom (so a drawn label stays readable), which edge labels
 * are drawn (all on a small canvas; otherwise on hover, on selection, along a path or at a selected
 * node), and the full name on hover.
 */
import type { EventObject, NodeSingular } from 'cytoscape';
import { h } from './dom';
import { el } from './elements';
import { cy, onChange } from './state';

/** Screen area one label needs (px²), with room around it. */
const LABEL_AREA = 150 * 26 * 3;
/** At or above this zoom every label is drawn. */
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

function apply(): void {
  scheduled = false;
  const zoom = cy.zoom();
  const ext = cy.extent();
  const inView = cy.nodes(':visible').filter((n) => {
    const p = n.position();
    return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
  });
  const budget = zoom >= FULL_ZOOM ? Infinity : Math.max(8, Math.floor((cy.width() * cy.height()) / LABEL_AREA));
  const ranked = inView.toArray().sort((a, b) => rank(b as NodeSingular) - rank(a as NodeSingular));
  const labelled = new Set(ranked.slice(0, budget).map((n) => n.id()));
  const font = fontClass(zoom);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const on = labelled.has(n.id()) || n.selected() || n.hasClass('path') || n.hasClass('cluster');
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

/** Put-on-purpose and selected nodes first, then by the number of edges on the canvas. */
function rank(n: NodeSingular): number {
  return n.degree(false) + (n.hasClass('pinned') ? 1000 : 0) + (n.hasClass('expanded') ? 500 : 0);
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
