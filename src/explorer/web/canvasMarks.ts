/** Marks on the canvas that come from the state: events outside the date range, and the paths shown. */
import type { Core } from 'cytoscape';
import { inRange, isActive, span, type DateRange } from './dates';
import type { DateMode } from './viewState';

/** Events outside the range (and undated ones, unless `keepUndated`) fade or hide. */
export function markDates(cy: Core, range: DateRange, mode: DateMode, keepUndated: boolean): void {
  cy.batch(() => {
    cy.elements().removeClass('out-of-range hidden-by-date');
    if (!isActive(range) && keepUndated) return;
    const cls = mode === 'hide' ? 'hidden-by-date' : 'out-of-range';
    cy.nodes('[type = "Event"]').forEach((n) => {
      const date = n.data('date') as string | null;
      const keep = span(date) ? inRange(date, range) : keepUndated;
      if (!keep) {
        n.addClass(cls);
        if (cls === 'out-of-range') n.connectedEdges().addClass(cls);
      }
    });
  });
}

/** Highlights the elements of the paths (everything else is dimmed); null takes the highlight off. */
export function markPaths(cy: Core, ids: { nodes: string[]; edges: string[] } | null, ends: string[]): void {
  cy.batch(() => {
    cy.elements().removeClass('path path-end dimmed');
    if (!ids) return;
    cy.elements().addClass('dimmed');
    for (const id of ids.nodes) cy.getElementById(id).removeClass('dimmed').addClass('path');
    for (const id of ids.edges) cy.getElementById(id).removeClass('dimmed').addClass('path');
    for (const id of ends) cy.getElementById(id).addClass('path-end');
  });
}
