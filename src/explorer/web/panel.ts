/**
 * The details panel's renderers, one module per thing shown (overviewPanel, entityPanel, eventPanel,
 * edgePanel; their pieces in panelHead, panelParts, figuresSection, swatch). Every value that comes from
 * the API is inserted as text (see dom.ts), including names, aliases, evidence and article titles.
 */
export { fillEdgeEvidence, renderEdge, type EdgeEnds } from './edgePanel';
export { renderEntity } from './entityPanel';
export { renderEvent } from './eventPanel';
export { renderLoading, renderOther, renderOverview, renderPanelError } from './overviewPanel';
export type { PanelActions } from './panelActions';
export { reading } from './panelParts';
export { swatch } from './swatch';
