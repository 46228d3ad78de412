/** What the details panel's buttons do (details.ts provides them; the panel renderers only draw the buttons). */
import type { GNode } from './graphTypes';
import type { Ref } from './queries';

export interface PanelActions {
  /** put an entity or event on the canvas (if needed) and select it */
  open(ref: Ref | GNode): void;
  expand(id: string): void;
  /** expand into groups by type and relation or role, however many neighbours */
  expandGrouped(id: string): void;
  collapse(id: string): void;
  remove(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  /** no path may pass through this node, or it may again */
  toggleAvoid(id: string): void;
  isAvoided(id: string): boolean;
  isExpanded(id: string): boolean;
  /** keep a node where it is when the layout runs (a hub out of the layout), or release it */
  togglePin(id: string): void;
  isPinned(id: string): boolean;
  select(id: string): void;
}
